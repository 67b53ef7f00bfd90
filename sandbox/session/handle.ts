// The web server's side of one sandbox: the same async surface wherever the Sandbox runs (in
// this thread for tests and SANDBOX_WORKERS=0, in a worker thread otherwise). Calls go by name
// (surface.ts); events come back by name to every listener that has a method of that name.
import type { MethodArgs, MethodResult, SandboxMethod } from './surface.js';

export type HandleListener = Partial<Record<string, (...args: never[]) => void>>;

/** How a handle reaches its sandbox: in-process (local.ts) or a worker (pool.ts). */
export interface SandboxTransport {
  call(sandboxId: string, method: SandboxMethod, args: unknown[]): Promise<unknown>;
  /** The first viewer came: forward the sandbox's events to this handle. */
  attach(handle: SandboxHandle): void;
  /** The last viewer left: stop forwarding, start the idle clock (hibernation). */
  release(handle: SandboxHandle): void;
  /** A socket extension's event (bridge.ts); resolves with its ack value. */
  socketEvent(sandboxId: string, connectionId: string, event: string, args: unknown[], wantsAck: boolean): Promise<unknown>;
  socketClose(sandboxId: string, connectionId: string): void;
}

export class SandboxHandle {
  private readonly listeners = new Set<HandleListener>();

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly labSlug: string,
    private transport: SandboxTransport,
  ) {}

  call<M extends SandboxMethod>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
    return this.transport.call(this.id, method, args) as Promise<MethodResult<M>>;
  }

  /** A browser connection's event for a socket extension (extensions.ts), run beside the sandbox. */
  socketEvent(connectionId: string, event: string, args: unknown[], wantsAck: boolean): Promise<unknown> {
    return this.transport.socketEvent(this.id, connectionId, event, args, wantsAck);
  }

  socketClose(connectionId: string): void {
    this.transport.socketClose(this.id, connectionId);
  }

  addListener(listener: HandleListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.transport.attach(this);
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) this.transport.release(this);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** An event from the sandbox, to every listener that handles it. */
  emit(event: string, args: unknown[]): void {
    for (const l of this.listeners) (l[event] as ((...a: unknown[]) => void) | undefined)?.(...args);
  }

  /** The sandbox moved (its worker crashed and another restored it). */
  rebind(transport: SandboxTransport): void {
    this.transport = transport;
    if (this.listeners.size > 0) transport.attach(this);
  }
}

/** What the socket layer needs: a handle per learner and lab. */
export interface SandboxHost {
  open(userId: string, labSlug: string): Promise<SandboxHandle>;
  /** Saves every sandbox and stops them (SIGTERM). */
  shutdown(): Promise<void>;
  /** Forget the learner's sandbox for a lab and start afresh on next open. */
  reset(userId: string, labSlug: string): Promise<void>;
  /** Delete every sandbox and snapshot of the learner. */
  deleteLearner(userId: string): Promise<void>;
  /** Live sandboxes (in memory) and hibernated ones (saved, memory freed) known to this process. */
  counts(): { active: number; hibernated: number };
}
