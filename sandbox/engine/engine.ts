// The Engine: one simulated cluster's control-plane core. It composes the store, the API, the
// allocators, admission and the controller runtime around an injected clock and random source,
// records who changed what (the trace), and snapshots to plain JSON and back exactly.
import { ManualClock, SeededRandom } from './clock.js';
import type { KubeObject } from './objects.js';
import { Store, type StoreSnapshot } from './store/store.js';
import { Api } from './api/api.js';
import { withActor } from './api/actor-client.js';
import { Allocators, type AllocatorSnapshot } from './api/allocators.js';
import { recordEvent } from './api/event-recorder.js';
import { sendBookmarks } from './api/list-watch.js';
import type { CommitRecord } from './api/request.js';
import type { ApiClient } from './api/types.js';
import { ControllerRuntime, type QueueSnapshot } from './controllers/runtime.js';
import type { Controller } from './controllers/runtime-contract.js';
import { defaultAdmissionPlugins } from './admission/index.js';
import type { AdmissionPlugin } from './admission/types.js';

export interface TraceEntry {
  revision: number;
  time: number;
  actor: string;
  verb: string;
  /** `deployments.apps`, `pods`, with `/status` etc. for subresources. */
  resource: string;
  namespace?: string;
  name: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  why?: string;
}

export interface ChangeEvent {
  record: TraceEntry;
  object: KubeObject;
}

export interface EngineOptions {
  clock: ManualClock;
  random: SeededRandom;
  /** Store history kept for watches (events); older revisions answer 410. */
  historyLimit?: number;
  traceLimit?: number;
  admission?: AdmissionPlugin[];
}

export interface EngineSnapshot {
  version: 1;
  time: number;
  randomState: number;
  store: StoreSnapshot;
  allocators: AllocatorSnapshot;
  trace: TraceEntry[];
  queues: Record<string, QueueSnapshot>;
  lastBookmark: number;
  /** State that components keep outside the store (e.g. the kubelets' container runtime), by name. */
  components?: Record<string, unknown>;
}

/** A component's state outside the store, given as plain JSON when the engine snapshots. */
export interface ComponentState {
  snapshot(): unknown;
}

const BOOKMARK_INTERVAL_MS = 60_000;
const DEFAULT_TRACE_LIMIT = 5000;

export class Engine {
  readonly clock: ManualClock;
  readonly random: SeededRandom;
  readonly store: Store;
  readonly allocators: Allocators;
  /** The API without attribution (the trace shows `unknown` unless options name an actor). */
  readonly api: ApiClient;
  readonly runtime: ControllerRuntime;
  private readonly impl: Api;
  private traceRing: TraceEntry[] = [];
  private readonly traceLimit: number;
  private listeners = new Set<(e: ChangeEvent) => void>();
  private lastBookmark: number;
  /** The reason attached to writes made through a client created with one. */
  private currentWhy: string | undefined;
  private components = new Map<string, ComponentState>();
  /** Component states from the snapshot this engine was restored from, until they register again. */
  private restoredComponents: Record<string, unknown> = {};

