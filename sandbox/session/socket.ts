// The server half of sandbox/protocol.ts: authenticates each socket by its learner cookie,
// attaches it to that learner's own sandbox, and validates and limits every message.
import type { Server, Socket } from 'socket.io';
import {
  AttachRequest,
  FileRead,
  FileWrite,
  QuestionAnswer,
  LabActionRun,
  MAX_FILE_WRITE_BYTES,
  MAX_TERMINAL_INPUT_BYTES,
  RATE_LIMIT,
  TerminalInput,
  TerminalResize,
  byteLength,
  type ClientToServerEvents,
  type ErrorCode,
  type ServerToClientEvents,
} from '../protocol.js';
import type { HandleListener, SandboxHandle, SandboxHost } from './handle.js';
import { SOCKET_EMIT_EVENT } from './bridge.js';
import { registerClusterDemo } from '../cluster-view/demo-server.js';
import { DEMO_NAMESPACE } from '../cluster-view/wire.js';
import { LocalSandboxHost } from './local.js';
import { LearnerLimitError, SandboxManager, UnknownLabError, sandboxIdOf } from './manager.js';
import { TokenBucket } from './rate-limit.js';

export interface SocketData {
  userId: string;
}
export type SandboxServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SandboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketOptions {
  /** Where the sandboxes run: the worker pool (pool.ts) or this thread (local.ts). */
  manager: SandboxHost | SandboxManager;
  /** The learner id in a Cookie header, or undefined when it carries no valid session or learner cookie. */
  authenticate(cookieHeader: string | undefined): string | undefined | Promise<string | undefined>;
  now?: () => number;
  /** Socket connections opened (+1) and closed (-1), for metrics. */
  onConnection?: (delta: 1 | -1) => void;
  /**
   * Asked before a learner's sandbox is opened: a refusal's text, or undefined to allow. Exams
   * (server/exam-service.ts) allow an attempt's sandbox only to its candidate, while it runs.
   */
  authorizeOpen?(userId: string, labSlug: string): Promise<string | undefined>;
}

/**
 * Sandbox events → socket events. Every SandboxListener event reaches the handle by name; add a
 * line here to send a new one to the browser (E: editor, H: cluster view, G: lab actions).
 */
export const SOCKET_EVENTS: Record<string, (socket: SandboxSocket, ...args: never[]) => void> = {
  output: (socket, data: string) => socket.emit('terminal:output', data),
  files: (socket, files: string[]) => socket.emit('files:changed', { files }),
  checks: (socket, update: Parameters<ServerToClientEvents['checks:update']>[0]) => socket.emit('checks:update', update),
};

type Ack = (r: unknown) => void;
const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

/** The events socket.ts handles itself; any other goes to the socket extensions (extensions.ts). */
const CORE_EVENTS = new Set(['sandbox:attach', 'sandbox:reset', 'terminal:input', 'terminal:resize', 'file:read', 'file:write', 'question:answer', 'lab:action']);

export function registerSandboxSockets(io: SandboxServer, options: SocketOptions): void {
  // A bare SandboxManager (older callers, tests) runs its sandboxes in this thread.
  const opts: ConnectionOptions = { ...options, host: options.manager instanceof SandboxManager ? new LocalSandboxHost(options.manager) : options.manager };
  // Lessons' demonstration clusters: their own namespace, no learner or sandbox (cluster-view/demo-server.ts).
  registerClusterDemo(io.of(DEMO_NAMESPACE) as never);
  io.use(async (socket, next) => {
    const userId = await Promise.resolve(opts.authenticate(socket.handshake.headers.cookie)).catch(() => undefined);
    if (!userId) return next(new Error('unauthenticated: no valid learner cookie; reload the page'));
    socket.data.userId = userId;
    next();
  });
  io.on('connection', (socket) => {
    opts.onConnection?.(1);
    socket.on('disconnect', () => opts.onConnection?.(-1));
    new Connection(socket, opts).listen();
  });
}

interface ConnectionOptions extends SocketOptions {
  host: SandboxHost;
}

