// The sandbox worker pool (the web server's side): SANDBOX_WORKERS threads (default: one per
// core), each running a SandboxManager (worker.ts). A sandbox sticks to the worker it was opened
// on; a crashed worker is replaced, and its sandboxes are reopened on the least-loaded worker from
// their last snapshots (at most SAVE_DELAY_MS of work lost), their handles rebound in place so the
// sockets holding them never notice more than a notice line.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SandboxHandle, type SandboxHost, type SandboxTransport } from './handle.js';
import { UnknownLabError, LearnerLimitError, sandboxIdOf } from './manager.js';
import type { SandboxStore } from './store.js';
import { SandboxCallError, toWireError, type SandboxMethod, type WireError } from './surface.js';
import type { FromWorker, ToWorker, WorkerConfig } from './wire.js';

export interface PoolStats {
  commandMs: number[];
  snapshots: { bytes: number; ms: number }[];
}

export interface PoolOptions extends WorkerConfig {
  store: SandboxStore;
  /** Threads; default one per core. */
  size?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Figures the workers report once a second (metrics). */
  onStats?: (stats: PoolStats) => void;
  /** A worker unloaded a sandbox (hibernated, reset, shut down): ownership gives its lease up. */
  onUnload?: (sandboxId: string) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  sandboxes: Set<string>;
  counts: { active: number; hibernated: number };
  lagMs: number;
  transport: SandboxTransport;
}

type Pending = { resolve(v: unknown): void; reject(e: Error): void };

export const defaultPoolSize = (): number => Math.max(1, Number(process.env.SANDBOX_WORKERS) || availableParallelism());

export class SandboxPool implements SandboxHost {
  private readonly slots: Slot[] = [];
  private readonly handles = new Map<string, SandboxHandle>();
  private readonly placement = new Map<string, Slot>();
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closing = false;

