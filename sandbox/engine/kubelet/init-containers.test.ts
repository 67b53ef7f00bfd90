// Init containers: run one by one before the app containers, reported in initContainerStatuses
// (and so `kubectl get pods` shows Init:0/2, Init:1/2, PodInitializing, Init:Error…).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden, newSandbox } from '../../kubectl/testing.js';
import { clusterOf } from '../cluster.js';
import { KUBELET } from './kubelet.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: myapp
spec:
  initContainers:
  - name: init-one
    image: busybox:1.36
    command: ['sh', '-c', 'echo first; sleep 4']
  - name: init-two
    image: busybox:1.36
    command: ['sh', '-c', 'echo second; sleep 4']
  containers:
  - name: app
    image: nginx:1.27
`;

const FAILING = (policy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: broken-${policy.toLowerCase()}
spec:
  restartPolicy: ${policy}
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ['sh', '-c', 'exit 3']
  containers:
  - name: app
    image: nginx:1.27
`;

// The docs' sidecar example (a native sidecar: an init container with restartPolicy Always).
const SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: myapp
spec:
  containers:
  - name: myapp
    image: alpine:latest
    command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done']
  initContainers:
  - name: logshipper
    image: alpine:latest
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /opt/logs.txt']
`;

// A Job-like pod (restartPolicy Never) whose app finishes while two sidecars still run: nginx
// exits on SIGTERM, a shell as PID 1 ignores it and is killed after the grace period.
const FINISHING = `apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 5
  initContainers:
  - name: proxy
    image: nginx:1.27
    restartPolicy: Always
  - name: shipper
    image: busybox:1.36
    restartPolicy: Always
    command: ['sh', '-c', 'tail -f /dev/null']
  containers:
  - name: work
    image: busybox:1.36
    command: ['sh', '-c', 'echo done; sleep 3']
