// Sandboxes in this thread, behind the same handles as the worker pool: for tests, tools and
// SANDBOX_WORKERS=0. worker.ts runs one of these inside each worker thread.
import { SandboxHandle, type SandboxHost, type SandboxTransport } from './handle.js';
import { SandboxManager, type ManagerOptions } from './manager.js';
import type { SandboxListener } from './sandbox.js';
import { SOCKET_EMIT_EVENT, SocketBridge } from './bridge.js';
import { eventForwarder, isSandboxMethod, type SandboxMethod } from './surface.js';

export class LocalSandboxHost implements SandboxHost, SandboxTransport {
  private readonly handles = new Map<string, SandboxHandle>();
  private readonly detachers = new Map<string, () => void>();
  private readonly bridge = new SocketBridge(
    (id) => this.manager.get(id),
    (id, connectionId, event, args) => this.handles.get(id)?.emit(SOCKET_EMIT_EVENT, [connectionId, event, args]),
  );

  constructor(readonly manager: SandboxManager) {}

  /** A manager and its host, wired so an unloaded sandbox's handle is forgotten. */
  static create(opts: ManagerOptions): LocalSandboxHost {
    let host: LocalSandboxHost | undefined;
    const manager = new SandboxManager({ ...opts, onUnload: (id) => (host?.forget(id), opts.onUnload?.(id)) });
    return (host = new LocalSandboxHost(manager));
  }

  async open(userId: string, labSlug: string): Promise<SandboxHandle> {
    const sandbox = await this.manager.open(userId, labSlug);
    let handle = this.handles.get(sandbox.id);
    if (!handle) this.handles.set(sandbox.id, (handle = new SandboxHandle(sandbox.id, userId, labSlug, this)));
    return handle;
  }

  async call(sandboxId: string, method: SandboxMethod, args: unknown[]): Promise<unknown> {
    if (!isSandboxMethod(method)) throw new Error(`no sandbox method ${String(method)}`);
    const sandbox = this.manager.get(sandboxId);
    if (!sandbox) throw new Error('this sandbox is asleep or gone; reload the page');
    return (sandbox[method] as (...a: unknown[]) => unknown)(...args);
  }

  socketEvent(sandboxId: string, connectionId: string, event: string, args: unknown[], wantsAck: boolean): Promise<unknown> {
    if (!this.manager.get(sandboxId)) return Promise.resolve({ ok: false, code: 'not-attached', message: 'Not attached to a sandbox yet; reload the page.' });
    return this.bridge.event(sandboxId, connectionId, event, args, wantsAck);
  }

  socketClose(sandboxId: string, connectionId: string): void {
    this.bridge.close(sandboxId, connectionId);
  }

  attach(handle: SandboxHandle): void {
    const sandbox = this.manager.get(handle.id);
    if (!sandbox || this.detachers.has(handle.id)) return;
    this.detachers.set(handle.id, sandbox.addListener(eventForwarder<SandboxListener>((event, args) => handle.emit(event, args))));
  }

  release(handle: SandboxHandle): void {
    this.detachers.get(handle.id)?.();
    this.detachers.delete(handle.id);
    const sandbox = this.manager.get(handle.id);
    if (sandbox) this.manager.release(sandbox);
  }

  /** The manager unloaded a sandbox: its handle is stale (the next open makes a new one). */
  forget(sandboxId: string): void {
    this.bridge.closeAll(sandboxId);
    this.handles.delete(sandboxId);
    this.detachers.delete(sandboxId);
  }

  shutdown(): Promise<void> {
    return this.manager.shutdown();
  }

  async reset(userId: string, labSlug: string): Promise<void> {
    await this.manager.reset(userId, labSlug);
  }

  deleteLearner(userId: string): Promise<void> {
    return this.manager.deleteLearner(userId);
  }

  counts() {
    return this.manager.counts();
  }
}
