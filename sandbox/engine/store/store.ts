// The engine's etcd: one global revision (the resourceVersion every object carries), objects under
// etcd-like keys (`/registry/deployments/default/web`), a bounded history of changes to replay
// watches from, and compaction that makes older revisions answer "too old resource version".
// Objects are stored deep-frozen; the store stamps metadata.resourceVersion itself.
import { clone, deepFreeze, type KubeObject } from '../objects.js';
import { CollectionIndex } from './collection-index.js';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  revision: number;
  key: string;
  /** The object after the change; for DELETED, the last state with the deletion's revision. */
  object: KubeObject;
  /** The object before the change (absent for ADDED). */
  prev?: KubeObject;
}

/** Why a store operation failed; the API layer turns these into Status errors. */
export class StoreError extends Error {
  constructor(
    readonly kind: 'exists' | 'notFound' | 'conflict' | 'compacted',
    readonly key: string,
    readonly revision = 0,
    readonly current = 0,
  ) {
    super(`${kind}: ${key}`);
  }
}

export interface StoreWatch {
  stop(): void;
}

/**
 * What resuming needs: the objects and the revision. The watch history stays out (it was most of
 * a saved sandbox): a restored store is compacted at the snapshot's revision, so a watch or a
 * continue token from before it gets 410 Gone and re-lists, as after an etcd compaction.
 */
export interface StoreSnapshot {
  revision: number;
  historyLimit: number;
  /** Watches must start at or after this revision (the snapshot's revision). */
  compacted: number;
  objects: Array<[string, KubeObject]>;
  /** Only in snapshots made before history was left out; restored as it was. */
  history?: Array<{ type: StoreEventType; revision: number; key: string; object: KubeObject; prev?: KubeObject }>;
}

interface Watcher {
  prefix: string;
  onEvent: (e: StoreEvent) => void;
  stopped: boolean;
}

export const DEFAULT_HISTORY_LIMIT = 2000;

export class Store {
  private objects = new Map<string, KubeObject>();
  /** Keys by collection, each sorted: a list costs what its collection holds, not the whole store. */
  private index = new CollectionIndex();
  private history: StoreEvent[] = [];
  private watchers = new Set<Watcher>();
  private pending: StoreEvent[] = [];
  private dispatching = false;
  private rev = 0;
  private compactedRev = 0;

  constructor(readonly historyLimit = DEFAULT_HISTORY_LIMIT) {}

