// rollout status|history|undo|restart|pause|resume in a learner terminal on simulated time.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl rollout', () => {
  it('follows a new image rolling out, lists the history with change causes, and undoes it', async () => {
    const sb = newSandbox();
    const manifest = (image: string, cause: string) => `cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubernetes.io/change-cause: ${cause}
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
EOF`;
    const out = await operateTranscript(sb, [
      manifest('nginx:1.25', 'first release'),
      'kubectl apply -f web.yaml',
      ['kubectl rollout status deployment/web', {}],
      manifest('nginx:1.27', 'upgrade to 1.27'),
      'kubectl apply -f web.yaml',
      ['kubectl rollout status deploy web', {}],
      'kubectl rollout history deployment/web',
      'kubectl rollout history deployment/web --revision=1',
      'kubectl rollout history deployment/web --revision=9',
      'kubectl rollout undo deployment/web',
      ['kubectl rollout status deployment/web', {}],
      'kubectl rollout history deploy/web',
      'kubectl get deploy web -o jsonpath="{.spec.template.spec.containers[0].image}"; echo',
      'kubectl rollout undo deployment/web --to-revision=3',
      'kubectl rollout undo deployment/web --to-revision=7',
    ]);
    expect(out).toContain('deployment "web" successfully rolled out\n');
    expect(out).toMatch(/Waiting for deployment "web" rollout to finish: \d out of 3 new replicas have been updated\.\.\.\n/);
    expectGolden(operateGolden('rollout-status-history-undo.txt'), out);
  });

  it('pauses, refuses to pause twice or restart paused, resumes and restarts', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
      30_000,
      'kubectl rollout pause deployment/web',
      'kubectl rollout pause deployment/web',
      'kubectl rollout restart deployment/web',
      'kubectl rollout undo deployment/web',
      'kubectl rollout resume deployment/web',
      'kubectl rollout resume deployment/web',
      'kubectl rollout restart deployment/web',
      'kubectl get deploy web -o jsonpath="{.spec.template.metadata.annotations}"; echo',
      ['kubectl rollout status deployment/web --timeout=2m', {}],
      'kubectl rollout status pod/nope',
      'kubectl rollout history deploy/nope',
      'kubectl rollout bogus deploy/web',
    ]);
    expectGolden(operateGolden('rollout-pause-resume-restart.txt'), out);
  });

  it('stops waiting on Ctrl-C and on --timeout', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create deployment slow --image=nginx:1.27 --replicas=2',
      ['kubectl rollout status deployment/slow', { stepMs: 100, keys: [{ afterSteps: 2, data: '\x03' }] }],
      'echo $?',
      'kubectl rollout status deployment/slow --timeout=100ms; echo "exit $?"',
    ]);
    expect(out).toContain('\nexit 1\n');
    expectGolden(operateGolden('rollout-interrupt-timeout.txt'), out);
  });

  it('follows a StatefulSet (one pod at a time, then partitioned) and a DaemonSet', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/db.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`);
    await sb.run('kubectl apply -f db.yaml');
    const out = await operateTranscript(sb, [['kubectl rollout status statefulset/db', {}], 'kubectl rollout status daemonset/kube-proxy -n kube-system']);
    expect(out).toMatch(/^\$ kubectl rollout status statefulset\/db\nWaiting for 3 pods to be ready\.\.\.\n(Waiting for [12] pods to be ready\.\.\.\n)*partitioned roll out complete: 3 new pods have been updated\.\.\.\n/);
    expect(out).toContain('Waiting for 1 pods to be ready...\n');
    expect(out).toContain('daemon set "kube-proxy" successfully rolled out\n');
    await sb.run('kubectl patch sts db -p \'{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}},"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}\'');
    sb.advance(60_000);
    expect(await sb.run('kubectl rollout status sts/db --watch=false')).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    expect(await sb.run('kubectl get pod db-0 -o jsonpath="{.spec.containers[0].image}"')).toBe('nginx:1.27');
  });
});

