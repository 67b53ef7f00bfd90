// The engine a standalone or test sandbox serves: the default lab cluster (bootstrap objects,
// nodes, control-plane pods, add-ons, controllers) on an injected clock and seeded random
// source, plus the pods/log reader the HTTP front serves.
import type { ResourceRef } from '../engine/api/types.js';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { createDefaultCluster } from '../engine/cluster.js';
import type { Engine } from '../engine/engine.js';
import type { LogOptions, ServedEngine } from './engine-contract.js';
import { podLogs } from './logs.js';

export interface LabEngineOptions {
  /** Simulated time at start (ms since the epoch). */
  now: number;
  seed?: number;
  workers?: number;
}

export type LabEngine = Engine & Pick<ServedEngine, 'logs'>;

export function createLabEngine(opts: LabEngineOptions): LabEngine {
  const engine = createDefaultCluster({ clock: new ManualClock(opts.now), random: new SeededRandom(opts.seed ?? 1), workers: opts.workers });
  return Object.assign(engine, { logs: (ref: ResourceRef, o: LogOptions) => podLogs(engine, engine.api, ref, o) });
}