  constructor(opts: EngineOptions, store?: Store) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.store = store ?? new Store(opts.historyLimit);
    this.allocators = new Allocators(this.random);
    this.traceLimit = opts.traceLimit ?? DEFAULT_TRACE_LIMIT;
    this.lastBookmark = this.clock.now();
    this.impl = new Api({
      store: this.store,
      clock: this.clock,
      random: this.random,
      allocators: this.allocators,
      admission: opts.admission ?? defaultAdmissionPlugins(),
      onCommit: (r) => this.onCommit(r),
    });
    this.api = this.impl;
    this.runtime = new ControllerRuntime({
      store: this.store,
      clock: this.clock,
      random: this.random,
      clientFor: (actor) => this.client(actor),
      recordEvent: (component, regarding, type, reason, message) =>
        recordEvent(this.client(component), this.store, this.clock, { component }, regarding, type, reason, message),
    });
  }

  /** The API implementation itself: `lastWrite` (created, warnings) and `internalClient()` for the HTTP front. */
  get server(): Api {
    return this.impl;
  }

  /** An ApiClient whose writes the trace attributes to actor (and, if given, explains with why). */
  client(actor: string, why?: string): ApiClient {
    const inner = withActor(this.impl, actor);
    if (why === undefined) return inner;
    const explain =
      <A extends unknown[], R>(f: (...a: A) => R) =>
      (...a: A): R => {
        const before = this.currentWhy;
        this.currentWhy = why;
        try {
          return f(...a);
        } finally {
          this.currentWhy = before;
        }
      };
    return { ...inner, create: explain(inner.create), update: explain(inner.update), patch: explain(inner.patch), delete: explain(inner.delete), deleteCollection: explain(inner.deleteCollection) };
  }

  registerController(c: Controller): void {
    this.runtime.register(c);
  }

  /** Makes snapshot() carry a component's own state under name (restoredState(name) gives it back). */
  registerState(name: string, state: ComponentState): void {
    if (this.components.has(name)) throw new Error(`component state ${name} is already registered`);
    this.components.set(name, state);
    delete this.restoredComponents[name];
  }

  /** The state a component had registered under name in the snapshot this engine was restored from. */
  restoredState(name: string): unknown {
    return this.restoredComponents[name];
  }

  /** Records an Event about an object as component (the EventRecorder of that component). */
  recordEvent(component: string, regarding: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, host?: string): void {
    recordEvent(this.client(component), this.store, this.clock, { component, host }, regarding, type, reason, message);
  }

  /** Runs controllers until no key is ready (time does not move). */
  runUntilIdle(maxSteps = 100_000): number {
    return this.runtime.runUntilIdle(maxSteps);
  }

  /** Moves simulated time forward by ms, running every timer and reconcile that falls due on the way. */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    this.runUntilIdle();
    for (;;) {
      const due = this.runtime.nextDue();
      const bookmark = this.lastBookmark + BOOKMARK_INTERVAL_MS;
      const next = Math.min(due ?? Infinity, bookmark);
      if (next > target) break;
      if (next > this.clock.now()) this.clock.set(next);
      if (next === bookmark) {
        this.lastBookmark = bookmark;
        sendBookmarks(this.impl.core);
      }
      this.runUntilIdle();
    }
    if (target > this.clock.now()) this.clock.set(target);
    this.runUntilIdle();
  }

  /** Called after every commit with what changed (for live grading and the cluster view). Returns an unsubscribe. */
  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  trace(): TraceEntry[] {
    return [...this.traceRing];
  }

  snapshot(): EngineSnapshot {
    return {
      version: 1,
      time: this.clock.now(),
      randomState: this.random.state,
      store: this.store.snapshot(),
      allocators: this.allocators.snapshot(),
      trace: this.trace().map((t) => ({ ...t })),
      queues: this.runtime.snapshot(),
      lastBookmark: this.lastBookmark,
      ...this.componentSnapshots(),
    };
  }

  private componentSnapshots(): { components?: Record<string, unknown> } {
    const out: Record<string, unknown> = JSON.parse(JSON.stringify(this.restoredComponents));
    for (const [name, state] of this.components) out[name] = JSON.parse(JSON.stringify(state.snapshot()));
    return Object.keys(out).length ? { components: out } : {};
  }

  /**
   * Rebuilds an engine from a snapshot. Controllers are code: register them again and their queue
   * state is given back. The clock and random are set to the snapshot's time and state.
   */
  static restore(s: EngineSnapshot, opts: Partial<Omit<EngineOptions, 'historyLimit'>> = {}): Engine {
    const clock = opts.clock ?? new ManualClock(s.time);
    if (clock.now() < s.time) clock.set(s.time);
    const random = opts.random ?? new SeededRandom(s.randomState);
    random.state = s.randomState;
    const engine = new Engine({ ...opts, clock, random }, Store.restore(s.store));
    engine.allocators.restore(s.allocators);
    engine.traceRing = s.trace.map((t) => ({ ...t }));
    engine.runtime.restore(s.queues);
    engine.lastBookmark = s.lastBookmark;
    engine.restoredComponents = JSON.parse(JSON.stringify(s.components ?? {}));
    return engine;
  }

  private onCommit(r: CommitRecord): void {
    const entry: TraceEntry = {
      revision: r.revision,
      time: r.time,
      actor: r.actor,
      verb: r.verb,
      resource: `${r.group ? `${r.resource}.${r.group}` : r.resource}${r.subresource ? `/${r.subresource}` : ''}`,
      ...(r.namespace ? { namespace: r.namespace } : {}),
      name: r.name,
      type: r.type,
      ...(this.currentWhy ? { why: this.currentWhy } : {}),
    };
    this.traceRing.push(entry);
    if (this.traceRing.length > this.traceLimit) this.traceRing.splice(0, this.traceRing.length - this.traceLimit);
    for (const l of [...this.listeners]) l({ record: entry, object: r.object });
  }
}