class Connection {
  private sandbox?: SandboxHandle;
  private detach?: () => void;
  private readonly bucket: TokenBucket;
  private lastNoticeAt = 0;

  constructor(
    private readonly socket: SandboxSocket,
    private readonly opts: ConnectionOptions,
  ) {
    this.bucket = new TokenBucket(RATE_LIMIT.burst, RATE_LIMIT.perSecond, opts.now ?? Date.now);
  }

  listen(): void {
    const s = this.socket;
    s.on('sandbox:attach', (raw, ack) => this.guarded(ack, () => this.attach(raw, ack as Ack)));
    s.on('sandbox:reset', (raw, ack) => this.guarded(ack, () => this.reset(raw, ack as Ack)));
    s.on('terminal:input', (raw) => this.guarded(undefined, () => this.input(raw)));
    s.on('terminal:resize', (raw) => this.guarded(undefined, () => this.resize(raw)));
    s.on('file:read', (raw, ack) => this.guarded(ack, () => this.read(raw, ack as Ack)));
    s.on('file:write', (raw, ack) => this.guarded(ack, () => this.write(raw, ack as Ack)));
    s.on('question:answer', (raw, ack) => this.guarded(ack, () => this.answer(raw, ack as Ack)));
    s.on('lab:action', (raw, ack) => this.guarded(ack, () => this.labAction(raw, ack as Ack)));
    s.on('disconnect', () => this.leave());
    s.onAny((event: string, ...args: unknown[]) => {
      if (!CORE_EVENTS.has(event)) this.guarded(args.at(-1), () => this.extensionEvent(event, args));
    });
  }

  /** Rate-limit, and never let a bad message take the connection or the process down. */
  private guarded(ack: unknown, handler: () => void | Promise<void>): void {
    const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : undefined;
    if (!this.bucket.take()) {
      const message = 'Too many messages: input refused for a moment. Your sandbox is fine; slow down and try again.';
      reply?.(fail('rate-limited', message));
      this.notice('rate-limited', message);
      return;
    }
    Promise.resolve()
      .then(handler)
      .catch((e) => {
        const message = `The sandbox could not do that: ${(e as Error).message}`;
        if (reply) reply(fail('unavailable', message));
        else this.notice('unavailable', message);
      });
  }

  private async attach(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const req = AttachRequest.safeParse(raw);
    if (!req.success) return ack(fail('bad-request', req.error.issues[0]?.message ?? 'bad attach request'));
    const { userId } = this.socket.data;
    const own = sandboxIdOf(userId, req.data.labSlug);
    if (req.data.sandboxId !== undefined && req.data.sandboxId !== own) return ack(fail('forbidden', 'That sandbox belongs to another learner.'));
    const refusal = await this.opts.authorizeOpen?.(userId, req.data.labSlug);
    if (refusal) return ack(fail('forbidden', refusal));
    let sandbox: SandboxHandle;
    try {
      sandbox = await this.opts.host.open(userId, req.data.labSlug);
    } catch (e) {
      if (e instanceof UnknownLabError) return ack(fail('not-found', e.message));
      if (e instanceof LearnerLimitError) return ack(fail('forbidden', e.message));
      throw e;
    }
    this.leave();
    this.sandbox = sandbox;
    const listener: HandleListener = {};
    for (const [event, send] of Object.entries(SOCKET_EVENTS)) listener[event] = (...args: never[]) => send(this.socket, ...args);
    listener[SOCKET_EMIT_EVENT] = ((connectionId: string, event: string, args: unknown[]) => {
      if (connectionId === this.socket.id) (this.socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args);
    }) as never;
    this.detach = sandbox.addListener(listener);
    if (req.data.cols && req.data.rows) void sandbox.call('resize', req.data.cols, req.data.rows);
    ack({ ok: true, ...(await sandbox.call('attachInfo')) });
  }

