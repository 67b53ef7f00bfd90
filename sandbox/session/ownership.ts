// Several server processes, one sandbox each: the process holding a sandbox's lease (in the
// shared database) runs it in its own pool; a process whose socket lands on someone else's
// sandbox forwards the calls to the owner and receives its events over the process bus (Redis).
// When the owner dies its bus channel goes silent at once: the next visit (or the next call of a
// connected learner) takes the lease over, with a higher fence, and restores the sandbox from its
// last snapshot. A process that loses a lease (heartbeat missed, taken over) evicts the sandbox
// without saving, and the fenced store refuses any write of its: two processes never both run
// one sandbox's work. Design and trade-offs: README.md, "Many processes".
import { findLab } from '../../labs/registry.js';
import { findExamLab } from '../../exams/runtime/exam-lab.js';
import { SandboxHandle, type SandboxHost, type SandboxTransport } from './handle.js';
import { LearnerLimitError, UnknownLabError, sandboxIdOf } from './manager.js';
import { OwnerRequests, callByName } from './ownership-serve.js';
import { LeaseBook, NotOwnerError, OwnerUnreachableError, type LeaseStore, type ProcessBus } from './ownership-types.js';
import { eventForwarder, type SandboxMethod } from './surface.js';

export interface OwnershipOptions {
  /** Where this process runs the sandboxes it owns (the worker pool or this thread). */
  inner: SandboxHost;
  leases: LeaseStore;
  bus: ProcessBus;
  book: LeaseBook;
  /** Renew the leases this often; default a third of the lease time. */
  heartbeatMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** A sandbox this process runs. */
export interface LocalEntry {
  inner: SandboxHandle;
  fence: number;
  /** Until when the lease is surely ours (last renewal + lease time). */
  validUntil: number;
  acquiredAt: number;
}

/** How long an open waits for a busy owner (or a stopping one to give its leases up). */
const RESOLVE_LIMIT_MS = 20_000;
/** How long one ask of the owner may take before asking again (an owner opening restores first). */
const OPEN_ANSWER_MS = 5000;

const MOVED_NOTICE = '\r\n\x1b[33mkubelab: this sandbox moved to another server process and was restored from its last snapshot; the last second or two may be lost.\x1b[0m\r\n';

export class ClusterSandboxHost implements SandboxHost {
  readonly local = new Map<string, LocalEntry>();
  private readonly remote = new Map<string, string>();
  private readonly handles = new Map<string, SandboxHandle>();
  /** Where each handle's listeners are attached now: 'local' or the owner's process id. */
  private readonly attachedTo = new Map<string, { target: string; detach(): void }>();
  private readonly resolving = new Map<string, Promise<void>>();
  /** Sandboxes whose owner vanished while this process watched them: the learner gets a notice. */
  private readonly movedFrom = new Set<string>();
  /** Sandboxes being reset or evicted here: their unload is not a hibernation. */
  readonly busy = new Set<string>();
  private readonly owner: OwnerRequests;
  private readonly timer: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(private readonly opts: OwnershipOptions) {
    this.owner = new OwnerRequests(this, opts.bus);
    opts.book.lost = (id) => void this.evict(id, 'a snapshot write found its lease taken');
    opts.bus.serve((from, body) => this.owner.request(from, body));
    opts.bus.listen((from, body) => {
      if (body.op === 'event') this.remoteEvent(from, body.sandboxId, body.event, body.args);
      else if (body.op === 'moved') void (this.remote.get(body.sandboxId) === from && this.reroute(body.sandboxId));
      else this.owner.message(from, body);
    });
    this.timer = setInterval(() => void this.heartbeat().catch((e) => this.log(`lease heartbeat failed: ${(e as Error).message}`, { level: 'error' })), opts.heartbeatMs ?? opts.book.ttlMs / 3);
    this.timer.unref?.();
  }

  get processId(): string {
    return this.opts.bus.processId;
  }

  get inner(): SandboxHost {
    return this.opts.inner;
  }

  async open(userId: string, labSlug: string): Promise<SandboxHandle> {
    // Refused before any lease row is written: a made-up lab name must leave nothing behind.
    if (!findLab(labSlug) && !findExamLab(labSlug)) throw new UnknownLabError(`no lab named ${labSlug}`);
    const id = sandboxIdOf(userId, labSlug);
    await this.route(id, userId, labSlug);
    return this.handleFor(id, userId, labSlug);
  }

