// The owner's half of ownership.ts: answers other processes' requests for the sandboxes this
// process runs (open, calls, socket-extension events, reset), and sends each remote viewer the
// sandbox's events. A viewer is a process with a socket on the sandbox; its listener here keeps
// the sandbox awake, so viewers whose process died are dropped at every heartbeat.
import type { SandboxHandle } from './handle.js';
import type { ClusterSandboxHost } from './ownership.js';
import { NotOwnerError, type BusMessage, type BusRequest, type ProcessBus } from './ownership-types.js';
import { eventForwarder, isSandboxMethod, type SandboxMethod } from './surface.js';

export class OwnerRequests {
  /** sandbox id → viewer process id → detach its listener. */
  private readonly viewers = new Map<string, Map<string, () => void>>();

  constructor(
    private readonly host: ClusterSandboxHost,
    private readonly bus: ProcessBus,
  ) {}

  async request(from: string, body: BusRequest): Promise<unknown> {
    switch (body.op) {
      case 'open': {
        // An open of ours still under way (lease just taken) finishes first.
        await this.host.route(body.sandboxId, body.userId, body.labSlug).catch(() => undefined);
        return { owned: this.host.owns(body.sandboxId) !== undefined };
      }
      case 'call': {
        if (!isSandboxMethod(body.method)) throw new Error(`no sandbox method ${String(body.method)}`);
        return callByName(this.ours(body.sandboxId).inner, body.method, body.args);
      }
      case 'attach':
        return this.attach(from, body.sandboxId, body.userId, body.labSlug);
      case 'socketEvent':
        return this.ours(body.sandboxId).inner.socketEvent(body.connectionId, body.event, body.args, body.wantsAck);
      case 'reset':
        this.ours(`${body.userId}:${body.labSlug}`);
        return this.host.resetHere(body.userId, body.labSlug);
      case 'deleteLearner':
        return this.host.deleteLearnerHere(body.userId);
    }
  }

  message(from: string, body: BusMessage): void {
    if (body.op === 'release') this.detach(body.sandboxId, from);
    else if (body.op === 'socketClose') this.host.local.get(body.sandboxId)?.inner.socketClose(body.connectionId);
  }

  private ours(id: string) {
    const entry = this.host.owns(id);
    if (!entry) throw new NotOwnerError(`sandbox ${id} does not run in this process`);
    return entry;
  }

  /** Forward the sandbox's events to the viewer's process (through this process's handle). */
  private attach(viewer: string, id: string, userId: string, labSlug: string): void {
    this.ours(id);
    const mine = this.viewers.get(id) ?? new Map<string, () => void>();
    this.viewers.set(id, mine);
    if (mine.has(viewer)) return;
    const handle = this.host.handleFor(id, userId, labSlug);
    mine.set(viewer, handle.addListener(eventForwarder((event, args) => this.bus.send(viewer, { op: 'event', sandboxId: id, event, args }))));
  }

  private detach(id: string, viewer: string): void {
    const mine = this.viewers.get(id);
    mine?.get(viewer)?.();
    mine?.delete(viewer);
    if (mine?.size === 0) this.viewers.delete(id);
  }

  async dropDeadViewers(): Promise<void> {
    const all = new Set([...this.viewers.values()].flatMap((m) => [...m.keys()]));
    if (all.size === 0) return;
    const alive = await this.bus.alive([...all]);
    for (const [id, mine] of [...this.viewers]) for (const viewer of [...mine.keys()]) if (!alive.has(viewer)) this.detach(id, viewer);
  }

  /** This process stopped running the sandbox: its viewers look for it again. */
  dropViewers(id: string): void {
    for (const viewer of [...(this.viewers.get(id)?.keys() ?? [])]) {
      this.detach(id, viewer);
      this.bus.send(viewer, { op: 'moved', sandboxId: id });
    }
  }

  dropAllViewers(): void {
    for (const [id, mine] of [...this.viewers]) for (const viewer of [...mine.keys()]) this.detach(id, viewer);
  }
}

/** A call whose method name arrived as data (checked against the whitelist by the caller). */
export function callByName(handle: SandboxHandle, method: SandboxMethod, args: unknown[]): Promise<unknown> {
  return (handle.call as (m: SandboxMethod, ...a: unknown[]) => Promise<unknown>)(method, ...args);
}
