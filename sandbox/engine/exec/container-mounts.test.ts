// configMap and secret volumes as files in the container (items remap the paths, secrets are
// decoded), refreshed at the kubelet's sync (~60 s) except subPath mounts; securityContext sets
// what `id` prints and runAsNonRoot refuses a root image. Golden transcripts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox, type Sandbox } from '../../kubectl/testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

const POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  app.properties: |
    color=blue
  banner.txt: Hello
---
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: s3cr3t
  user: admin
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: creds, mountPath: /etc/db, readOnly: true}
    - {name: config, mountPath: /etc/banner.txt, subPath: banner.txt}
  volumes:
  - name: config
    configMap: {name: web-config}
  - name: creds
    secret:
      secretName: db
      items:
      - {key: password, path: secret/pw}
`;

const SECURE = `apiVersion: v1
kind: Pod
metadata:
  name: security-context-demo
spec:
  securityContext:
    runAsUser: 1000
    runAsGroup: 3000
    fsGroup: 2000
    supplementalGroups: [4000]
  containers:
  - name: sec-ctx-demo
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 1h']
---
apiVersion: v1
kind: Pod
metadata:
  name: nonroot
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: web
    image: nginx:1.27
`;

// The init container writes the page nginx serves, through an emptyDir both mount.
const SHARED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: prepare
    image: busybox:1.36
    command: ['sh', '-c', 'echo "<h1>Hello from the init container</h1>" > /work/index.html; echo ok >> /work/status']
    volumeMounts:
    - {name: html, mountPath: /work}
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts:
    - {name: html, mountPath: /usr/share/nginx/html}
  - name: reader
    image: busybox:1.36
    command: ['sleep', '1h']
    volumeMounts:
    - {name: html, mountPath: /data}
  volumes:
  - name: html
    emptyDir: {}
`;

const DOWNWARD = `apiVersion: v1
kind: Pod
metadata:
  name: kubernetes-downwardapi-volume-example
  labels: {zone: us-est-coast, cluster: test-cluster1, rack: rack-22}
  annotations: {build: two, builder: john-doe}
spec:
  containers:
  - name: client-container
    image: registry.k8s.io/busybox
    command: ["sh", "-c"]
    args: ['while true; do sleep 5; done']
    volumeMounts:
    - {name: podinfo, mountPath: /etc/podinfo}
  volumes:
  - name: podinfo
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}
      - {path: name, fieldRef: {fieldPath: metadata.name}}
`;

async function transcript(sb: Sandbox, lines: string[]): Promise<string> {
  let out = '';
  for (const line of lines) out += `$ ${line}\n${await sb.run(line)}`;
  return out;
}

