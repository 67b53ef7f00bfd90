// Shared by the scenario tests of the batch, stateful, discovery and node lifecycle controllers:
// a default cluster on simulated time and short readers for what the tests assert.
import { ManualClock, SeededRandom } from '../clock.js';
import type { Engine } from '../engine.js';
import { createDefaultCluster } from '../cluster.js';
import type { KubeObject } from '../objects.js';

export const T0 = Date.parse('2025-03-01T10:00:00Z');

/** A settled default cluster (kube-system Running) at T0 + 30 s. */
export function settledCluster(seed = 42, start = T0): Engine {
  const engine = createDefaultCluster({ clock: new ManualClock(start), random: new SeededRandom(seed) });
  engine.advance(30_000);
  return engine;
}

export type Obj = KubeObject & { spec: any; status: any };

export const ref = (group: string, resource: string, namespace?: string, name?: string) => ({ group, version: 'v1', resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) });

export function list(e: Engine, group: string, resource: string, namespace?: string): Obj[] {
  return e.api.list(ref(group, resource, namespace)).items as Obj[];
}

export function get(e: Engine, group: string, resource: string, namespace: string | undefined, name: string): Obj {
  return e.api.get(ref(group, resource, namespace, name)) as Obj;
}

/** Events about one object, oldest first, as `Type Reason source: message`. */
export function eventsFor(e: Engine, namespace: string, kind: string, name: string): string[] {
  return (list(e, '', 'events', namespace) as any[])
    .filter((ev) => ev.involvedObject.kind === kind && ev.involvedObject.name === name)
    .sort((a, b) => Date.parse(a.firstTimestamp ?? a.eventTime) - Date.parse(b.firstTimestamp ?? b.eventTime))
    .map((ev) => `${ev.type} ${ev.reason} ${ev.source?.component}: ${ev.message}`);
}
