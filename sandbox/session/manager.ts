// Owns every live sandbox in this process: one per learner and lab, created on first attach,
// restored from its last snapshot, saved shortly after changes, put to sleep when idle.
import { findLab } from '../../labs/registry.js';
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
  log?: (message: string) => void;
}

interface Entry {
  sandbox: Sandbox;
  saveTimer?: ReturnType<typeof setTimeout>;
  idleTimer?: ReturnType<typeof setTimeout>;
  saving: Promise<void>;
}

export class UnknownLabError extends Error {}

export const sandboxIdOf = (userId: string, labSlug: string): string => `${userId}:${labSlug}`;

export class SandboxManager {
  private readonly live = new Map<string, Entry>();
  private readonly opening = new Map<string, Promise<Sandbox>>();
  private readonly saveDelayMs: number;
  private readonly idleMs: number;
  private readonly wallNow: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: ManagerOptions) {
    this.saveDelayMs = opts.saveDelayMs ?? 3000;
    this.idleMs = opts.idleMs ?? 10 * 60_000;
    this.wallNow = opts.wallNow ?? Date.now;
    this.log = opts.log ?? ((m) => console.log(m));
  }

  get size(): number {
    return this.live.size;
  }

  /** The learner's sandbox for a lab: the live one, else restored, else new. */
  open(userId: string, labSlug: string): Promise<Sandbox> {
    const id = sandboxIdOf(userId, labSlug);
    const entry = this.live.get(id);
    if (entry) {
      clearTimeout(entry.idleTimer);
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
    const lab = findLab(labSlug);
    if (!lab) throw new UnknownLabError(`no lab named ${labSlug}`);
    const [runtime, saved] = await Promise.all([(this.opts.loadRuntime ?? defaultLoadRuntime)(), this.opts.store.load(userId, labSlug)]);
    await this.opts.store.ensureUser(userId);
    const deps = {
      id,
      userId,
      lab,
      runtime,
      wallNow: this.wallNow,
      onDirty: () => this.scheduleSave(id),
      onGraded: (update: ChecksUpdate) => this.saveResults(userId, labSlug, update),
    };
    let sandbox: Sandbox;
    try {
      sandbox = saved ? Sandbox.restore(deps, saved) : Sandbox.create(deps);
    } catch (e) {
      // A snapshot the current code cannot read must not lock the learner out: start afresh.
      this.log(`sandbox ${id}: snapshot not restorable (${(e as Error).message}); starting a fresh one`);
      sandbox = Sandbox.create(deps);
    }
    this.live.set(id, { sandbox, saving: Promise.resolve() });
    sandbox.start();
    return sandbox;
  }

  private scheduleSave(id: string): void {
    const entry = this.live.get(id);
    if (!entry || entry.saveTimer) return;
    entry.saveTimer = setTimeout(() => void this.saveNow(id), this.saveDelayMs);
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
      .then(() => this.opts.store.save(sandbox.userId, sandbox.lab.slug, sandbox.snapshot()))
      .catch((e) => this.log(`sandbox ${id}: save failed: ${(e as Error).message}`));
    return entry.saving;
  }

  private saveResults(userId: string, labSlug: string, update: ChecksUpdate): void {
    this.opts.store.saveResults(userId, labSlug, update).catch((e) => this.log(`results for ${userId}:${labSlug} not saved: ${(e as Error).message}`));
  }

  private async unload(id: string): Promise<void> {
    const entry = this.live.get(id);
    if (!entry || entry.sandbox.listenerCount > 0) return;
    await this.saveNow(id);
    this.drop(id);
  }

  private drop(id: string): void {
    const entry = this.live.get(id);
    if (!entry) return;
    clearTimeout(entry.saveTimer);
    clearTimeout(entry.idleTimer);
    entry.sandbox.dispose();
    this.live.delete(id);
  }
}
