// Events, core/v1 and events.k8s.io/v1 alike (printEvent). The real API server converts both to
// its internal Event before printing; events.k8s.io objects are mapped back to core names here.
// LAST SEEN is a plain age: the `5m (x3 over 10m)` form belongs to `kubectl describe` and
// `kubectl events`, not to this table.
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Event as EventsV1 } from 'kubernetes-types/events/v1';
import type { KubeObject } from '../../objects.js';
import { docCol, nameCol } from './columns.js';
import { parseTime, since } from './duration.js';
import type { Printer } from './types.js';

/** events.k8s.io/v1 → core/v1 field names, as the API server's conversion does. */
export function asCoreEvent(obj: KubeObject): CoreEvent {
  if (obj.apiVersion !== 'events.k8s.io/v1') return obj as unknown as CoreEvent;
  const e = obj as unknown as EventsV1;
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    type: e.type,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    eventTime: e.eventTime,
    series: e.series ? { count: e.series.count, lastObservedTime: e.series.lastObservedTime } : undefined,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

function eventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function eventCells(obj: KubeObject, now: number) {
  const e = asCoreEvent(obj);
  const first = parseTime(e.firstTimestamp) !== undefined ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = parseTime(e.lastTimestamp) !== undefined ? since(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events of the new API carry no count
  }
  const involved = e.involvedObject ?? {};
  const kind = (involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${involved.name}` : kind;
  return [last, e.type ?? '', e.reason ?? '', target, involved.fieldPath ?? '', eventSource(e), (e.message ?? '').trim(), first, count, e.metadata?.name ?? ''];
}

export const eventPrinter: Printer = {
  columns: [
    docCol('Last Seen', 'string', 'core/v1 Event.lastTimestamp'),
    docCol('Type', 'string', 'core/v1 Event.type'),
    docCol('Reason', 'string', 'core/v1 Event.reason'),
    docCol('Object', 'string', 'core/v1 Event.involvedObject'),
    docCol('Subobject', 'string', 'core/v1 ObjectReference.fieldPath', 1),
    docCol('Source', 'string', 'core/v1 Event.source', 1),
    docCol('Message', 'string', 'core/v1 Event.message'),
    docCol('First Seen', 'string', 'core/v1 Event.firstTimestamp', 1),
    docCol('Count', 'string', 'core/v1 Event.count', 1),
    nameCol(1),
  ],
  cells: eventCells,
};

/**
 * The AGE of an event in `kubectl describe` and `kubectl events`: `5m (x3 over 10m)` for a
 * repeated event, else its first time. Unlike the table, it prefers eventTime to firstTimestamp.
 */
export function eventInterval(obj: KubeObject, now: number): string {
  const e = asCoreEvent(obj);
  const first = parseTime(e.eventTime) !== undefined ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}
