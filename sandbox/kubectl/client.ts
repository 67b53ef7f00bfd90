// How kubectl reaches a cluster. The same commands run against the learner's engine in-process
// and against any API server over HTTP (as the real kubectl does), so every call is async and
// tables come from the server's Table conversion in both cases.
import { findResource } from '../engine/api/resources.js';
import { toTable } from '../engine/api/table/index.js';
import type { ApiClient, DeleteOptions, DeleteResult, ListOptions, ObjectList, PatchType, ResourceRef, WatchEvent, WatchOptions, WriteOptions } from '../engine/api/types.js';
import type { Clock } from '../engine/clock.js';
import type { KubeObject } from '../engine/objects.js';
import type { TableLike } from './printers/table.js';

export interface KubeClient {
  create(ref: ResourceRef, body: unknown, opts?: WriteOptions): Promise<KubeObject>;
  get(ref: ResourceRef): Promise<KubeObject>;
  list(ref: ResourceRef, opts?: ListOptions): Promise<ObjectList>;
  update(ref: ResourceRef, body: unknown, opts?: WriteOptions): Promise<KubeObject>;
  patch(ref: ResourceRef, type: PatchType, patch: unknown, opts?: WriteOptions): Promise<KubeObject>;
  delete(ref: ResourceRef, opts?: DeleteOptions): Promise<DeleteResult>;
  /** Starts a watch; resolves once it is established. */
  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<{ stop(): void }>;
  /** A list (or one object, with ref.name) as a server-side Table. */
  table(ref: ResourceRef, opts?: ListOptions): Promise<TableLike & { metadata?: { resourceVersion?: string } }>;
}

/** kubectl against the learner's own engine, without HTTP. */
export function inProcessClient(api: ApiClient, clock: Clock): KubeClient {
  const typeOf = (ref: ResourceRef) => {
    const t = findResource(ref.group, ref.version, ref.resource);
    if (!t) throw new Error(`unknown resource ${ref.resource}`);
    return t;
  };
  return {
    create: async (ref, body, opts) => api.create(ref, body, opts),
    get: async (ref) => api.get(ref),
    list: async (ref, opts) => api.list(ref, opts),
    update: async (ref, body, opts) => api.update(ref, body, opts),
    patch: async (ref, type, patch, opts) => api.patch(ref, type, patch, opts),
    delete: async (ref, opts) => api.delete(ref, opts),
    watch: async (ref, opts, onEvent) => api.watch(ref, opts, onEvent),
    table: async (ref, opts) => {
      if (ref.name) {
        const obj = api.get(ref);
        return toTable(typeOf(ref), [obj], { now: clock.now(), resourceVersion: obj.metadata.resourceVersion ?? '' });
      }
      const list = api.list(ref, opts);
      return toTable(typeOf(ref), list.items, { now: clock.now(), resourceVersion: list.metadata.resourceVersion });
    },
  };
}