  handleFor(id: string, userId: string, labSlug: string): SandboxHandle {
    let handle = this.handles.get(id);
    if (!handle) this.handles.set(id, (handle = new SandboxHandle(id, userId, labSlug, this.transport)));
    return handle;
  }

  /** Is this sandbox ours to run right now? */
  owns(id: string): LocalEntry | undefined {
    // Stopping (SIGTERM): saving everything; others wait for the leases to be given up.
    if (this.stopped) return undefined;
    const entry = this.local.get(id);
    return entry && entry.validUntil > Date.now() ? entry : undefined;
  }

  /** Make sure the sandbox runs somewhere: here (lease taken) or at its owner (which opened it). */
  async route(id: string, userId: string, labSlug: string): Promise<void> {
    if (this.stopped) throw new NotOwnerError('this server process is stopping');
    const pending = this.resolving.get(id);
    if (pending) return pending;
    const entry = this.owns(id);
    if (entry) {
      entry.inner = await this.opts.inner.open(userId, labSlug);
      return;
    }
    const p = this.resolve(id, userId, labSlug).finally(() => this.resolving.delete(id));
    this.resolving.set(id, p);
    return p;
  }

  private async resolve(id: string, userId: string, labSlug: string): Promise<void> {
    const me = this.processId;
    const ttlMs = this.opts.book.ttlMs;
    // An owner that is alive but does not answer is waited for, never taken over; not forever.
    const deadline = Date.now() + RESOLVE_LIMIT_MS;
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      const got = await this.opts.leases.acquire({ sandboxId: id, userId, ownerId: me, ttlMs });
      if (got.acquired) return this.becomeOwner(id, userId, labSlug, got.lease.fence);
      const owner = got.lease.ownerId;
      if (!(await this.opts.bus.alive([owner])).has(owner)) {
        const taken = await this.opts.leases.acquire({ sandboxId: id, userId, ownerId: me, ttlMs, takeoverFrom: { ownerId: owner, fence: got.lease.fence } });
        if (taken.acquired) {
          this.log(`sandbox ${id}: its owner ${owner} is gone; restoring it here`, { sandbox: id, from: owner });
          return this.becomeOwner(id, userId, labSlug, taken.lease.fence);
        }
        continue;
      }
      try {
        const answer = (await this.opts.bus.request(owner, { op: 'open', sandboxId: id, userId, labSlug }, OPEN_ANSWER_MS)) as { owned: boolean };
        if (answer.owned) return this.becomeViewer(id, owner);
      } catch (e) {
        const name = (e as Error).name;
        if (name === 'UnknownLabError') throw new UnknownLabError((e as Error).message);
        if (name === 'LearnerLimitError') throw new LearnerLimitError((e as Error).message);
        if (!(e instanceof OwnerUnreachableError)) throw e;
      }
      await new Promise((r) => setTimeout(r, Math.min(50 * attempt, 500)));
    }
    throw new Error('the server process running this sandbox does not answer; try again in a moment');
  }

  private async becomeOwner(id: string, userId: string, labSlug: string, fence: number): Promise<void> {
    const now = Date.now();
    this.opts.book.hold(id, fence);
    let inner: SandboxHandle;
    try {
      inner = await this.opts.inner.open(userId, labSlug);
    } catch (e) {
      this.opts.book.drop(id);
      await this.opts.leases.release(id, this.processId, fence).catch(() => undefined);
      throw e;
    }
    this.local.set(id, { inner, fence, validUntil: now + this.opts.book.ttlMs, acquiredAt: now });
    // Restoring can be slow on a busy machine: make sure the lease outlived it before serving.
    const still = await this.opts.leases.acquire({ sandboxId: id, userId, ownerId: this.processId, ttlMs: this.opts.book.ttlMs });
    if (!still.acquired || still.lease.fence !== fence) return this.evict(id, 'its lease ran out while it was being opened');
    this.local.get(id)!.validUntil = Date.now() + this.opts.book.ttlMs;
    this.remote.delete(id);
    this.reattach(id);
    if (this.movedFrom.delete(id)) this.handles.get(id)?.emit('output', [MOVED_NOTICE]);
  }

  private becomeViewer(id: string, owner: string): void {
    this.remote.set(id, owner);
    this.reattach(id);
  }

