// Resources that are another version's objects seen differently (the real API server converts
// between versions around its storage): events.k8s.io/v1 Events are stored as core/v1 Events.
import { clone, type KubeObject } from '../objects.js';
import type { ResourceType } from './types.js';

export interface View {
  /** The object as this resource serves it, from the stored one. */
  fromStored(obj: KubeObject): KubeObject;
  /** The stored object, from one written through this resource. */
  toStored(obj: KubeObject): KubeObject;
}

type Loose = Record<string, unknown>;

/** Renames fields (view name → stored name), keeping the rest; undefined values are dropped. */
function rename(obj: Loose, map: Record<string, string>, apiVersion: string): KubeObject {
  const out: Loose = { apiVersion, kind: 'Event' };
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || v === undefined) continue;
    out[map[k] ?? k] = clone(v);
  }
  return out as KubeObject;
}

const CORE_TO_EVENTS: Record<string, string> = {
  involvedObject: 'regarding',
  message: 'note',
  reportingComponent: 'reportingController',
  source: 'deprecatedSource',
  firstTimestamp: 'deprecatedFirstTimestamp',
  lastTimestamp: 'deprecatedLastTimestamp',
  count: 'deprecatedCount',
};
const EVENTS_TO_CORE = Object.fromEntries(Object.entries(CORE_TO_EVENTS).map(([a, b]) => [b, a]));

const eventsView: View = {
  fromStored: (obj) => rename(obj as Loose, CORE_TO_EVENTS, 'events.k8s.io/v1'),
  toStored: (obj) => rename(obj as Loose, EVENTS_TO_CORE, 'v1'),
};

export function viewOf(rt: ResourceType): View | undefined {
  if (rt.group === 'events.k8s.io' && rt.resource === 'events') return eventsView;
  return undefined;
}
