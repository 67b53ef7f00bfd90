// Records core/v1 Events the way client-go's EventRecorder does: one Event per distinct
// (source, object, type, reason, message), named `<object>.<hex nanoseconds>`, and a repeat
// bumps count and lastTimestamp instead of making a new Event (the EventCorrelator's aggregation).
// The repeat is found through an index of Events by that aggregation key (one per store, kept by
// a store watch), so recording costs the same whatever the number of Events in the namespace.
import { rfc3339, type Clock } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import { RESOURCES } from './resources.js';
import type { ApiClient } from './types.js';
import type { Store } from '../store/store.js';

const EVENTS = RESOURCES.find((r) => r.group === '' && r.resource === 'events')!;

interface CoreEvent extends KubeObject {
  involvedObject: Record<string, unknown>;
  reason: string;
  message: string;
  type: string;
  count: number;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
}

export interface EventSource {
  component: string;
  host?: string;
}

export function recordEvent(api: ApiClient, store: Store, clock: Clock, source: EventSource, regarding: KubeObject, type: string, reason: string, message: string): void {
  const namespace = regarding.metadata.namespace || 'default';
  const involvedObject = referenceTo(regarding);
  const index = eventIndexOf(store);
  const aggregation = aggregationKey(namespace, involvedObject, source, type, reason, message);
  const existing = index.find(aggregation);
  const now = clock.now();
  const ref = { group: '', version: 'v1', resource: 'events', namespace };
  if (existing) {
    const next = clone(existing);
    next.count = (existing.count ?? 1) + 1;
    next.lastTimestamp = rfc3339(now);
    index.add(api.update({ ...ref, name: existing.metadata.name }, next));
    return;
  }
  const event: CoreEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: freeName(store, namespace, regarding.metadata.name ?? '', now), namespace },
    involvedObject,
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: rfc3339(now),
    lastTimestamp: rfc3339(now),
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
  index.add(api.create(ref, event));
}

/** An ObjectReference as ref.GetReference makes it. */
export function referenceTo(obj: KubeObject): Record<string, unknown> {
  const ref: Record<string, unknown> = { kind: obj.kind };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  ref.name = obj.metadata.name;
  ref.uid = obj.metadata.uid;
  ref.apiVersion = obj.apiVersion;
  ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}

/** What makes two Events the same one (the correlator's aggregate key plus the message). */
function aggregationKey(namespace: string, involved: Record<string, unknown>, source: EventSource, type: string, reason: string, message: string): string {
  return JSON.stringify([namespace, involved.uid, involved.kind, involved.name, source.component, source.host ?? '', type, reason, message]);
}

function aggregationKeyOf(e: CoreEvent): string {
  const o = e.involvedObject ?? {};
  return aggregationKey(e.metadata.namespace ?? '', o, { component: e.source?.component ?? '', host: e.source?.host }, e.type, e.reason, e.message);
}

/** Events by aggregation key, built from the store once and kept current by a watch on every Event. */
class EventIndex {
  private byAggregation = new Map<string, Set<string>>();
  private aggregationOf = new Map<string, string>();

  constructor(private store: Store) {
    const prefix = `${EVENTS.storagePrefix}/`;
    for (const e of store.list(prefix)) this.add(e);
    store.watch(prefix, store.revision, (change) => (change.type === 'DELETED' ? this.remove(change.key) : this.add(change.object)));
  }

  /** The Event with that key; of several (made by hand, say), the first in key order like a list. */
  find(aggregation: string): CoreEvent | undefined {
    const keys = this.byAggregation.get(aggregation);
    if (!keys) return undefined;
    let first: string | undefined;
    // A deletion made inside a watch handler may not have reached the index yet: skip what is gone.
    for (const k of keys) if ((first === undefined || k < first) && this.store.get(k)) first = k;
    return first === undefined ? undefined : (this.store.get(first) as CoreEvent);
  }

  /** Idempotent: the recorder adds what it wrote at once, the watch adds it again when delivered. */
  add(obj: KubeObject): void {
    const key = storageKey(obj);
    const aggregation = aggregationKeyOf(obj as CoreEvent);
    const before = this.aggregationOf.get(key);
    if (before === aggregation) return;
    if (before !== undefined) this.remove(key);
    this.aggregationOf.set(key, aggregation);
    const keys = this.byAggregation.get(aggregation) ?? new Set<string>();
    keys.add(key);
    this.byAggregation.set(aggregation, keys);
  }

  private remove(key: string): void {
    const aggregation = this.aggregationOf.get(key);
    if (aggregation === undefined) return;
    this.aggregationOf.delete(key);
    const keys = this.byAggregation.get(aggregation);
    keys?.delete(key);
    if (keys && keys.size === 0) this.byAggregation.delete(aggregation);
  }
}

const storageKey = (obj: KubeObject) => `${EVENTS.storagePrefix}/${obj.metadata.namespace}/${obj.metadata.name}`;

const indexes = new WeakMap<Store, EventIndex>();

function eventIndexOf(store: Store): EventIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new EventIndex(store);
    indexes.set(store, index);
  }
  return index;
}

/**
 * The last nanosecond named per namespace and object in the current millisecond (per store): a
 * burst (500 SuccessfulCreate in one sync) starts its search there instead of probing every name
 * again. Forgotten when the clock moves on.
 */
const lastNamed = new WeakMap<Store, { ms: number; nanos: Map<string, bigint> }>();

/** Two events in the same simulated millisecond get the next nanosecond, as they would in real time. */
function freeName(store: Store, namespace: string, base: string, ms: number): string {
  let named = lastNamed.get(store);
  if (named?.ms !== ms) lastNamed.set(store, (named = { ms, nanos: new Map() }));
  const key = `${namespace}/${base}`;
  let nanos = named.nanos.get(key) ?? BigInt(ms) * 1_000_000n;
  while (store.get(`${EVENTS.storagePrefix}/${namespace}/${base}.${nanos.toString(16)}`)) nanos += 1n;
  named.nanos.set(key, nanos);
  return `${base}.${nanos.toString(16)}`;
}

/** `%x` of UnixNano: the simulated clock has millisecond precision, so the low digits are zeros. */
function nanoHex(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString(16);
}