  /** The handle's listeners follow the sandbox to where it runs now. */
  private reattach(id: string): void {
    const handle = this.handles.get(id);
    const target = this.local.has(id) ? 'local' : this.remote.get(id);
    const current = this.attachedTo.get(id);
    if (current && current.target === target) return;
    current?.detach();
    this.attachedTo.delete(id);
    if (handle && handle.listenerCount > 0 && target) this.attachTo(handle, target);
  }

  private attachTo(handle: SandboxHandle, target: string): void {
    const id = handle.id;
    if (target === 'local') {
      const entry = this.local.get(id)!;
      const detach = entry.inner.addListener(eventForwarder((event, args) => handle.emit(event, args)));
      this.attachedTo.set(id, { target, detach });
      return;
    }
    this.attachedTo.set(id, { target, detach: () => this.opts.bus.send(target, { op: 'release', sandboxId: id }) });
    this.opts.bus.request(target, { op: 'attach', sandboxId: id, userId: handle.userId, labSlug: handle.labSlug }).catch(() => this.reroute(id));
  }

  /** The owner vanished or gave the sandbox up: find where it runs now (here, if nobody runs it). */
  async reroute(id: string): Promise<void> {
    const handle = this.handles.get(id);
    if (!handle || this.stopped) return;
    if (!this.resolving.has(id) && this.remote.has(id)) {
      this.movedFrom.add(id);
      this.remote.delete(id);
    }
    await this.route(id, handle.userId, handle.labSlug).catch((e) => this.log(`sandbox ${id}: not rerouted: ${(e as Error).message}`, { level: 'error' }));
  }

  /** Calls go where the sandbox runs; a call to a vanished owner moves the sandbox and is tried once more. */
  private readonly transport: SandboxTransport = {
    call: async (id: string, method: SandboxMethod, args: unknown[]) => {
      for (let tries = 0; ; tries++) {
        const entry = this.owns(id);
        if (entry) return callByName(entry.inner, method, args);
        const owner = this.remote.get(id);
        try {
          if (owner) return await this.opts.bus.request(owner, { op: 'call', sandboxId: id, method, args });
        } catch (e) {
          if (!isMoved(e) || tries > 0) throw e;
        }
        if (tries > 0) throw new Error('this sandbox is moving between server processes; try again in a moment');
        await this.reroute(id);
      }
    },
    attach: (handle) => this.reattach(handle.id),
    release: (handle) => {
      this.attachedTo.get(handle.id)?.detach();
      this.attachedTo.delete(handle.id);
    },
    socketEvent: async (id, connectionId, event, args, wantsAck) => {
      const entry = this.owns(id);
      if (entry) return entry.inner.socketEvent(connectionId, event, args, wantsAck);
      const owner = this.remote.get(id);
      if (!owner) return { ok: false, code: 'not-attached', message: 'Not attached to a sandbox yet; reload the page.' };
      return this.opts.bus.request(owner, { op: 'socketEvent', sandboxId: id, connectionId, event, args, wantsAck });
    },
    socketClose: (id, connectionId) => {
      const entry = this.local.get(id);
      if (entry) return entry.inner.socketClose(connectionId);
      const owner = this.remote.get(id);
      if (owner) this.opts.bus.send(owner, { op: 'socketClose', sandboxId: id, connectionId });
    },
  };

  private remoteEvent(from: string, id: string, event: string, args: unknown[]): void {
    if (this.remote.get(id) === from) this.handles.get(id)?.emit(event, args);
  }

  /** The inner host unloaded a sandbox (hibernation): give its lease up. */
  innerUnloaded(id: string): void {
    if (this.busy.has(id)) return;
    const entry = this.local.get(id);
    if (!entry) return;
    this.forgetLocal(id);
    if ((this.handles.get(id)?.listenerCount ?? 0) === 0) this.handles.delete(id);
    void this.opts.leases.release(id, this.processId, entry.fence).catch(() => undefined);
  }

  private forgetLocal(id: string): void {
    this.owner.dropViewers(id);
    this.local.delete(id);
    this.opts.book.drop(id);
    if (this.attachedTo.get(id)?.target === 'local') {
      this.attachedTo.get(id)!.detach();
      this.attachedTo.delete(id);
    }
  }

