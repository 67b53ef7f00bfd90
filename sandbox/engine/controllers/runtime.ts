// The controller runtime: per controller a workqueue (deduplicated keys, delayed requeues on
// simulated time, client-go's per-item exponential back-off after failures), fed by store
// watches; reconciles run synchronously when the engine steps (runUntilIdle / advance).
// Like an informer, a newly registered controller first lists what exists and enqueues its keys
// (level-based: it never depends on having seen an object change). A controller registered again
// after a restore gets its saved queue back instead, so the restored engine resumes exactly.
import type { ManualClock, Random } from '../clock.js';
import type { KubeObject } from '../objects.js';
import type { Store, StoreWatch } from '../store/store.js';
import { collectionPrefix } from '../api/request.js';
import { findResource } from '../api/resources.js';
import type { ApiClient } from '../api/types.js';
import type { Controller, ControllerContext, WatchedResource } from './runtime-contract.js';

/** A watched resource may also name keys for a deleted object (the garbage collector needs them). */
export interface WatchedResourceWithDeletes extends WatchedResource {
  keysForDeleted?(obj: KubeObject): string[];
}

export interface QueueSnapshot {
  ready: string[];
  delayed: Array<[string, number]>;
  failures: Array<[string, number]>;
}

interface Queue {
  controller: Controller;
  ready: string[];
  readySet: Set<string>;
  delayed: Map<string, number>;
  failures: Map<string, number>;
  /** Keys from coalescing watches: they wait until nothing else is ready at this instant. */
  settling: Set<string>;
  /** No delayed key is due before this (a lower bound: promotion skips the queue until then). */
  earliestDue: number;
  /** earliestDue is the exact earliest (no delayed key removed since it was counted): nextDue need not scan. */
  earliestExact: boolean;
  watches: StoreWatch[];
  ctx: ControllerContext;
}

const BASE_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 1000 * 1000;