describe('container volumes and security context', () => {
  it('mounts ConfigMap and Secret volumes as files, refreshed at the kubelet sync except subPath', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD);
    let out = await transcript(sb, ['kubectl apply -f pod.yaml']);
    sb.advance(20_000);
    out += await transcript(sb, [
      'kubectl exec app -- ls /etc/config',
      'kubectl exec app -- cat /etc/config/app.properties',
      'kubectl exec app -- ls /etc/db/secret',
      'kubectl exec app -- cat /etc/db/secret/pw',
      'kubectl exec app -- cat /etc/banner.txt',
      `kubectl patch configmap web-config -p '{"data":{"app.properties":"color=green\\n","banner.txt":"Bye"}}'`,
      'kubectl exec app -- cat /etc/config/app.properties',
    ]);
    sb.advance(70_000);
    out += await transcript(sb, ['kubectl exec app -- cat /etc/config/app.properties /etc/banner.txt']);
    expect(out).toContain('$ kubectl exec app -- cat /etc/db/secret/pw\ns3cr3t');
    expect(out).toMatch(/color=blue\n\$ kubectl exec app -- cat \/etc\/config\/app.properties \/etc\/banner.txt\ncolor=green\nHello/);
    expectGolden(golden('container-volumes.txt'), out);
  });

  it('a missing ConfigMap, Secret or item key keeps the pod ContainerCreating (FailedMount) until it exists', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD.split('---\n')[2]);
    let out = await transcript(sb, ['kubectl apply -f pod.yaml']);
    sb.advance(30_000);
    out += await transcript(sb, [
      'kubectl get pod app',
      'kubectl get events --field-selector reason=FailedMount -o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message --sort-by=.message',
      'kubectl create configmap web-config --from-literal=banner.txt=Hi',
      'kubectl create secret generic db --from-literal=user=admin',
    ]);
    sb.advance(70_000);
    out += await transcript(sb, [
      'kubectl get pod app',
      'kubectl get events --field-selector reason=FailedMount -o custom-columns=MESSAGE:.message --sort-by=.message',
      'kubectl delete secret db',
      'kubectl create secret generic db --from-literal=password=pw',
    ]);
    sb.advance(130_000);
    out += await transcript(sb, ['kubectl get pod app', 'kubectl exec app -- cat /etc/db/secret/pw /etc/banner.txt']);
    expect(out).toContain('MountVolume.SetUp failed for volume "config" : configmap "web-config" not found');
    expect(out).toContain('MountVolume.SetUp failed for volume "creds" : references non-existent secret key: password');
    expect(out).toMatch(/app +0\/1 +ContainerCreating/);
    expect(out).toMatch(/app +1\/1 +Running/);
    expectGolden(golden('container-failed-mount.txt'), out);
  });

  it('shares an emptyDir between the containers of a pod: what the init container writes, the app reads', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/web.yaml', SHARED);
    let out = await transcript(sb, ['kubectl apply -f web.yaml']);
    sb.advance(40_000);
    out += await transcript(sb, [
      'kubectl get pod web',
      'kubectl exec web -c nginx -- ls /usr/share/nginx/html',
      'kubectl exec web -c nginx -- cat /usr/share/nginx/html/index.html',
      `kubectl exec web -c reader -- sh -c 'echo more >> /data/status; cat /data/status'`,
      'kubectl exec web -c nginx -- cat /usr/share/nginx/html/status',
      `kubectl exec web -c reader -- sh -c 'echo x > /nope/file'`,
    ]);
    expect(out).toContain('$ kubectl exec web -c nginx -- cat /usr/share/nginx/html/index.html\n<h1>Hello from the init container</h1>\n');
    expect(out).toContain('cat /usr/share/nginx/html/status\nok\nmore\n');
    expectGolden(golden('container-emptydir.txt'), out);
  });

  it('a downwardAPI volume holds the labels and annotations, updated after a change (docs example)', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/podinfo.yaml', DOWNWARD);
    await sb.run('kubectl create -f podinfo.yaml');
    sb.advance(20_000);
    let out = await transcript(sb, ['kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/labels /etc/podinfo/annotations /etc/podinfo/name', 'kubectl label pod kubernetes-downwardapi-volume-example tier=web']);
    sb.advance(65_000);
    out += await transcript(sb, ['kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/labels']);
    expect(out).toContain('cat /etc/podinfo/labels /etc/podinfo/annotations /etc/podinfo/name\ncluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"build="two"\nbuilder="john-doe"kubernetes-downwardapi-volume-example');
    expect(out).toContain('rack="rack-22"\ntier="web"\nzone="us-est-coast"');
  });

  it('runs as runAsUser/runAsGroup with fsGroup and supplementalGroups; runAsNonRoot refuses a root image', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pods.yaml', SECURE);
    let out = await transcript(sb, ['kubectl apply -f pods.yaml']);
    sb.advance(30_000);
    out += await transcript(sb, [
      'kubectl exec security-context-demo -- id',
      'kubectl exec security-context-demo -- whoami',
      'kubectl get pods',
      `kubectl get pod nonroot -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'`,
    ]);
    expect(out).toContain('uid=1000 gid=3000 groups=2000,3000,4000\n');
    expect(out).toMatch(/container has runAsNonRoot and image will run as root \(pod: "nonroot_default\([0-9a-f-]+\)", container: web\)/);
    expectGolden(golden('container-security.txt'), out);
  });
});