  /** Stop running a sandbox whose lease is gone, without saving (the store would refuse anyway). */
  async evict(id: string, why: string): Promise<void> {
    const entry = this.local.get(id);
    if (!entry) return;
    this.log(`sandbox ${id}: ${why}; stopped here without saving`, { sandbox: id, level: 'warn' });
    this.forgetLocal(id);
    this.busy.add(id);
    try {
      // reset drops the sandbox; the snapshot delete it then asks for is refused by the fence.
      await this.opts.inner.reset(entry.inner.userId, entry.inner.labSlug).catch(() => undefined);
    } finally {
      this.busy.delete(id);
    }
    const handle = this.handles.get(id);
    if (handle && handle.listenerCount > 0) await this.reroute(id);
  }

  /** Renew every lease; a lease not renewed is lost: evict its sandbox. Drop viewers whose process died. */
  async heartbeat(): Promise<void> {
    if (this.stopped) return;
    const started = Date.now();
    const held = await this.opts.leases.renew(this.processId, this.opts.book.ttlMs);
    for (const [id, entry] of [...this.local]) {
      if (held.has(id)) entry.validUntil = Math.max(entry.validUntil, started + this.opts.book.ttlMs);
      else if (entry.acquiredAt < started && !this.busy.has(id)) await this.evict(id, 'its lease was lost (taken over or expired)');
    }
    await this.owner.dropDeadViewers();
    await this.followVanishedOwners();
  }

  /** A learner only watching (`kubectl get -w`) sends no call that would notice a dead owner: look. */
  private async followVanishedOwners(): Promise<void> {
    const watched = [...this.remote].filter(([id]) => (this.handles.get(id)?.listenerCount ?? 0) > 0);
    if (watched.length === 0) return;
    const alive = await this.opts.bus.alive([...new Set(watched.map(([, owner]) => owner))]);
    for (const [id, owner] of watched) if (!alive.has(owner)) await this.reroute(id);
  }

  async reset(userId: string, labSlug: string): Promise<void> {
    const id = sandboxIdOf(userId, labSlug);
    await this.route(id, userId, labSlug);
    const owner = this.remote.get(id);
    if (owner && !this.local.has(id)) {
      await this.opts.bus.request(owner, { op: 'reset', userId, labSlug });
      return;
    }
    await this.resetHere(userId, labSlug);
  }

  /** Reset a sandbox this process runs: the fence still held lets the store delete its snapshot. */
  async resetHere(userId: string, labSlug: string): Promise<void> {
    const id = sandboxIdOf(userId, labSlug);
    const entry = this.local.get(id);
    this.busy.add(id);
    try {
      await this.opts.inner.reset(userId, labSlug);
    } finally {
      this.busy.delete(id);
    }
    if (!entry) return;
    this.forgetLocal(id);
    await this.opts.leases.release(id, this.processId, entry.fence);
  }

  async deleteLearner(userId: string): Promise<void> {
    const owners = new Set((await this.opts.leases.ofUser(userId)).filter((l) => l.expiresAt > Date.now()).map((l) => l.ownerId));
    owners.delete(this.processId);
    await Promise.all([...owners].map((o) => this.opts.bus.request(o, { op: 'deleteLearner', userId }).catch(() => undefined)));
    await this.deleteLearnerHere(userId);
    await this.opts.leases.deleteOfUser(userId);
  }

  async deleteLearnerHere(userId: string): Promise<void> {
    const mine = [...this.local.keys()].filter((id) => this.local.get(id)!.inner.userId === userId);
    for (const id of mine) this.busy.add(id);
    try {
      await this.opts.inner.deleteLearner(userId);
    } finally {
      for (const id of mine) (this.busy.delete(id), this.forgetLocal(id));
    }
  }

  counts() {
    return this.opts.inner.counts();
  }

  /** Save everything (SIGTERM), give every lease up so others take over at once, leave the bus. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.owner.dropAllViewers();
    await this.opts.inner.shutdown();
    await this.opts.leases.releaseAll(this.processId).catch((e) => this.log(`leases not released: ${(e as Error).message}`, { level: 'error' }));
    for (const id of [...this.local.keys()]) this.forgetLocal(id);
    await this.opts.bus.close();
  }

  log(message: string, fields?: Record<string, unknown>): void {
    (this.opts.log ?? ((m) => console.log(m)))(message, fields);
  }
}

/** The call surely did not run at the owner (it is gone or no longer runs the sandbox): safe to send again elsewhere. */
function isMoved(e: unknown): boolean {
  if (e instanceof OwnerUnreachableError) return !e.maybeDelivered;
  return (e as Error)?.name === 'NotOwnerError';
}