export interface RuntimeDeps {
  store: Store;
  clock: ManualClock;
  random: Random;
  /** An ApiClient that attributes writes to the given controller. */
  clientFor(actor: string): ApiClient;
  recordEvent(component: string, regarding: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export class ControllerRuntime {
  private queues: Queue[] = [];
  private pendingSnapshots = new Map<string, QueueSnapshot>();
  /** Controllers whose component is stopped: their queues fill but nothing reconciles until resumed. */
  private readonly paused = new Set<string>();
  /** Reconcile errors, newest last (bounded), for tests and the cluster view. */
  readonly errors: Array<{ controller: string; key: string; message: string; time: number }> = [];

  constructor(private deps: RuntimeDeps) {}

  register(controller: Controller): void {
    if (this.queues.some((q) => q.controller.name === controller.name)) throw new Error(`controller ${controller.name} is already registered`);
    const api = this.deps.clientFor(controller.name);
    const ctx: ControllerContext = {
      api,
      clock: this.deps.clock,
      random: this.deps.random,
      recordEvent: (regarding, type, reason, message) => this.deps.recordEvent(controller.name, regarding, type, reason, message),
    };
    const q: Queue = { controller, ready: [], readySet: new Set(), delayed: new Map(), failures: new Map(), settling: new Set(), earliestDue: Infinity, earliestExact: true, watches: [], ctx };
    const saved = this.pendingSnapshots.get(controller.name);
    if (saved) {
      this.applySnapshot(q, saved);
      this.pendingSnapshots.delete(controller.name);
    }
    this.queues.push(q);
    for (const w of controller.watches) q.watches.push(this.watch(q, w as WatchedResourceWithDeletes));
    if (!saved) for (const w of controller.watches) this.enqueueExisting(q, w);
  }

  /** The informer's initial list: every existing object's keys, as if each had just been added. */
  private enqueueExisting(q: Queue, w: WatchedResource): void {
    const rt = findResource(w.group, w.version, w.resource)!;
    for (const obj of this.deps.store.list(collectionPrefix(rt, undefined))) for (const key of w.keysFor(obj)) this.add(q, key);
  }

  unregister(name: string): void {
    const i = this.queues.findIndex((q) => q.controller.name === name);
    if (i < 0) return;
    this.queues[i].watches.forEach((w) => w.stop());
    this.queues.splice(i, 1);
  }

  get controllers(): string[] {
    return this.queues.map((q) => q.controller.name);
  }

  /** Adds a key to a controller's queue now (e.g. a resync, or a test). */
  enqueue(controllerName: string, key: string): void {
    const q = this.queues.find((x) => x.controller.name === controllerName);
    if (q) this.add(q, key);
  }

  /** Stops (true) or resumes (false) reconciling a controller; its watches keep queueing keys. */
  setPaused(controllerName: string, paused: boolean): void {
    if (paused) this.paused.add(controllerName);
    else this.paused.delete(controllerName);
  }

  isPaused(controllerName: string): boolean {
    return this.paused.has(controllerName);
  }

  /** Runs ready reconciles until none is left; returns how many ran. */
  runUntilIdle(maxSteps = 10_000): number {
    let steps = 0;
    this.promoteDue();
    for (;;) {
      let ran = false;
      for (const q of this.queues) {
        if (this.paused.size && this.paused.has(q.controller.name)) continue;
        const key = q.ready.shift();
        if (key === undefined) continue;
        q.readySet.delete(key);
        this.reconcile(q, key);
        ran = true;
        if (++steps >= maxSteps) return steps;
        this.promoteDue();
      }
      if (!ran && !this.releaseSettling()) return steps;
    }
  }

  /** Makes the coalesced keys ready once every queue is idle; false when there were none. */
  private releaseSettling(): boolean {
    let any = false;
    for (const q of this.queues) {
      if (!q.settling.size) continue;
      for (const key of q.settling) this.add(q, key);
      q.settling.clear();
      any = true;
    }
    return any;
  }

  /** The earliest time a delayed key becomes ready, if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const q of this.queues) {
      if (this.paused.size && this.paused.has(q.controller.name)) continue;
      if (!q.earliestExact) {
        q.earliestDue = Infinity;
        for (const t of q.delayed.values()) if (t < q.earliestDue) q.earliestDue = t;
        q.earliestExact = true;
      }
      if (q.earliestDue !== Infinity && (next === undefined || q.earliestDue < next)) next = q.earliestDue;
    }
    return next;
  }

  hasReadyWork(): boolean {
    return this.queues.some((q) => q.ready.length > 0 && !this.paused.has(q.controller.name));
  }

  snapshot(): Record<string, QueueSnapshot> {
    const out: Record<string, QueueSnapshot> = {};
    for (const q of this.queues) {
      out[q.controller.name] = { ready: [...q.ready, ...[...q.settling].filter((k) => !q.readySet.has(k))], delayed: [...q.delayed.entries()], failures: [...q.failures.entries()] };
    }
    for (const [name, s] of this.pendingSnapshots) out[name] ??= s;
    return out;
  }

  /** Queue state is applied when a controller of that name registers (controllers are code, not data). */
  restore(s: Record<string, QueueSnapshot>): void {
    for (const [name, snap] of Object.entries(s)) {
      const q = this.queues.find((x) => x.controller.name === name);
      if (q) this.applySnapshot(q, snap);
      else this.pendingSnapshots.set(name, snap);
    }
  }

  private applySnapshot(q: Queue, s: QueueSnapshot): void {
    q.ready = [...s.ready];
    q.readySet = new Set(s.ready);
    q.delayed = new Map(s.delayed);
    q.failures = new Map(s.failures);
    q.earliestDue = Infinity;
    for (const t of q.delayed.values()) if (t < q.earliestDue) q.earliestDue = t;
    q.earliestExact = true;
  }

  private watch(q: Queue, w: WatchedResourceWithDeletes): StoreWatch {
    const rt = findResource(w.group, w.version, w.resource);
    if (!rt) throw new Error(`controller ${q.controller.name} watches an unknown resource ${w.group}/${w.version}/${w.resource}`);
    return this.deps.store.watch(collectionPrefix(rt, undefined), this.deps.store.revision, (e) => {
      const keys = e.type === 'DELETED' ? (w.keysForDeleted?.(e.object) ?? w.keysFor(e.object, e.prev)) : w.keysFor(e.object, e.prev);
      for (const key of keys) {
        if (w.coalesce && !q.readySet.has(key)) q.settling.add(key);
        else this.add(q, key);
      }
    });
  }

  private add(q: Queue, key: string): void {
    if (q.readySet.has(key)) return;
    if (q.delayed.delete(key)) q.earliestExact = false;
    q.readySet.add(key);
    q.ready.push(key);
  }

  private addAfter(q: Queue, key: string, ms: number): void {
    if (q.readySet.has(key)) return;
    const due = this.deps.clock.now() + ms;
    const existing = q.delayed.get(key);
    if (existing === undefined || due < existing) q.delayed.set(key, due);
    if (due < q.earliestDue) q.earliestDue = due;
  }

  /** Moves keys whose time has come to ready, earliest first; runs after every reconcile, so it skips cheaply. */
  private promoteDue(): void {
    const now = this.deps.clock.now();
    for (const q of this.queues) {
      if (q.earliestDue > now) continue;
      const due: Array<[string, number]> = [];
      let earliest = Infinity;
      for (const entry of q.delayed) {
        if (entry[1] <= now) due.push(entry);
        else if (entry[1] < earliest) earliest = entry[1];
      }
      q.earliestDue = earliest;
      q.earliestExact = true;
      due.sort((a, b) => a[1] - b[1]);
      for (const [key] of due) {
        q.delayed.delete(key);
        this.add(q, key);
      }
    }
  }

  private reconcile(q: Queue, key: string): void {
    try {
      const result = q.controller.reconcile(key, q.ctx);
      q.failures.delete(key);
      if (result?.requeueAfterMs !== undefined) this.addAfter(q, key, result.requeueAfterMs);
    } catch (e) {
      const n = q.failures.get(key) ?? 0;
      q.failures.set(key, n + 1);
      this.errors.push({ controller: q.controller.name, key, message: (e as Error).message, time: this.deps.clock.now() });
      if (this.errors.length > 200) this.errors.shift();
      this.addAfter(q, key, Math.min(BASE_BACKOFF_MS * 2 ** n, MAX_BACKOFF_MS));
    }
  }
}
