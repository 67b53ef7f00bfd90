// One engine's cluster view for every viewer: the recorder, plus the last state broadcast, so
// a newcomer's snapshot and everyone's diffs agree. Commits come in bursts (a controller making
// 500 pods): updates go out at most every UPDATE_INTERVAL_MS, and only while someone watches.
import type { ObjectDetail } from './detail.js';
import { diffModels, isEmptyDiff } from './diff.js';
import type { ObjectLink } from './facts.js';
import type { ClusterModel } from './model.js';
import { ClusterViewRecorder, type ViewSource } from './recorder.js';
import { MAX_CHAINS, UPDATE_INTERVAL_MS, type ChainUpdate, type ClusterViewSnapshot, type ClusterViewUpdate } from './wire.js';

export interface FeedTimer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: FeedTimer = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export class ClusterViewFeed {
  readonly recorder: ClusterViewRecorder;
  private model?: ClusterModel;
  private sent = new Map<string, string[]>();
  private pending?: unknown;
  private readonly listeners = new Set<(u: ClusterViewUpdate) => void>();

  constructor(
    engine: ViewSource,
    private readonly timer: FeedTimer = realTimer,
  ) {
    this.recorder = new ClusterViewRecorder(engine);
    this.recorder.onRecorded(() => this.schedule());
  }

  /** Start receiving updates; returns the state they apply to. */
  subscribe(listener: (u: ClusterViewUpdate) => void): { snapshot: ClusterViewSnapshot; unsubscribe: () => void } {
    this.flush();
    this.listeners.add(listener);
    return { snapshot: this.snapshot(), unsubscribe: () => this.listeners.delete(listener) };
  }

  /** The state the last update brought everyone to. */
  snapshot(): ClusterViewSnapshot {
    this.model ??= this.recorder.model();
    const chains = this.recorder.timeline(MAX_CHAINS);
    for (const c of chains) this.sent.set(c.id, c.steps.map((s) => JSON.stringify(s)));
    return { model: this.model, chains };
  }

  inspect(link: ObjectLink): ObjectDetail {
    return this.recorder.detail(link);
  }

  dispose(): void {
    this.timer.clear(this.pending);
    this.listeners.clear();
    this.recorder.dispose();
  }

  private schedule(): void {
    if (this.pending !== undefined || this.listeners.size === 0) return;
    this.pending = this.timer.set(() => {
      this.pending = undefined;
      this.flush();
    }, UPDATE_INTERVAL_MS);
  }

  /** Sends what changed since the last update (nothing when nobody watches). */
  flush(): void {
    if (this.listeners.size === 0 || !this.model) {
      this.model = undefined; // recomputed for the next viewer
      return;
    }
    const next = this.recorder.model();
    const diff = diffModels(this.model, next);
    this.model = next;
    const chains = this.changedChains();
    if (isEmptyDiff(diff) && chains.length === 0) return;
    for (const l of this.listeners) l({ diff, chains });
  }

  /** Chains that changed, each with only its steps from the first that changed. */
  private changedChains(): ChainUpdate[] {
    const out: ChainUpdate[] = [];
    for (const c of this.recorder.timeline(MAX_CHAINS)) {
      const steps = c.steps.map((s) => JSON.stringify(s));
      const before = this.sent.get(c.id);
      let from = 0;
      if (before) while (from < steps.length && from < before.length && steps[from] === before[from]) from++;
      if (before && from === steps.length && before.length === steps.length) continue;
      this.sent.set(c.id, steps);
      out.push({ ...c, steps: c.steps.slice(from), from });
    }
    return out;
  }
}
