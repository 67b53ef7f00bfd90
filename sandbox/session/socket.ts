// The server half of sandbox/protocol.ts: authenticates each socket by its learner cookie,
// attaches it to that learner's own sandbox, and validates and limits every message.
import type { Server, Socket } from 'socket.io';
import {
  AttachRequest,
  FileRead,
  FileWrite,
  QuestionAnswer,
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
import { VfsError } from '../shell/vfs.js';
import { SandboxManager, UnknownLabError, sandboxIdOf } from './manager.js';
import { TokenBucket } from './rate-limit.js';
import type { Sandbox } from './sandbox.js';
import { registerClusterView } from './socket-cluster-view.js';

export interface SocketData {
  userId: string;
}
export type SandboxServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SandboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketOptions {
  manager: SandboxManager;
  /** The learner id in a Cookie header, or undefined when there is no valid learner cookie. */
  authenticate(cookieHeader: string | undefined): string | undefined;
  now?: () => number;
}

type Ack = (r: unknown) => void;
const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

export function registerSandboxSockets(io: SandboxServer, opts: SocketOptions): void {
  io.use((socket, next) => {
    const userId = opts.authenticate(socket.handshake.headers.cookie);
    if (!userId) return next(new Error('unauthenticated: no valid learner cookie; reload the page'));
    socket.data.userId = userId;
    next();
  });
  io.on('connection', (socket) => new Connection(socket, opts).listen());
}

class Connection {
  private sandbox?: Sandbox;
  private detach?: () => void;
  private readonly bucket: TokenBucket;
  private lastNoticeAt = 0;

  constructor(
    private readonly socket: SandboxSocket,
    private readonly opts: SocketOptions,
  ) {
    this.bucket = new TokenBucket(RATE_LIMIT.burst, RATE_LIMIT.perSecond, opts.now ?? Date.now);
  }

  listen(): void {
    const s = this.socket;
    s.on('sandbox:attach', (raw, ack) => this.guarded(ack, () => this.attach(raw, ack as Ack)));
    s.on('terminal:input', (raw) => this.guarded(undefined, () => this.input(raw)));
    s.on('terminal:resize', (raw) => this.guarded(undefined, () => this.resize(raw)));
    s.on('file:read', (raw, ack) => this.guarded(ack, () => this.read(raw, ack as Ack)));
    s.on('file:write', (raw, ack) => this.guarded(ack, () => this.write(raw, ack as Ack)));
    s.on('question:answer', (raw, ack) => this.guarded(ack, () => this.answer(raw, ack as Ack)));
    s.on('disconnect', () => this.leave());
    registerClusterView(s, () => this.sandbox);
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
    let sandbox: Sandbox;
    try {
      sandbox = await this.opts.manager.open(userId, req.data.labSlug);
    } catch (e) {
      if (e instanceof UnknownLabError) return ack(fail('not-found', e.message));
      throw e;
    }
    this.leave();
    this.sandbox = sandbox;
    this.detach = sandbox.addListener({
      output: (data) => this.socket.emit('terminal:output', data),
      files: (files) => this.socket.emit('files:changed', { files }),
      checks: (update) => this.socket.emit('checks:update', update),
    });
    if (req.data.cols && req.data.rows) sandbox.resize(req.data.cols, req.data.rows);
    ack({ ok: true, sandboxId: sandbox.id, screen: sandbox.screen(), files: sandbox.files(), checks: sandbox.checks(), openFile: sandbox.lab.openFile });
  }

  private input(raw: unknown): void {
    const sandbox = this.attached();
    const msg = TerminalInput.safeParse(raw);
    if (!sandbox || !msg.success) return;
    const bytes = byteLength(msg.data.data);
    if (bytes > MAX_TERMINAL_INPUT_BYTES) {
      return this.notice('too-large', `Input refused: ${Math.ceil(bytes / 1024)} KiB in one go is more than the 64 KiB limit. Your sandbox is unchanged.`, true);
    }
    sandbox.input(msg.data.data);
  }

  private resize(raw: unknown): void {
    const sandbox = this.attached();
    const msg = TerminalResize.safeParse(raw);
    if (sandbox && msg.success) sandbox.resize(msg.data.cols, msg.data.rows);
  }

  private read(raw: unknown, ack: (r: unknown) => void): void {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = FileRead.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad file path'));
    try {
      ack({ ok: true, path: sandbox.fs.resolve(msg.data.path), content: sandbox.fs.readFile(msg.data.path) });
    } catch (e) {
      ack(fsFailure(e));
    }
  }

  private write(raw: unknown, ack: (r: unknown) => void): void {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = FileWrite.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad file write'));
    if (byteLength(msg.data.content) > MAX_FILE_WRITE_BYTES) return ack(fail('too-large', 'A file may hold at most 1 MiB.'));
    try {
      sandbox.fs.writeFile(msg.data.path, msg.data.content);
      ack({ ok: true, path: sandbox.fs.resolve(msg.data.path) });
    } catch (e) {
      ack(fsFailure(e));
    }
  }

  private answer(raw: unknown, ack: (r: unknown) => void): void {
    if (typeof ack !== 'function') return;
    const sandbox = this.attached();
    const msg = QuestionAnswer.safeParse(raw);
    if (!sandbox) return ack(fail('not-attached', 'Not attached to a sandbox.'));
    if (!msg.success) return ack(fail('bad-request', 'bad answer'));
    const result = sandbox.answer(msg.data.questionId, msg.data.answer);
    if (!result.known) return ack(fail('not-found', 'This lab has no such question.'));
    const check = result.checks.checks.find((c) => c.id === msg.data.questionId)!;
    ack({ ok: true, correct: check.state === 'passed', message: check.message });
  }

  private attached(): Sandbox | undefined {
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
    this.detach?.();
    this.detach = undefined;
    if (this.sandbox) this.opts.manager.release(this.sandbox);
    this.sandbox = undefined;
  }
}

function fsFailure(e: unknown) {
  if (e instanceof VfsError) return fail(e.code === 'EFBIG' || e.code === 'EDQUOT' ? 'too-large' : 'bad-request', e.message);
  throw e;
}
