// The engine a standalone or test sandbox serves: the default lab cluster (nodes, control-plane
// pods, add-ons, controllers) on an injected clock and seeded random source.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { installCluster } from '../engine/cluster.js';
import { Engine } from '../engine/engine.js';
import { isStatusError } from '../engine/api/errors.js';

export interface LabEngineOptions {
  /** Simulated time at start (ms since the epoch). */
  now: number;
  seed?: number;
  workers?: number;
}

/** The namespaces kube-apiserver's bootstrap controller creates at start-up. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function ensureSystemNamespaces(engine: Engine): void {
  const api = engine.client('kube-apiserver');
  for (const name of SYSTEM_NAMESPACES) {
    const ref = { group: '', version: 'v1', resource: 'namespaces', name };
    try {
      api.get(ref);
    } catch (err) {
      if (!isStatusError(err) || err.code !== 404) throw err;
      api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }
}

export function createLabEngine(opts: LabEngineOptions): Engine {
  const engine = new Engine({ clock: new ManualClock(opts.now), random: new SeededRandom(opts.seed ?? 1) });
  ensureSystemNamespaces(engine);
  installCluster(engine, { clock: engine.clock, random: engine.random, workers: opts.workers });
  engine.runUntilIdle();
  return engine;
}
