// The Events section: kubectl lists the events whose involvedObject matches the described
// object (field selector on name, namespace, kind and uid) and prints them oldest first.
import { eventInterval } from '../../engine/api/table/index.js';
import type { KubeObject } from '../../engine/objects.js';
import type { KubeClient } from '../client.js';
import type { Json } from './format.js';
import { goSort } from './go-sort.js';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.js';

export interface EventRef {
  name: string;
  namespace: string;
  /** Omitted for pods: kubectl searches pod events without a kind. */
  kind?: string;
  uid?: string;
}

const EVENTS = { group: '', version: 'v1', resource: 'events' };

/** reference.GetReference + GetFieldSelector: the events about one object. */
export async function searchEvents(api: KubeClient, ref: EventRef): Promise<KubeObject[]> {
  const terms: Record<string, string> = { 'involvedObject.name': ref.name, 'involvedObject.namespace': ref.namespace };
  if (ref.kind) terms['involvedObject.kind'] = ref.kind;
  if (ref.uid) terms['involvedObject.uid'] = ref.uid;
  const fieldSelector = Object.keys(terms)
    .sort()
    .map((k) => `${k}=${terms[k]}`)
    .join(',');
  const list = await api.list({ ...EVENTS, namespace: ref.namespace || undefined }, { fieldSelector, limit: 500 });
  return list.items;
}

export const refOfObject = (obj: KubeObject, kind = obj.kind): EventRef => ({
  name: obj.metadata.name ?? '',
  namespace: obj.metadata.namespace ?? '',
  kind,
  uid: obj.metadata.uid,
});

const lastTimestamp = (e: Json) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : Number.NEGATIVE_INFINITY);

/** DescribeEvents: `Events:  <none>`, or a table flushed apart from the lines above it. */
export function describeEvents(w: DescribeWriter, events: KubeObject[], now: number): void {
  if (!events.length) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort([...events], (a, b) => lastTimestamp(a) < lastTimestamp(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted as Json[]) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
