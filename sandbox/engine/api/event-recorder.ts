// Records core/v1 Events the way client-go's EventRecorder does: one Event per distinct
// (source, object, type, reason, message), named `<object>.<hex nanoseconds>`, and a repeat
// bumps count and lastTimestamp instead of making a new Event (the EventCorrelator's aggregation).
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
  const existing = store
    .list(`${EVENTS.storagePrefix}/${namespace}/`)
    .find((e) => sameEvent(e as CoreEvent, involvedObject, source, type, reason, message)) as CoreEvent | undefined;
  const now = clock.now();
  const ref = { group: '', version: 'v1', resource: 'events', namespace };
  if (existing) {
    const next = clone(existing);
    next.count = (existing.count ?? 1) + 1;
    next.lastTimestamp = rfc3339(now);
    api.update({ ...ref, name: existing.metadata.name }, next);
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
  api.create(ref, event);
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

function sameEvent(e: CoreEvent, involved: Record<string, unknown>, source: EventSource, type: string, reason: string, message: string): boolean {
  const o = e.involvedObject ?? {};
  return (
    o.uid === involved.uid &&
    o.kind === involved.kind &&
    o.name === involved.name &&
    e.source?.component === source.component &&
    (e.source?.host ?? '') === (source.host ?? '') &&
    e.type === type &&
    e.reason === reason &&
    e.message === message
  );
}

/** Two events in the same simulated millisecond get the next nanosecond, as they would in real time. */
function freeName(store: Store, namespace: string, base: string, ms: number): string {
  let nanos = BigInt(ms) * 1_000_000n;
  while (store.get(`${EVENTS.storagePrefix}/${namespace}/${base}.${nanos.toString(16)}`)) nanos += 1n;
  return `${base}.${nanos.toString(16)}`;
}

/** `%x` of UnixNano: the simulated clock has millisecond precision, so the low digits are zeros. */
function nanoHex(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString(16);
}
