// Cluster behaviour benchmarks: creating the default cluster, a Deployment on 100 workers scaled
// from 0 to 1,000 and then 10,000 replicas until every pod is Ready (wall and CPU time; each
// step stops at a 4-minute wall cap and says how many were Ready: 10,000 take about a minute), the scheduler alone (pods/s), and what a
// saved sandbox costs (snapshot JSON bytes, snapshot and restore time). CPU time is given beside
// wall time because the machine is shared: it moves less when others are busy.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { createDefaultCluster, restoreDefaultCluster, type ClusterSnapshot } from '../sandbox/engine/cluster.js';
import { Engine } from '../sandbox/engine/engine.js';
import { Scheduler } from '../sandbox/engine/scheduler/scheduler.js';
import { nodeObject, DEFAULT_SHAPE, workerName } from '../sandbox/engine/cluster-nodes.js';

const T0 = Date.parse('2025-03-01T10:00:00Z');

// A real collection before each heap reading, so the figure is live objects, not garbage.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});
const PODS = { group: '', version: 'v1', resource: 'pods' };

function readyPods(engine: Engine, ns: string): number {
  return engine.api.list({ ...PODS, namespace: ns }).items.filter((p) => (p.status as { conditions?: Array<{ type: string; status: string }> })?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
}

function defaultClusterFigures() {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(1) });
  const createMs = ms(start);
  const settleStart = process.hrtime.bigint();
  engine.advance(30_000); // kube-system Running, leases renewed
  const settle30sMs = ms(settleStart);
  engine.client('kubectl').create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, deployment(10));
  engine.advance(30_000);
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { createMs, settle30sMs, idleClusterWith10PodsHeapMB: heapMB, readyPods: readyPods(engine, 'default') };
}

/** Scales the Deployment and steps simulated time until `replicas` pods are Ready (or a wall-time cap). */
function scaleUntilReady(engine: Engine, replicas: number, wallCapMs: number) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  engine.client('kubectl').patch({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web', subresource: 'scale' }, 'merge', { spec: { replicas } });
  let simulatedMs = 0;
  while (readyPods(engine, 'default') < replicas && simulatedMs < 600_000 && ms(start) < wallCapMs) {
    engine.advance(5_000);
    simulatedMs += 5_000;
  }
  return { wallMs: ms(start), cpuMs: cpuMs(cpu), simulatedSeconds: simulatedMs / 1000, ready: readyPods(engine, 'default') };
}

/** One Deployment on 100 workers scaled from 0 to 1,000 replicas, then to 10,000. */
function scaleOn100Nodes() {
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(2), workers: 100, settleMs: 30_000 });
  engine.client('kubectl').create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, deployment(0));
  engine.advance(1_000);
  const k1 = scaleUntilReady(engine, 1000, 240_000);
  const k10 = scaleUntilReady(engine, 10_000, 240_000);
  return {
    deploy1000On100NodesWallMs: k1.wallMs,
    deploy1000On100NodesCpuMs: k1.cpuMs,
    deploy1000SimulatedSeconds: k1.simulatedSeconds,
    deploy1000Ready: k1.ready,
    deploy10000On100NodesWallMs: k10.wallMs,
    deploy10000On100NodesCpuMs: k10.cpuMs,
    deploy10000SimulatedSeconds: k10.simulatedSeconds,
    deploy10000Ready: k10.ready,
  };
}

/** Snapshot size and time of the default cluster idle (30 s settled), then with a 10-pod Deployment. */
function snapshotFigures() {
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(4), settleMs: 30_000 });
  const measure = () => {
    const start = process.hrtime.bigint();
    const json = JSON.stringify(engine.snapshot());
    const snapshotMs = ms(start);
    const restoreStart = process.hrtime.bigint();
    restoreDefaultCluster(JSON.parse(json) as ClusterSnapshot);
    return { bytes: json.length, snapshotMs, restoreMs: ms(restoreStart) };
  };
  const idle = measure();
  engine.client('kubectl').create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, deployment(10));
  engine.advance(30_000);
  const busy = measure();
  return {
    snapshotIdleBytes: idle.bytes,
    snapshotIdleMs: idle.snapshotMs,
    restoreIdleMs: idle.restoreMs,
    snapshot10PodsBytes: busy.bytes,
    snapshot10PodsMs: busy.snapshotMs,
    restore10PodsMs: busy.restoreMs,
  };
}

function schedulerThroughput() {
  const clock = new ManualClock(T0);
  const random = new SeededRandom(3);
  const engine = new Engine({ clock, random });
  engine.client('b').create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  engine.client('b').create({ group: '', version: 'v1', resource: 'serviceaccounts', namespace: 'default' }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  for (let i = 1; i <= 100; i++) {
    const body = nodeObject(workerName(i), i, DEFAULT_SHAPE, T0, random);
    const created = engine.api.create({ group: '', version: 'v1', resource: 'nodes' }, { ...body, status: undefined });
    engine.api.update({ group: '', version: 'v1', resource: 'nodes', name: workerName(i), subresource: 'status' }, { ...created, status: body.status });
  }
  engine.registerController(new Scheduler());
  const n = 1000;
  for (let i = 0; i < n; i++) {
    engine.api.create({ ...PODS, namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '10m' } } }] } });
  }
  const start = process.hrtime.bigint();
  engine.runUntilIdle(1_000_000);
  const elapsed = ms(start);
  const bound = engine.api.list({ ...PODS, namespace: 'default' }).items.filter((p) => (p.spec as { nodeName?: string }).nodeName).length;
  return { schedulerPodsPerSecond: (bound / elapsed) * 1000, schedulerBound: bound };
}

export async function run(): Promise<{ name: string; figures: Record<string, number> }> {
  return { name: 'cluster', figures: { ...defaultClusterFigures(), ...snapshotFigures(), ...schedulerThroughput(), ...scaleOn100Nodes() } };
}
