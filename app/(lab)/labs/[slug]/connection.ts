// The browser's end of sandbox/protocol.ts: one socket, attached to this learner's sandbox for
// one lab, re-attached after every reconnect. React components subscribe to what they need.
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_PATH,
  type AttachResult,
  type ChecksUpdate,
  type ClientToServerEvents,
  type FileReadResult,
  type FileWriteResult,
  type ProtocolError,
  type QuestionAnswerResult,
  type LabActionResult,
  type ServerToClientEvents,
} from '../../../../sandbox/protocol';

type Attached = Extract<AttachResult, { ok: true }>;
export type ConnectionStatus = { kind: 'connecting' } | { kind: 'attached'; sandboxId: string } | { kind: 'error'; message: string };

interface Listeners {
  output: (data: string) => void;
  attached: (a: Attached) => void;
  files: (files: string[]) => void;
  checks: (u: ChecksUpdate) => void;
  notice: (n: ProtocolError) => void;
  status: (s: ConnectionStatus) => void;
}

export class SandboxConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly listeners: { [K in keyof Listeners]: Set<Listeners[K]> } = {
    output: new Set(),
    attached: new Set(),
    files: new Set(),
    checks: new Set(),
    notice: new Set(),
    status: new Set(),
  };
  private size = { cols: 80, rows: 24 };

  constructor(private readonly labSlug: string) {
    this.socket = io({ path: SOCKET_PATH, transports: ['websocket'], autoConnect: false });
    this.socket.on('connect', () => this.attach());
    this.socket.on('connect_error', (e) => this.emit('status', { kind: 'error', message: `Cannot reach your sandbox: ${e.message}` }));
    this.socket.on('disconnect', () => this.emit('status', { kind: 'connecting' }));
    this.socket.on('terminal:output', (d) => this.emit('output', d));
    this.socket.on('files:changed', (m) => this.emit('files', m.files));
    this.socket.on('checks:update', (u) => this.emit('checks', u));
    this.socket.on('sandbox:notice', (n) => this.emit('notice', n));
  }

  on<K extends keyof Listeners>(event: K, listener: Listeners[K]): () => void {
    (this.listeners[event] as Set<Listeners[K]>).add(listener);
    return () => (this.listeners[event] as Set<Listeners[K]>).delete(listener);
  }

  start(cols: number, rows: number): void {
    this.size = { cols, rows };
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
  }

  input(data: string): void {
    this.socket.emit('terminal:input', { data });
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (this.socket.connected) this.socket.emit('terminal:resize', { cols, rows });
  }

  read(path: string): Promise<FileReadResult> {
    return new Promise((resolve) => this.socket.emit('file:read', { path }, resolve));
  }

  write(path: string, content: string): Promise<FileWriteResult> {
    return new Promise((resolve) => this.socket.emit('file:write', { path, content }, resolve));
  }

  /** Presses a step's lab action button (fail a node, fast-forward…). */
  runAction(stepId: string, actionId: string): Promise<LabActionResult> {
    return new Promise((resolve) => this.socket.emit('lab:action', { stepId, actionId }, resolve));
  }

  answer(questionId: string, answer: string): Promise<QuestionAnswerResult> {
    return new Promise((resolve) => this.socket.emit('question:answer', { questionId, answer }, resolve));
  }

  private attach(): void {
    this.socket.emit('sandbox:attach', { labSlug: this.labSlug, ...this.size }, (res) => {
      if (!res.ok) return this.emit('status', { kind: 'error', message: res.message });
      this.emit('attached', res);
      this.emit('files', res.files);
      this.emit('checks', res.checks);
      this.emit('status', { kind: 'attached', sandboxId: res.sandboxId });
    });
  }

  private emit<K extends keyof Listeners>(event: K, ...args: Parameters<Listeners[K]>): void {
    for (const l of this.listeners[event]) (l as (...a: Parameters<Listeners[K]>) => void)(...args);
  }
}
