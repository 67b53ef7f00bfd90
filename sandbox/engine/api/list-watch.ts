// List and watch: selectors, limit/continue pagination, resourceVersion semantics, and watches
// that behave like the API server's cacher (an object leaving the selection is DELETED, one
// entering it is ADDED; initial events; bookmarks; 410 Expired for a compacted revision).
import type { KubeObject } from '../objects.js';
import { StoreError, type StoreEvent } from '../store/store.js';
import { badRequest, continueExpired, invalidResourceVersion, tooLargeResourceVersion, tooOldResourceVersion } from './errors-extra.js';
import { parseFieldSelector } from './field-selector.js';
import { parseLabelSelector } from './label-selector.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import { apiVersionOf } from './resources.js';
import { collectionPrefix, objectKeyOf, type ApiCore } from './request.js';
import type { ListOptions, ObjectList, ResourceRef, ResourceType, Watch, WatchEvent, WatchOptions } from './types.js';

export interface Filter {
  matches(obj: KubeObject): boolean;
  empty: boolean;
}

/** Parses label and field selectors into one filter; bad syntax is the real 400. */
export function filterFor(rt: ResourceType, labelSelector?: string, fieldSelector?: string, name?: string): Filter {
  let labels;
  let fields;
  try {
    labels = parseLabelSelector(labelSelector ?? '');
    fields = parseFieldSelector(fieldSelector ?? '', rt.group, rt.resource);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  const empty = labels.empty && fields.requirements.length === 0 && !name;
  return {
    empty,
    matches: (obj) =>
      (!name || obj.metadata.name === name) && labels.matches(obj.metadata.labels as Record<string, string> | undefined) && fields.matches(obj),
  };
}

function parseRevision(rv: string): number {
  if (!/^\d+$/.test(rv)) throw invalidResourceVersion(rv);
  return Number(rv);
}

export function listObjects(core: ApiCore, rt: ResourceType, namespace: string | undefined, opts: ListOptions): ObjectList {
  const filter = filterFor(rt, opts.labelSelector, opts.fieldSelector);
  const prefix = collectionPrefix(rt, namespace);
  const current = core.store.revision;
  let revision = current;
  let start = '';
  if (opts.continue) {
    const pos = decodeContinue(opts.continue);
    revision = pos.revision;
    start = prefix + pos.start;
  } else if (opts.resourceVersion && opts.resourceVersion !== '0') {
    const rv = parseRevision(opts.resourceVersion);
    if (rv > current) throw tooLargeResourceVersion(rv, current);
    if (opts.resourceVersionMatch === 'Exact') revision = rv;
  }
  let objects: KubeObject[];
  try {
    objects = core.store.listAt(prefix, revision);
  } catch (e) {
    if (e instanceof StoreError && e.kind === 'compacted') throw opts.continue ? continueExpired() : tooOldResourceVersion(revision, e.current);
    throw e;
  }
  const keyOf = (o: KubeObject) => objectKeyOf(rt, o.metadata.namespace, o.metadata.name ?? '');
  const matching = objects.filter((o) => (!start || keyOf(o) >= start) && filter.matches(o));
  const limit = opts.resourceVersion === '0' && !opts.continue ? 0 : opts.limit ?? 0;
  const list: ObjectList = { apiVersion: apiVersionOf(rt), kind: rt.listKind, metadata: { resourceVersion: String(revision) }, items: matching };
  if (limit > 0 && matching.length > limit) {
    list.items = matching.slice(0, limit);
    const next = keyOf(matching[limit]).slice(prefix.length);
    list.metadata.continue = encodeContinue(revision, next);
    if (filter.empty) list.metadata.remainingItemCount = matching.length - limit;
  }
  return list;
}

/** The objects a watch has sent as present, so a later change can be told apart (enter/leave). */
export function watchObjects(core: ApiCore, rt: ResourceType, ref: ResourceRef, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Watch {
  const filter = filterFor(rt, opts.labelSelector, opts.fieldSelector, ref.name);
  const prefix = collectionPrefix(rt, ref.namespace);
  const rv = opts.resourceVersion ?? '';
  const initial = rv === '' || rv === '0' || opts.sendInitialEvents === true;
  let from = core.store.revision;
  if (!initial) {
    from = parseRevision(rv);
    if (from < core.store.compactedRevision) {
      onEvent({ type: 'ERROR', object: tooOldResourceVersion(from, core.store.compactedRevision).status });
      return { stop: () => {} };
    }
  } else {
    for (const obj of core.store.list(prefix)) if (filter.matches(obj)) onEvent({ type: 'ADDED', object: obj });
    if (opts.sendInitialEvents && opts.allowWatchBookmarks) onEvent({ type: 'BOOKMARK', object: bookmark(rt, core.store.revision, true) });
  }
  const translate = (e: StoreEvent) => {
    if (e.revision <= from) return; // a watch from a revision not reached yet starts there
    const event = translateEvent(e, filter);
    if (event) onEvent(event);
  };
  const storeWatch = core.store.watch(prefix, from, translate);
  const registration = { rt, onEvent, stopped: false };
  if (opts.allowWatchBookmarks) bookmarkWatches(core).add(registration);
  return {
    stop: () => {
      registration.stopped = true;
      storeWatch.stop();
      bookmarkWatches(core).delete(registration);
    },
  };
}

/** The cacher's rule: judge the old and new object against the selection. */
function translateEvent(e: StoreEvent, filter: Filter): WatchEvent | undefined {
  if (e.type === 'ADDED') return filter.matches(e.object) ? { type: 'ADDED', object: e.object } : undefined;
  if (e.type === 'DELETED') return e.prev && filter.matches(e.prev) ? { type: 'DELETED', object: e.object } : undefined;
  const was = e.prev ? filter.matches(e.prev) : false;
  const is = filter.matches(e.object);
  if (was && is) return { type: 'MODIFIED', object: e.object };
  if (is) return { type: 'ADDED', object: e.object };
  if (was) return { type: 'DELETED', object: e.object };
  return undefined;
}

function bookmark(rt: ResourceType, revision: number, initialEventsEnd = false): KubeObject {
  const metadata: KubeObject['metadata'] = { resourceVersion: String(revision) };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { apiVersion: apiVersionOf(rt), kind: rt.kind, metadata };
}

interface BookmarkRegistration {
  rt: ResourceType;
  onEvent: (e: WatchEvent) => void;
  stopped: boolean;
}
const registry = new WeakMap<ApiCore, Set<BookmarkRegistration>>();
function bookmarkWatches(core: ApiCore): Set<BookmarkRegistration> {
  let set = registry.get(core);
  if (!set) registry.set(core, (set = new Set()));
  return set;
}

/** Sends a BOOKMARK at the current revision to every watch that allows them (the cacher does so about once a minute). */
export function sendBookmarks(core: ApiCore): void {
  for (const w of [...bookmarkWatches(core)]) if (!w.stopped) w.onEvent({ type: 'BOOKMARK', object: bookmark(w.rt, core.store.revision) });
}
