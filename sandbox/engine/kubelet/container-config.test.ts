// A container sees its configuration: env from values, ConfigMaps, Secrets (decoded), the
// downward API and service links, fixed at start; a missing ConfigMap/Secret/key or a root image
// under runAsNonRoot is CreateContainerConfigError until fixed; configMap/secret volumes are files
// refreshed at the kubelet's sync; securityContext sets what `id` prints. Golden transcripts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox, type Sandbox } from '../../kubectl/testing.js';
import { execInContainer } from '../exec/index.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: debug
  MODE: blue
---
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: czNjcjN0
  user: YWRtaW4=
---
apiVersion: v1
kind: Service
metadata:
  name: web-api
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    resources:
      limits: {memory: 128Mi}
    envFrom:
    - configMapRef: {name: app-config}
      prefix: CFG_
    - secretRef: {name: db}
    env:
    - name: GREETING
      value: hello
    - name: MESSAGE
      value: $(GREETING) world
    - name: LEVEL
      valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}
    - name: DB_PASSWORD
      valueFrom: {secretKeyRef: {name: db, key: password}}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: POD_NAMESPACE
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    - name: POD_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: NODE_NAME
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
    - name: MEMORY_MB
      valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
    - name: OPTIONAL
      valueFrom: {configMapKeyRef: {name: nothing-here, key: x, optional: true}}
`;

async function transcript(sb: Sandbox, lines: string[]): Promise<string> {
  let out = '';
  for (const line of lines) out += `$ ${line}\n${await sb.run(line)}`;
  return out;
}

describe('container configuration', () => {
  it('env shows values, ConfigMap/Secret keys, envFrom, the downward API and service links, fixed at start', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/config.yaml', CONFIG);
    sb.fs.writeFile('/root/pod.yaml', POD);
    let out = await transcript(sb, ['kubectl apply -f config.yaml', 'kubectl apply -f pod.yaml']);
    sb.advance(20_000);
    out += await transcript(sb, [
      'kubectl get pod app',
      'kubectl exec app -- env',
      'kubectl exec app -- printenv DB_PASSWORD',
      `kubectl exec app -- sh -c 'echo $MESSAGE from $POD_NAME in $POD_NAMESPACE'`,
      'kubectl create service clusterip later --tcp=5678:5678',
      `kubectl patch configmap app-config -p '{"data":{"LOG_LEVEL":"info"}}'`,
      'kubectl exec app -- printenv LEVEL LATER_SERVICE_HOST',
    ]);
    expect(out).toContain('DB_PASSWORD=s3cr3t\n');
    expect(out).toContain('CFG_MODE=blue\n');
    expect(out).toContain('MEMORY_MB=128\n');
    expect(out).toContain('hello world from app in default\n');
    expect(out).toContain('WEB_API_SERVICE_PORT_HTTP=80\n');
    expect(out).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(out).not.toContain('OPTIONAL=');
    expectGolden(golden('container-env.txt'), out);
  });

  it('a missing ConfigMap or key is CreateContainerConfigError until it exists; optional ones are skipped', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD);
    let out = await transcript(sb, ['kubectl apply -f pod.yaml']);
    sb.advance(20_000);
    out += await transcript(sb, [
      'kubectl get pod app',
      `kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state}'`,
      `kubectl get events --field-selector reason=Failed -o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message`,
      'kubectl create secret generic db --from-literal=password=pw',
      'kubectl create configmap app-config --from-literal=MODE=green',
    ]);
    sb.advance(15_000);
    out += await transcript(sb, [
      `kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'`,
      'kubectl get pod app',
      'kubectl create configmap app-config --from-literal=LOG_LEVEL=warn --from-literal=MODE=green --dry-run=client -o yaml | kubectl apply -f -',
    ]);
    sb.advance(15_000);
    out += await transcript(sb, ['kubectl get pod app', 'kubectl exec app -- printenv LEVEL DB_PASSWORD CFG_MODE']);
    expect(out).toContain('CreateContainerConfigError');
    expect(out).toContain('Error: configmap "app-config" not found');
    expect(out).toContain("couldn't find key LOG_LEVEL in ConfigMap default/app-config");
    expect(out).toMatch(/app +1\/1 +Running/);
    expectGolden(golden('container-config-error.txt'), out);
  });

  it('an exec probe sees the mounted files and env the container started with; exec -t sets TERM', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/probed.yaml', PROBED);
    await sb.run('kubectl apply -f probed.yaml');
    sb.advance(30_000);
    const out = await transcript(sb, ['kubectl get pods probed-ready probed-waiting']);
    expect(out).toMatch(/probed-ready +1\/1 +Running/);
    expect(out).toMatch(/probed-waiting +0\/1 +Running/);
    const pod = sb.engine.api.get({ group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'probed-ready' });
    let term = '';
    const net = { api: sb.engine.api, clock: sb.engine.clock, random: sb.engine.random, cluster: sb.engine };
    await execInContainer(sb.engine.api, pod, 'app', ['printenv', 'TERM', 'FLAG_FILE'], { stdout: (t) => (term += t), stderr: () => undefined, tty: true }, net);
    expect(term).toBe('xterm\r\n/etc/flags/ready\r\n');
  });
});

const PROBED = ['ready', 'waiting'].map((name) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: flags-${name}
data:
  ${name === 'ready' ? 'ready' : 'other'}: "yes"
---
apiVersion: v1
kind: Pod
metadata:
  name: probed-${name}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '1h']
    env:
    - {name: FLAG_FILE, value: /etc/flags/ready}
    readinessProbe:
      exec: {command: ['sh', '-c', 'cat $FLAG_FILE']}
      periodSeconds: 2
    volumeMounts:
    - {name: flags, mountPath: /etc/flags}
  volumes:
  - name: flags
    configMap: {name: flags-${name}}
`).join('---\n');