  /** Reset on request: the lab starts again from its beginning; other tabs must reload. */
  private async reset(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const req = AttachRequest.safeParse(raw);
    if (!req.success) return ack(fail('bad-request', req.error.issues[0]?.message ?? 'bad reset request'));
    const refusal = await this.opts.authorizeOpen?.(this.socket.data.userId, req.data.labSlug);
    if (refusal) return ack(fail('forbidden', refusal));
    this.leave();
    await this.opts.host.reset(this.socket.data.userId, req.data.labSlug);
    await this.attach({ ...req.data, sandboxId: undefined }, ack);
  }

  private input(raw: unknown): void {
    const sandbox = this.attached();
    const msg = TerminalInput.safeParse(raw);
    if (!sandbox || !msg.success) return;
    const bytes = byteLength(msg.data.data);
    if (bytes > MAX_TERMINAL_INPUT_BYTES) {
      return this.notice('too-large', `Input refused: ${Math.ceil(bytes / 1024)} KiB in one go is more than the 64 KiB limit. Your sandbox is unchanged.`, true);
    }
    void sandbox.call('input', msg.data.data).catch((e) => this.notice('unavailable', (e as Error).message));
  }

  private resize(raw: unknown): void {
    const sandbox = this.attached();
    const msg = TerminalResize.safeParse(raw);
    if (sandbox && msg.success) void sandbox.call('resize', msg.data.cols, msg.data.rows).catch(() => undefined);
  }

  private async read(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = FileRead.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad file path'));
    try {
      ack({ ok: true, ...(await sandbox.call('readFile', msg.data.path)) });
    } catch (e) {
      ack(fsFailure(e));
    }
  }

  private async write(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = FileWrite.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad file write'));
    if (byteLength(msg.data.content) > MAX_FILE_WRITE_BYTES) return ack(fail('too-large', 'A file may hold at most 1 MiB.'));
    try {
      ack({ ok: true, ...(await sandbox.call('writeFile', msg.data.path, msg.data.content)) });
    } catch (e) {
      ack(fsFailure(e));
    }
  }

  private async answer(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = QuestionAnswer.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad answer'));
    const result = await sandbox.call('answer', msg.data.questionId, msg.data.answer);
    if (!result.known) return ack(fail('not-found', 'This lab has no such question.'));
    const check = result.checks.checks.find((c) => c.id === msg.data.questionId)!;
    ack({ ok: true, correct: check.state === 'passed', message: check.message });
  }

  /** A step's button: the action runs on the learner's cluster; its line is in the terminal too. */
  private async labAction(raw: unknown, ack: (r: unknown) => void): Promise<void> {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = LabActionRun.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad lab action'));
    const result = await sandbox.call('runAction', msg.data.stepId, msg.data.actionId);
    if (!result.known) return ack(fail('not-found', 'This step has no such action.'));
    ack({ ok: true, line: result.line });
  }

  /** An event of a socket extension: run beside the sandbox, its ack value sent back. */
  private async extensionEvent(event: string, args: unknown[]): Promise<void> {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
    if (!this.sandbox) return ack?.(fail('not-attached', 'Not attached to a sandbox yet; reload the page.'));
    const value = await this.sandbox.socketEvent(this.socket.id, event, args, ack !== undefined);
    ack?.(value);
  }

  private attached(): SandboxHandle | undefined {
    if (!this.sandbox) this.notice('not-attached', 'Not attached to a sandbox yet; reload the page.');
    return this.sandbox;
  }

  /** At most one notice a second, so a flood does not become a flood of notices. */
  private notice(code: ErrorCode, message: string, always = false): void {
    const t = (this.opts.now ?? Date.now)();
    if (!always && t - this.lastNoticeAt < 1000) return;
    this.lastNoticeAt = t;
    this.socket.emit('sandbox:notice', { code, message });
  }

  private leave(): void {
    this.sandbox?.socketClose(this.socket.id);
    this.detach?.();
    this.detach = undefined;
    this.sandbox = undefined;
  }
}

/** A file error from the sandbox (a VfsError, here or from a worker: same name and code). */
function fsFailure(e: unknown) {
  const { name, code, message } = e as { name?: string; code?: string; message: string };
  if (name === 'VfsError') return fail(code === 'EFBIG' || code === 'EDQUOT' ? 'too-large' : 'bad-request', message);
  throw e;
}
