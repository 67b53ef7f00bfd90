// Owns every live sandbox in this process: one per learner and lab, created on first attach,
// restored from its last snapshot, saved shortly after changes, put to sleep when idle.
import { findLab } from '../../labs/registry.js';
import { findExamLab } from '../../exams/runtime/exam-lab.js';
import type { ChecksUpdate } from '../protocol.js';
import { loadRuntime as defaultLoadRuntime, type SandboxRuntime } from './runtime.js';
import { Sandbox } from './sandbox.js';
import type { SandboxStore } from './store.js';

export interface ManagerOptions {
  store: SandboxStore;
  loadRuntime?: () => Promise<SandboxRuntime>;
  wallNow?: () => number;
  /** Save this long after the last change (changes come in bursts). */
  saveDelayMs?: number;
  /** Save and unload a sandbox nobody watched for this long. */
  idleMs?: number;
  /** Live sandboxes one learner may have at once (an exam may need several). */
  maxPerLearner?: number;
  /** CPU time one command line may use. */
  cpuLimitMs?: number;
  log?: (message: string) => void;
  /** A command line's latency (Enter to prompt), for metrics. */
  onCommand?: (ms: number) => void;
  /** A sandbox was saved and unloaded (hibernated, reset or shut down). */
  onUnload?: (id: string) => void;
  /** A snapshot was written: its size and how long taking and writing it took. */
  onSnapshot?: (bytes: number, ms: number) => void;
}

interface Entry {
  sandbox: Sandbox;
  saveTimer?: ReturnType<typeof setTimeout>;
  saveDue?: number;
  idleTimer?: ReturnType<typeof setTimeout>;
  saving: Promise<void>;
  /** Counts opens, so an unload that raced an open keeps the sandbox. */
  opens: number;
}

export class UnknownLabError extends Error {}
export class LearnerLimitError extends Error {}

/** Saves within this long of a learner's change: a crash loses at most this much (plus the write). */
export const SAVE_DELAY_MS = 1000;
/**
 * The cluster changes on its own all the time (node leases, status updates). That is no learner's
 * work and a restore recomputes it, so those changes alone are saved far less often.
 */
export const CLUSTER_SAVE_DELAY_MS = 30_000;

export const sandboxIdOf = (userId: string, labSlug: string): string => `${userId}:${labSlug}`;

