// In-process engine figures: pod creates per second through the whole write path, list latency
// at 1k objects (with and without a selector), watch fan-out to 100 watchers, and the heap an
// empty engine (and a bootstrapped one) costs.
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { Engine } from '../sandbox/engine/engine.js';
import { bootstrapControlPlaneObjects, registerControlPlaneControllers } from '../sandbox/engine/bootstrap.js';
import type { BenchResult } from './run.js';

const T0 = Date.UTC(2026, 0, 1);
const pods = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

function engine(seed = 1): Engine {
  const e = new Engine({ clock: new ManualClock(T0), random: new SeededRandom(seed) });
  registerControlPlaneControllers(e);
  bootstrapControlPlaneObjects(e);
  return e;
}

const pod = (i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p-${i}`, labels: { app: i % 2 ? 'odd' : 'even', n: String(i) } },
  spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] },
});

function ms(f: () => void, repeat = 1): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) f();
  return Number(process.hrtime.bigint() - start) / 1e6 / repeat;
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export async function run(): Promise<BenchResult> {
  // Warm the JIT on a throwaway engine so the figures are steady-state ones.
  const warm = engine(99);
  for (let i = 0; i < 500; i++) warm.api.create(pods, pod(i));
  const e = engine();
  const n = 1000;
  const createMs = ms(() => {
    for (let i = 0; i < n; i++) e.api.create(pods, pod(i));
  });
  const listAllMs = ms(() => e.api.list(pods), 20);
  const listSelectedMs = ms(() => e.api.list(pods, { labelSelector: 'app=odd' }), 20);
  const listPageMs = ms(() => e.api.list(pods, { limit: 500 }), 20);
  const getMs = ms(() => e.api.get({ ...pods, name: 'p-500' }), 1000);

  let delivered = 0;
  const watches = Array.from({ length: 100 }, () => e.api.watch(pods, { resourceVersion: String(e.store.revision) }, () => delivered++));
  const updates = 100;
  const fanoutMs = ms(() => {
    for (let i = 0; i < updates; i++) e.api.patch({ ...pods, name: `p-${i}` }, 'merge', { metadata: { labels: { touched: 'yes' } } });
  });
  watches.forEach((w) => w.stop());

  const before = heapUsed();
  const empties = Array.from({ length: 20 }, (_, i) => new Engine({ clock: new ManualClock(T0), random: new SeededRandom(i) }));
  const emptyHeap = (heapUsed() - before) / empties.length;
  const before2 = heapUsed();
  const booted = Array.from({ length: 10 }, (_, i) => engine(i));
  const bootedHeap = (heapUsed() - before2) / booted.length;

  return {
    name: 'engine-store',
    figures: {
      podCreatesPerSec: Math.round((n / createMs) * 1000),
      listPods1kMs: listAllMs,
      listPods1kSelectorMs: listSelectedMs,
      listPods1kLimit500Ms: listPageMs,
      getPodMs: getMs,
      watchFanout100EventsPerSec: Math.round((delivered / fanoutMs) * 1000),
      watchFanout100PerWriteMs: fanoutMs / updates,
      heapPerEmptyEngineKiB: Math.round(emptyHeap / 1024),
      heapPerBootstrappedEngineKiB: Math.round(bootedHeap / 1024),
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' ? 1 : 0,
    },
  };
}