  get revision(): number {
    return this.rev;
  }
  /** Watches must start at or after this revision. */
  get compactedRevision(): number {
    return this.compactedRev;
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Every object whose key starts with prefix, in key order (etcd's range order). */
  list(prefix: string): KubeObject[] {
    return this.keys(prefix).map((k) => this.objects.get(k)!);
  }

  keys(prefix: string): string[] {
    return this.index.keys(prefix);
  }

  /** Number of objects under prefix, without building them. */
  count(prefix: string): number {
    return this.index.count(prefix);
  }

  /**
   * The objects under prefix as they were at an earlier revision, rebuilt by undoing the kept
   * history (for list pagination and resourceVersionMatch=Exact).
   */
  listAt(prefix: string, revision: number): KubeObject[] {
    if (revision >= this.rev) return this.list(prefix);
    if (revision < this.compactedRev) throw new StoreError('compacted', prefix, revision, this.compactedRev);
    const state = new Map<string, KubeObject>();
    for (const k of this.keys(prefix)) state.set(k, this.objects.get(k)!);
    for (let i = this.history.length - 1; i >= 0 && this.history[i].revision > revision; i--) {
      const e = this.history[i];
      if (!e.key.startsWith(prefix)) continue;
      if (e.type === 'ADDED') state.delete(e.key);
      else state.set(e.key, e.prev!);
    }
    return [...state.keys()].sort().map((k) => state.get(k)!);
  }

  create(key: string, obj: KubeObject): KubeObject {
    if (this.objects.has(key)) throw new StoreError('exists', key);
    return this.commit('ADDED', key, obj);
  }

  /** Replaces the object; expectedRevision (when given) must equal its current resourceVersion. */
  update(key: string, obj: KubeObject, expectedRevision?: number): KubeObject {
    const prev = this.objects.get(key);
    if (!prev) throw new StoreError('notFound', key);
    this.checkRevision(key, prev, expectedRevision);
    return this.commit('MODIFIED', key, obj, prev);
  }

  delete(key: string, expectedRevision?: number): KubeObject {
    const prev = this.objects.get(key);
    if (!prev) throw new StoreError('notFound', key);
    this.checkRevision(key, prev, expectedRevision);
    return this.commit('DELETED', key, prev, prev);
  }

  /**
   * Watches keys under prefix for changes after fromRevision, replaying kept history first.
   * Events are delivered synchronously, in revision order, never re-entrantly.
   */
  watch(prefix: string, fromRevision: number, onEvent: (e: StoreEvent) => void): StoreWatch {
    if (fromRevision < this.compactedRev) throw new StoreError('compacted', prefix, fromRevision, this.compactedRev);
    const watcher: Watcher = { prefix, onEvent, stopped: false };
    const replay = this.history.filter((e) => e.revision > fromRevision && e.key.startsWith(prefix));
    this.watchers.add(watcher);
    for (const e of replay) {
      if (watcher.stopped) break;
      onEvent(e);
    }
    return {
      stop: () => {
        watcher.stopped = true;
        this.watchers.delete(watcher);
      },
    };
  }

  /** Drops history up to and including revision (like `etcdctl compact`). */
  compact(revision: number): void {
    this.history = this.history.filter((e) => e.revision > revision);
    this.compactedRev = Math.max(this.compactedRev, Math.min(revision, this.rev));
  }

  snapshot(): StoreSnapshot {
    return {
      revision: this.rev,
      historyLimit: this.historyLimit,
      compacted: this.rev,
      objects: [...this.objects.entries()].map(([k, v]) => [k, clone(v)]),
    };
  }

  static restore(s: StoreSnapshot): Store {
    const store = new Store(s.historyLimit);
    store.rev = s.revision;
    store.compactedRev = s.compacted;
    for (const [k, v] of s.objects) store.objects.set(k, deepFreeze(clone(v)));
    for (const k of store.objects.keys()) store.index.add(k);
    store.history = (s.history ?? []).map((e) => ({
      type: e.type,
      revision: e.revision,
      key: e.key,
      object: deepFreeze(clone(e.object)),
      ...(e.prev ? { prev: deepFreeze(clone(e.prev)) } : {}),
    }));
    return store;
  }

  private checkRevision(key: string, current: KubeObject, expected?: number): void {
    if (expected === undefined) return;
    const actual = Number(current.metadata.resourceVersion);
    if (actual !== expected) throw new StoreError('conflict', key, expected, actual);
  }

  private commit(type: StoreEventType, key: string, obj: KubeObject, prev?: KubeObject): KubeObject {
    this.rev += 1;
    const stamped = deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rev) } }) as KubeObject;
    if (type === 'DELETED') this.objects.delete(key);
    else this.objects.set(key, stamped);
    if (type === 'DELETED') this.index.remove(key);
    else if (type === 'ADDED') this.index.add(key);
    const event: StoreEvent = { type, revision: this.rev, key, object: stamped, ...(prev ? { prev } : {}) };
    this.remember(event);
    this.dispatch(event);
    return stamped;
  }

  private remember(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedRev = dropped[dropped.length - 1].revision;
    }
  }

  /** Delivers in order; a write made from inside a handler is queued until the current event is out. */
  private dispatch(event: StoreEvent): void {
    this.pending.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.pending.length) {
        const next = this.pending.shift()!;
        for (const w of [...this.watchers]) {
          if (!w.stopped && next.key.startsWith(w.prefix)) w.onEvent(next);
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}
