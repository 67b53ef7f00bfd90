// Runs the socket extensions (extensions.ts) beside the sandbox, for one browser connection at a
// time: the web server forwards each extension event (with whether it wants an ack) and the
// connection's close; what an extension emits goes back as the sandbox event `@socket`, which the
// connection holding that id sends on its real socket.
import { SOCKET_EXTENSIONS, type ExtensionSocket } from './extensions.js';
import type { Sandbox } from './sandbox.js';

/** The sandbox event that carries an extension's emit: [connectionId, event, args]. */
export const SOCKET_EMIT_EVENT = '@socket';

class VirtualSocket implements ExtensionSocket {
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(private readonly send: (event: string, args: unknown[]) => void) {}
  on(event: string, handler: (...args: never[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as (...args: unknown[]) => void]);
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    this.send(event, args);
    return true;
  }
  handles(event: string): boolean {
    return this.handlers.has(event);
  }
  fire(event: string, args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
}

export class SocketBridge {
  private readonly sockets = new Map<string, VirtualSocket>();

  constructor(
    private readonly sandboxOf: (sandboxId: string) => Sandbox | undefined,
    private readonly emit: (sandboxId: string, connectionId: string, event: string, args: unknown[]) => void,
  ) {}

  /** An extension event from a connection; resolves with the ack's value (undefined without one). */
  event(sandboxId: string, connectionId: string, event: string, args: unknown[], wantsAck: boolean): Promise<unknown> {
    const socket = this.socketFor(sandboxId, connectionId);
    if (!socket.handles(event)) return Promise.resolve({ ok: false, code: 'bad-request', message: `unknown event ${event}` });
    return new Promise((resolve) => {
      socket.fire(event, wantsAck ? [...args, resolve] : args);
      if (!wantsAck) resolve(undefined);
    });
  }

  /** The connection left this sandbox (detached or disconnected). */
  close(sandboxId: string, connectionId: string): void {
    const key = `${sandboxId}\n${connectionId}`;
    this.sockets.get(key)?.fire('disconnect', []);
    this.sockets.delete(key);
  }

  /** Every connection of an unloaded sandbox. */
  closeAll(sandboxId: string): void {
    for (const key of [...this.sockets.keys()]) if (key.startsWith(`${sandboxId}\n`)) this.close(sandboxId, key.slice(sandboxId.length + 1));
  }

  private socketFor(sandboxId: string, connectionId: string): VirtualSocket {
    const key = `${sandboxId}\n${connectionId}`;
    let socket = this.sockets.get(key);
    if (!socket) {
      socket = new VirtualSocket((event, args) => this.emit(sandboxId, connectionId, event, args));
      for (const register of SOCKET_EXTENSIONS) register(socket, () => this.sandboxOf(sandboxId));
      this.sockets.set(key, socket);
    }
    return socket;
  }
}