  constructor(private readonly opts: PoolOptions) {
    const size = opts.size ?? defaultPoolSize();
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves when every worker has started (readiness). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  async open(userId: string, labSlug: string): Promise<SandboxHandle> {
    const id = sandboxIdOf(userId, labSlug);
    const slot = this.placement.get(id) ?? this.leastLoaded();
    this.placement.set(id, slot);
    try {
      await this.request(slot, { kind: 'open', seq: 0, userId, labSlug });
    } catch (e) {
      if (!this.handles.has(id)) this.placement.delete(id);
      throw e;
    }
    slot.sandboxes.add(id);
    let handle = this.handles.get(id);
    if (!handle) this.handles.set(id, (handle = new SandboxHandle(id, userId, labSlug, slot.transport)));
    return handle;
  }

  async reset(userId: string, labSlug: string): Promise<void> {
    const id = sandboxIdOf(userId, labSlug);
    const slot = this.placement.get(id) ?? this.leastLoaded();
    await this.request(slot, { kind: 'reset', seq: 0, userId, labSlug });
  }

  async deleteLearner(userId: string): Promise<void> {
    await Promise.all(this.slots.map((s) => this.request(s, { kind: 'deleteLearner', seq: 0, userId })));
  }

  counts(): { active: number; hibernated: number } {
    return this.slots.reduce((sum, s) => ({ active: sum.active + s.counts.active, hibernated: sum.hibernated + s.counts.hibernated }), { active: 0, hibernated: 0 });
  }

  /** The worst event-loop lag any worker saw in its last second. */
  workerLagMs(): number {
    return Math.max(0, ...this.slots.map((s) => s.lagMs));
  }

  /** Every worker saves its sandboxes, then the threads end. */
  async shutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => this.request(s, { kind: 'shutdown', seq: 0 }).catch((e) => this.log(`worker shutdown: ${(e as Error).message}`))));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** For tests: a worker dies as if it crashed. */
  crashWorkerOf(sandboxId: string): Promise<number> | undefined {
    return this.placement.get(sandboxId)?.worker.terminate();
  }

  workerIndexOf(sandboxId: string): number {
    const slot = this.placement.get(sandboxId);
    return slot ? this.slots.indexOf(slot) : -1;
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./worker.ts', import.meta.url).href, config: this.workerConfig() },
    });
    let started!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (started = r)), sandboxes: new Set(), counts: { active: 0, hibernated: 0 }, lagMs: 0, transport: undefined! };
    slot.transport = this.transportFor(slot);
    worker.on('message', (m: FromWorker) => (m.kind === 'ready' ? started() : this.fromWorker(slot, m)));
    worker.on('error', (e) => this.log(`sandbox worker error: ${e.message}`, { level: 'error' }));
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private workerConfig(): WorkerConfig {
    const { idleMs, saveDelayMs, maxPerLearner, cpuLimitMs } = this.opts;
    return { idleMs, saveDelayMs, maxPerLearner, cpuLimitMs };
  }

  private transportFor(slot: Slot): SandboxTransport {
    return {
      call: (sandboxId: string, method: SandboxMethod, args: unknown[]) => this.request(slot, { kind: 'call', seq: 0, sandboxId, method, args }),
      attach: (h) => slot.worker.postMessage({ kind: 'attach', sandboxId: h.id } satisfies ToWorker),
      release: (h) => slot.worker.postMessage({ kind: 'release', sandboxId: h.id } satisfies ToWorker),
      socketEvent: (sandboxId, connectionId, event, args, wantsAck) => this.request(slot, { kind: 'socketEvent', seq: 0, sandboxId, connectionId, event, args, wantsAck }),
      socketClose: (sandboxId, connectionId) => slot.worker.postMessage({ kind: 'socketClose', sandboxId, connectionId } satisfies ToWorker),
    };
  }

  private request(slot: Slot, m: ToWorker & { seq: number }): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      (this.pending.get(seq) as Pending & { slot?: Slot }).slot = slot;
      slot.worker.postMessage({ ...m, seq });
    });
  }

  private fromWorker(slot: Slot, m: FromWorker): void {
    switch (m.kind) {
      case 'reply': {
        const p = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        if (m.ok) p?.resolve(m.value);
        else p?.reject(asLocalError(m.error!));
        return;
      }
      case 'event':
        this.handles.get(m.sandboxId)?.emit(m.event, m.args);
        return;
      case 'store':
        void this.storeOp(slot, m.seq, m.op, m.args);
        return;
      case 'unloaded':
        slot.sandboxes.delete(m.sandboxId);
        if (this.placement.get(m.sandboxId) === slot) this.placement.delete(m.sandboxId);
        this.handles.delete(m.sandboxId);
        this.opts.onUnload?.(m.sandboxId);
        return;
      case 'stats':
        slot.counts = { active: m.active, hibernated: m.hibernated };
        slot.lagMs = m.loopLagMs;
        this.opts.onStats?.({ commandMs: m.commandMs, snapshots: m.snapshots });
        return;
    }
  }

  private async storeOp(slot: Slot, seq: number, op: string, args: unknown[]): Promise<void> {
    let reply: ToWorker;
    try {
      const store = this.opts.store as unknown as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>;
      let value: unknown;
      if (op === 'saveSerialized' && !store.saveSerialized) value = await this.opts.store.save(args[0] as string, args[1] as string, JSON.parse(args[3] as string));
      else value = await store[op]!.apply(this.opts.store, args);
      reply = { kind: 'storeReply', seq, ok: true, value };
    } catch (e) {
      reply = { kind: 'storeReply', seq, ok: false, error: toWireError(e) };
    }
    slot.worker.postMessage(reply);
  }

  /** A worker ended: fail its calls; unless closing, replace it and move its sandboxes. */
  private onExit(slot: Slot, code: number): void {
    for (const [seq, p] of this.pending) {
      if ((p as Pending & { slot?: Slot }).slot !== slot) continue;
      this.pending.delete(seq);
      p.reject(new Error('the sandbox worker stopped; your sandbox is being restored, try again in a moment'));
    }
    if (this.closing) return;
    this.log(`sandbox worker exited with code ${code}; restoring ${slot.sandboxes.size} sandbox(es) elsewhere`, { level: 'error' });
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    for (const id of slot.sandboxes) void this.restoreElsewhere(id);
  }

  private async restoreElsewhere(id: string): Promise<void> {
    const handle = this.handles.get(id);
    this.placement.delete(id);
    if (!handle) return;
    try {
      const target = this.leastLoaded();
      await target.ready;
      this.placement.set(id, target);
      await this.request(target, { kind: 'open', seq: 0, userId: handle.userId, labSlug: handle.labSlug });
      target.sandboxes.add(id);
      handle.rebind(target.transport);
      handle.emit('output', ['\r\n\x1b[33mkubelab: this sandbox was restored from its last snapshot after a server fault; the last second or two may be lost.\x1b[0m\r\n']);
    } catch (e) {
      this.log(`sandbox ${id} not restored: ${(e as Error).message}`, { level: 'error' });
    }
  }

  private leastLoaded(): Slot {
    return this.slots.reduce((best, s) => (s.sandboxes.size < best.sandboxes.size ? s : best));
  }

  private log(message: string, fields?: Record<string, unknown>): void {
    (this.opts.log ?? ((m) => console.log(m)))(message, fields);
  }
}

/** Errors the socket layer tells apart keep their class on this side. */
function asLocalError(wire: WireError): Error {
  if (wire.name === 'UnknownLabError') return new UnknownLabError(wire.message);
  if (wire.name === 'LearnerLimitError') return new LearnerLimitError(wire.message);
  return new SandboxCallError(wire);
}