`;

describe('init containers', () => {
  it('run in order to success before the app starts, with statuses kubectl shows', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD);
    let out = '';
    const step = async (line: string) => (out += `$ ${line}\n${await sb.run(line)}`);
    await step('kubectl apply -f pod.yaml');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      sb.advance(500);
      const line = (await sb.run('kubectl get pod myapp --no-headers')).split(/\s+/)[2];
      if (!seen.has(line)) out += `# STATUS ${line}\n`;
      seen.add(line);
    }
    await step('kubectl get pod myapp -o jsonpath="{.status.initContainerStatuses[*].state.terminated.reason} {.status.initContainerStatuses[*].ready}"');
    await step('kubectl logs myapp -c init-two');
    await step('kubectl get pod myapp -o jsonpath="{.status.conditions[?(@.type==\\"Initialized\\")].status}"');
    expect([...seen]).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    expectGolden(golden('init-containers.txt'), out);
  });

  it('reports the incomplete ones while initializing', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD);
    await sb.run('kubectl apply -f pod.yaml');
    sb.advance(3_000);
    const pod = sb.engine.api.get({ group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'myapp' }) as unknown as { status: Record<string, any> };
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-one init-two]' });
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(pod.status.initContainerStatuses[1]).toMatchObject({ name: 'init-two', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } });
  });

  it('restarts a failing init container, or fails the pod when restartPolicy is Never', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/always.yaml', FAILING('Always'));
    sb.fs.writeFile('/root/never.yaml', FAILING('Never'));
    let out = '';
    const step = async (line: string) => (out += `$ ${line}\n${await sb.run(line)}`);
    await step('kubectl apply -f always.yaml -f never.yaml');
    sb.advance(8_000);
    await step('kubectl get pods');
    sb.advance(30_000);
    await step('kubectl get pods');
    await step('kubectl get pod broken-never -o jsonpath="{.status.phase} {.status.initContainerStatuses[0].state.terminated.exitCode}"');
    expect(out).toMatch(/broken-always +0\/1 +Init:CrashLoopBackOff/);
    expect(out).toMatch(/broken-never +0\/1 +Init:Error/);
    expectGolden(golden('init-containers-failing.txt'), out);
  });

  it('starts a sidecar (restartPolicy Always, tail -F) and keeps it running beside the app', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/sidecar.yaml', SIDECAR);
    let out = '';
    const step = async (line: string) => (out += `$ ${line}\n${await sb.run(line)}`);
    await step('kubectl apply -f sidecar.yaml');
    await step('kubectl get pod myapp -o jsonpath="{.status.conditions[?(@.type==\\"Ready\\")].message}"');
    sb.advance(30_000);
    await step('kubectl get pod myapp');
    await step('kubectl get pod myapp -o jsonpath="{.status.initContainerStatuses[0].started} {.status.initContainerStatuses[0].ready} {.status.initContainerStatuses[0].state.running.startedAt}"');
    expect(out).toMatch(/myapp +2\/2 +Running +0/);
    expectGolden(golden('init-containers-sidecar.txt'), out);
  });

  it('does not run init containers again for a pod whose app already ran (a record from an older snapshot)', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/pod.yaml', POD);
    await sb.run('kubectl apply -f pod.yaml');
    sb.advance(30_000);
    const nodes = clusterOf(sb.engine)!.kubelet.nodes;
    const rec = Object.values(nodes).flatMap((n) => Object.values(n.pods)).find((p) => p.key === 'default/myapp')!;
    delete rec.initContainers;
    delete rec.lastStatus;
    sb.engine.runtime.enqueue(KUBELET, rec.key);
    sb.advance(30_000);
    expect(await sb.run('kubectl get pod myapp --no-headers')).toMatch(/^myapp +1\/1 +Running +0 /);
    expect(rec.initContainers).toBeUndefined();
  });

  it('stops the sidecars once the app containers of a Never pod finished, and the pod completes', async () => {
    const sb = newSandbox();
    sb.fs.writeFile('/root/batch.yaml', FINISHING);
    await sb.run('kubectl apply -f batch.yaml');
    const get = () => sb.engine.api.get({ group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'batch' }) as unknown as { status: Record<string, any> };
    let sawStopping = false;
    for (let i = 0; i < 60 && get().status.phase !== 'Succeeded'; i++) {
      sb.advance(500);
      const st = get().status;
      const work = st.containerStatuses[0].state;
      if (work.terminated && st.initContainerStatuses.some((c: any) => c.state.running)) {
        sawStopping = true;
        expect(st.phase).toBe('Running'); // a running sidecar keeps the pod Running
      }
    }
    expect(sawStopping).toBe(true);
    const st = get().status;
    expect(st.phase).toBe('Succeeded');
    expect(st.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(st.initContainerStatuses.map((c: any) => [c.name, c.state.terminated?.exitCode, c.state.terminated?.reason, c.ready, c.started, c.restartCount])).toEqual([
      ['proxy', 0, 'Completed', false, false, 0],
      ['shipper', 137, 'Error', false, false, 0],
    ]);
    const shipper = st.initContainerStatuses[1].state.terminated;
    const work = st.containerStatuses[0].state.terminated;
    expect(Date.parse(shipper.finishedAt) - Date.parse(work.finishedAt)).toBeGreaterThanOrEqual(5_000); // SIGKILL after the grace period
    expect(st.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    const events = await sb.run('kubectl get events --field-selector involvedObject.name=batch -o custom-columns=REASON:.reason,MESSAGE:.message --no-headers');
    expect(events).toMatch(/Killing +Stopping container proxy/);
    expect(events).toMatch(/Killing +Stopping container shipper/);
    sb.advance(60_000);
    expect(get().status.phase).toBe('Succeeded');
    expect(get().status.initContainerStatuses.every((c: any) => c.restartCount === 0 && c.state.terminated)).toBe(true);
    expect(await sb.run('kubectl get pod batch --no-headers')).toMatch(/^batch +0\/3 +Completed +0 /);
  });
});