export class SandboxManager {
  private readonly live = new Map<string, Entry>();
  private readonly opening = new Map<string, Promise<Sandbox>>();
  /** Sandboxes this process put to sleep (saved, memory freed) and not yet woken. */
  private readonly hibernated = new Set<string>();
  private readonly saveDelayMs: number;
  private readonly idleMs: number;
  private readonly wallNow: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: ManagerOptions) {
    this.saveDelayMs = opts.saveDelayMs ?? SAVE_DELAY_MS;
    this.idleMs = opts.idleMs ?? 10 * 60_000;
    this.wallNow = opts.wallNow ?? Date.now;
    this.log = opts.log ?? ((m) => console.log(m));
  }

  get size(): number {
    return this.live.size;
  }

  get(id: string): Sandbox | undefined {
    return this.live.get(id)?.sandbox;
  }

  counts(): { active: number; hibernated: number } {
    return { active: this.live.size, hibernated: this.hibernated.size };
  }

  /** Throw away the learner's sandbox for a lab (and its snapshot): the next open starts afresh. */
  async reset(userId: string, labSlug: string): Promise<void> {
    const id = sandboxIdOf(userId, labSlug);
    await this.opening.get(id)?.catch(() => undefined);
    const entry = this.live.get(id);
    if (entry) await entry.saving;
    this.drop(id);
    this.hibernated.delete(id);
    await this.opts.store.delete(userId, labSlug);
  }

  /** Delete everything of one learner: live sandboxes, snapshots, results, the learner. */
  async deleteLearner(userId: string): Promise<void> {
    for (const [id, entry] of [...this.live]) {
      if (entry.sandbox.userId !== userId) continue;
      await entry.saving;
      this.drop(id);
    }
    for (const id of [...this.hibernated]) if (id.startsWith(`${userId}:`)) this.hibernated.delete(id);
    await this.opts.store.deleteUser(userId);
  }

  /** The learner's sandbox for a lab: the live one, else restored, else new. */
  open(userId: string, labSlug: string): Promise<Sandbox> {
    const id = sandboxIdOf(userId, labSlug);
    const entry = this.live.get(id);
    if (entry) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = undefined;
      entry.opens++;
      return Promise.resolve(entry.sandbox);
    }
    let pending = this.opening.get(id);
    if (!pending) {
      pending = this.load(id, userId, labSlug).finally(() => this.opening.delete(id));
      this.opening.set(id, pending);
    }
    return pending;
  }

  /** A viewer left: when nobody watches any more, unload after the idle time. */
  release(sandbox: Sandbox): void {
    const entry = this.live.get(sandbox.id);
    if (!entry || sandbox.listenerCount > 0) return;
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => void this.unload(sandbox.id), this.idleMs);
    entry.idleTimer.unref?.();
  }

  async saveAll(): Promise<void> {
    await Promise.all([...this.live.keys()].map((id) => this.saveNow(id)));
  }

  /** Save every sandbox and stop them all (SIGTERM). */
  async shutdown(): Promise<void> {
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => undefined)));
    await this.saveAll();
    for (const id of [...this.live.keys()]) this.drop(id);
  }

  private async load(id: string, userId: string, labSlug: string): Promise<Sandbox> {
    const lab = findLab(labSlug) ?? findExamLab(labSlug);
    if (!lab) throw new UnknownLabError(`no lab named ${labSlug}`);
    await this.makeRoomFor(userId);
    const [runtime, saved] = await Promise.all([(this.opts.loadRuntime ?? defaultLoadRuntime)(), this.opts.store.load(userId, labSlug)]);
    await this.opts.store.ensureUser(userId);
    const deps = {
      id,
      userId,
      lab,
      runtime,
      wallNow: this.wallNow,
      onDirty: (by: 'learner' | 'cluster') => this.scheduleSave(id, by === 'learner' ? this.saveDelayMs : CLUSTER_SAVE_DELAY_MS),
      onGraded: (update: ChecksUpdate) => this.saveResults(userId, labSlug, update),
      onCommand: this.opts.onCommand,
      cpuLimitMs: this.opts.cpuLimitMs,
    };
    let sandbox: Sandbox;
    try {
      sandbox = saved ? Sandbox.restore(deps, saved) : Sandbox.create(deps);
    } catch (e) {
      // A snapshot the current code cannot read must not lock the learner out: start afresh.
      this.log(`sandbox ${id}: snapshot not restorable (${(e as Error).message}); starting a fresh one`);
      sandbox = Sandbox.create(deps);
    }
    this.live.set(id, { sandbox, saving: Promise.resolve(), opens: 0 });
    this.hibernated.delete(id);
    sandbox.start();
    return sandbox;
  }

  private scheduleSave(id: string, delayMs: number): void {
    const entry = this.live.get(id);
    if (!entry) return;
    const due = this.wallNow() + delayMs;
    if (entry.saveTimer && (entry.saveDue ?? 0) <= due) return;
    clearTimeout(entry.saveTimer);
    entry.saveDue = due;
    entry.saveTimer = setTimeout(() => void this.saveNow(id), delayMs);
    entry.saveTimer.unref?.();
  }

  private saveNow(id: string): Promise<void> {
    const entry = this.live.get(id);
    if (!entry) return Promise.resolve();
    clearTimeout(entry.saveTimer);
    entry.saveTimer = undefined;
    const { sandbox } = entry;
    // Chained so two saves of one sandbox never race each other.
    entry.saving = entry.saving
      .then(() => this.write(sandbox))
      .catch((e) => this.log(`sandbox ${id}: save failed: ${(e as Error).message}`));
    return entry.saving;
  }

  private async write(sandbox: Sandbox): Promise<void> {
    const started = performance.now();
    const snapshot = sandbox.snapshot();
    // Serialised once, here (in the worker), not again on the web server's thread.
    const json = JSON.stringify(snapshot);
    const { store } = this.opts;
    await (store.saveSerialized ? store.saveSerialized(sandbox.userId, sandbox.lab.slug, snapshot.version, json) : store.save(sandbox.userId, sandbox.lab.slug, snapshot));
    this.opts.onSnapshot?.(json.length, performance.now() - started);
  }

  /** A learner over the limit: the least recently watched sandbox nobody watches goes to sleep. */
  private async makeRoomFor(userId: string): Promise<void> {
    const limit = this.opts.maxPerLearner ?? 4;
    const mine = [...this.live.values()].filter((e) => e.sandbox.userId === userId);
    if (mine.length < limit) return;
    const idle = mine.find((e) => e.sandbox.listenerCount === 0);
    if (!idle) throw new LearnerLimitError(`You already have ${mine.length} labs open, the most one learner may run at once. Close one of them and try again.`);
    await this.unload(idle.sandbox.id);
  }

  private saveResults(userId: string, labSlug: string, update: ChecksUpdate): void {
    this.opts.store.saveResults(userId, labSlug, update).catch((e) => this.log(`results for ${userId}:${labSlug} not saved: ${(e as Error).message}`));
  }

  private async unload(id: string): Promise<void> {
    const entry = this.live.get(id);
    if (!entry || entry.sandbox.listenerCount > 0) return;
    const opens = entry.opens;
    await this.saveNow(id);
    // Someone opened it again while it was being saved: keep it.
    if (this.live.get(id) !== entry || entry.sandbox.listenerCount > 0 || entry.opens !== opens) return;
    this.drop(id);
    this.hibernated.add(id);
  }

  private drop(id: string): void {
    const entry = this.live.get(id);
    if (!entry) return;
    clearTimeout(entry.saveTimer);
    clearTimeout(entry.idleTimer);
    entry.sandbox.dispose();
    this.live.delete(id);
    this.opts.onUnload?.(id);
  }
}
