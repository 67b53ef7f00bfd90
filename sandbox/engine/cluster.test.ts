// Scenario tests on a real Engine, stepping simulated time: the default cluster comes up like a
// kubeadm cluster, and a Deployment ends with Running, Ready pods and the real events.
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from './clock.js';
import type { Engine } from './engine.js';
import { clusterOf, containerLogs, createDefaultCluster, restoreDefaultCluster, type ClusterSnapshot } from './cluster.js';
import type { KubeObject } from './objects.js';

const T0 = Date.parse('2025-03-01T10:00:00Z');

function newCluster(seed = 42): { engine: Engine } {
  return { engine: createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(seed) }) };
}

const pods = (e: Engine, ns: string) => e.api.list({ group: '', version: 'v1', resource: 'pods', namespace: ns }).items as Array<KubeObject & { spec: any; status: any }>;
const events = (e: Engine, ns: string) =>
  (e.api.list({ group: '', version: 'v1', resource: 'events', namespace: ns }).items as Array<KubeObject & { reason: string; message: string; involvedObject: any; source: any; count: number }>);

function deployment(name: string, replicas: number, image = 'nginx', extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(':')[0], image, ...extra }] } } },
  };
}
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };

describe('default cluster', () => {
  it('looks like a kubeadm cluster once settled', () => {
    const { engine } = newCluster();
    engine.advance(30_000);
    const system = pods(engine, 'kube-system');
    const summary = system.map((p) => `${p.metadata.name} ${p.status?.phase} ${p.spec.nodeName}`).sort();
    expect(summary.filter((s) => !s.startsWith('kube-proxy') && !s.startsWith('coredns'))).toEqual([
      'etcd-controlplane Running controlplane',
      'kube-apiserver-controlplane Running controlplane',
      'kube-controller-manager-controlplane Running controlplane',
      'kube-scheduler-controlplane Running controlplane',
    ]);
    expect(summary.filter((s) => s.startsWith('kube-proxy')).map((s) => s.split(' ').slice(1).join(' ')).sort()).toEqual(['Running controlplane', 'Running node01', 'Running node02']);
    expect(summary.filter((s) => s.startsWith('coredns')).length).toBe(2);
    expect(system.every((p) => p.status.phase === 'Running')).toBe(true);
    const leases = engine.api.list({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease' }).items;
    expect(leases.map((l) => l.metadata.name).sort()).toEqual(['controlplane', 'node01', 'node02']);
  });
});

describe('a Deployment of nginx', () => {
  it('ends with three Running, Ready pods on the workers, with the real events', () => {
    const { engine } = newCluster();
    engine.advance(30_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 3));
    engine.advance(15_000);
    const web = pods(engine, 'default');
    expect(web).toHaveLength(3);
    for (const p of web) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
      expect(['node01', 'node02']).toContain(p.spec.nodeName);
      expect(p.status.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
      expect(p.status.containerStatuses[0].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
      expect(p.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    }
    expect(new Set(web.map((p) => p.spec.nodeName)).size).toBe(2);
    const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status.conditions.map((c: any) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    const rsName = d.status.conditions[1].message.match(/^ReplicaSet "(.+)" has successfully progressed\.$/)[1];
    const evs = events(engine, 'default');
    const of = (name: string) => evs.filter((e) => e.involvedObject.name === name).map((e) => `${e.source.component} ${e.reason} ${e.message}`);
    expect(of('web')).toEqual([`deployment-controller ScalingReplicaSet Scaled up replica set ${rsName} from 0 to 3`]);
    expect(of(rsName).sort()).toEqual(web.map((p) => `replicaset-controller SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    const first = of(web[0].metadata.name!);
    expect(first[0]).toBe(`default-scheduler Scheduled Successfully assigned default/${web[0].metadata.name} to ${web[0].spec.nodeName}`);
    expect(first[1]).toBe('kubelet Pulling Pulling image "nginx"');
    expect(first[2]).toMatch(/^kubelet Pulled Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72099410 bytes\.$/);
    expect(first.slice(3)).toEqual(['kubelet Created Created container: nginx', 'kubelet Started Started container nginx']);
  });

  it('scales up and down', () => {
    const { engine } = newCluster();
    engine.advance(30_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 2));
    engine.advance(15_000);
    const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    engine.client('kubectl').update({ ...DEPLOYMENTS, name: 'web' }, { ...d, spec: { ...d.spec, replicas: 5 } });
    engine.advance(15_000);
    expect(pods(engine, 'default').filter((p) => p.status.phase === 'Running')).toHaveLength(5);
    const d2 = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    engine.client('kubectl').update({ ...DEPLOYMENTS, name: 'web' }, { ...d2, spec: { ...d2.spec, replicas: 1 } });
    engine.advance(60_000);
    expect(pods(engine, 'default')).toHaveLength(1);
    const msgs = events(engine, 'default').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'web-RS'));
    expect(msgs).toEqual(['Scaled up replica set web-RS from 0 to 2', 'Scaled up replica set web-RS from 2 to 5', 'Scaled down replica set web-RS from 5 to 1']);
    expect(events(engine, 'default').filter((e) => e.reason === 'Killing').every((e) => e.message === 'Stopping container nginx')).toBe(true);
  });

  it('reports ErrImagePull then ImagePullBackOff for an image the registry does not have', () => {
    const { engine } = newCluster();
    engine.advance(30_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('bad', 1, 'nginxx'));
    const seen: string[] = [];
    for (let t = 0; t < 5_000; t += 100) {
      engine.advance(100);
      const reason = pods(engine, 'default')[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
      if (reason && seen.at(-1) !== reason) seen.push(reason);
    }
    expect(seen).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
    const [p] = pods(engine, 'default');
    expect(p.status.containerStatuses[0].state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message:
        'Back-off pulling image "nginxx": ErrImagePull: failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
    expect(p.status.phase).toBe('Pending');
    const reasons = events(engine, 'default').filter((e) => e.involvedObject.name === p.metadata.name).map((e) => `${e.reason}: ${e.message.slice(0, 40)}`);
    expect(reasons).toContain('Failed: Error: ErrImagePull');
    expect(reasons).toContain('Failed: Error: ImagePullBackOff');
    expect(reasons).toContain('BackOff: Back-off pulling image "nginxx"');
  });

  it('leaves a pod that fits nowhere Pending with the real FailedScheduling message', () => {
    const { engine } = newCluster();
    engine.advance(30_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('big', 1, 'nginx', { resources: { requests: { cpu: '3' } } }));
    engine.advance(5_000);
    const [p] = pods(engine, 'default');
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(p.status.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: expect.any(String), reason: 'Unschedulable', message: msg }]);
    const failed = events(engine, 'default').filter((e) => e.reason === 'FailedScheduling');
    expect(failed.map((e) => [e.type, e.message, e.source.component])).toEqual([['Warning', msg, 'default-scheduler']]);
  });

  it('is deterministic: the same seed gives the same names, nodes and IPs', () => {
    const run = () => {
      const { engine } = newCluster(7);
      engine.advance(30_000);
      engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 3));
      engine.advance(15_000);
      return pods(engine, 'default').map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.containerStatuses[0].containerID}`).sort();
    };
    expect(run()).toEqual(run());
  });

  it('scales down like the ReplicaSet controller: pods doubled up on a node go first', () => {
    for (const seed of [42, 7]) {
      const { engine } = newCluster(seed);
      engine.advance(10_000);
      engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 3));
      engine.advance(20_000);
      const perNode = new Map<string, number>();
      for (const p of pods(engine, 'default')) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
      const single = [...perNode].find(([, n]) => n === 1)?.[0];
      engine.client('kubectl').patch({ ...DEPLOYMENTS, name: 'web', subresource: 'scale' }, 'merge', { spec: { replicas: 1 } });
      engine.advance(40_000);
      const left = pods(engine, 'default');
      expect(left).toHaveLength(1);
      if (single) expect(left[0].spec.nodeName).toBe(single);
    }
  });

  it('snapshots its runtime state as a component and stays small without the store history', () => {
    const { engine } = newCluster(9);
    engine.advance(30_000);
    const snap = engine.snapshot() as ClusterSnapshot;
    expect(snap.store.history).toBeUndefined();
    expect(Object.keys(snap.components ?? {})).toEqual(['cluster', 'node-files']);
    expect(snap.cluster).toBeUndefined();
    // An older snapshot with the cluster state at the top still restores.
    const { components, ...rest } = JSON.parse(JSON.stringify(snap)) as ClusterSnapshot;
    const old = restoreDefaultCluster({ ...rest, cluster: (components as { cluster: ClusterSnapshot['cluster'] }).cluster });
    expect(JSON.stringify(old.snapshot())).toBe(JSON.stringify(snap));
  });

  it('survives a snapshot and restore exactly', () => {
    const scenario = (restore: boolean) => {
      let { engine } = newCluster(9);
      engine.advance(10_000);
      if (restore) engine = restoreDefaultCluster(JSON.parse(JSON.stringify(engine.snapshot())) as ClusterSnapshot);
      engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 3));
      engine.advance(15_000);
      return pods(engine, 'default').map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.phase}`).sort();
    };
    expect(scenario(true)).toEqual(scenario(false));
  });

  it("keeps the containers' start-up logs", () => {
    const { engine } = newCluster();
    engine.advance(10_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('web', 1));
    engine.advance(15_000);
    const [p] = pods(engine, 'default');
    const lines = clusterOf(engine)!.kubelet.logs.read(p.metadata.uid!, 'nginx', 0)!;
    expect(lines[0].text).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(containerLogs(engine, p, 'nginx', { tailLines: 1, timestamps: true })).toMatch(/^2025-03-01T10:00:\d\d\.\d{9}Z \d{4}\/.* start worker process 30\n$/);
    expect(containerLogs(engine, p, 'nginx', { previous: true })).toBeUndefined();
    expect(lines.at(-1)!.text).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 30$/);
  });

  it('crash-loops a container whose process exits, with the real back-off', () => {
    const { engine } = newCluster();
    engine.advance(10_000);
    engine.client('kubectl').create(DEPLOYMENTS, deployment('bb', 1, 'busybox'));
    const seen: string[] = [];
    for (let t = 0; t < 60_000; t += 500) {
      engine.advance(500);
      const s = pods(engine, 'default')[0]?.status?.containerStatuses?.[0];
      const label = s ? `${Object.keys(s.state)[0]}:${s.state.waiting?.reason ?? s.state.terminated?.reason ?? ''}:${s.restartCount}` : '';
      if (label && seen.at(-1) !== label) seen.push(label);
    }
    // As `kubectl get pods -w` shows it: ContainerCreating, Completed 0, Completed 1, CrashLoopBackOff 1, …
    expect(seen.slice(0, 6)).toEqual(['waiting:ContainerCreating:0', 'terminated:Completed:0', 'terminated:Completed:1', 'waiting:CrashLoopBackOff:1', 'terminated:Completed:2', 'waiting:CrashLoopBackOff:2']);
    const [p] = pods(engine, 'default');
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const backoffs = events(engine, 'default').filter((e) => e.reason === 'BackOff');
    expect(backoffs[0].message).toBe(`Back-off restarting failed container busybox in pod ${p.metadata.name}_default(${p.metadata.uid})`);
  });

  it('runs a one-off pod to completion with restartPolicy Never', () => {
    const { engine } = newCluster();
    engine.advance(10_000);
    engine.client('kubectl').create({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'once', namespace: 'default' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'once', image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 5'] }] },
    });
    engine.advance(20_000);
    const p = pods(engine, 'default')[0];
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(containerLogs(engine, p, 'once')).toBe('hello\n');
  });
});
