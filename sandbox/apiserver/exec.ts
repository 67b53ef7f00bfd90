// exec and attach over WebSocket (`v5.channel.k8s.io`, `v4.channel.k8s.io`): each frame is a
// channel byte and its payload — 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize, 255 close.
// Failures before the upgrade are answered as HTTP Status errors, which kubectl prints as
// `error: unable to upgrade connection: <message>` (also after it falls back to SPDY).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest, internalError, unauthorized, type Status } from '../engine/api/errors.js';
import type { KubeObject } from '../engine/objects.js';
import type { ExecHook, ExecResult, ServedEngine } from './engine-contract.js';
import { engineExec } from './engine-exec.js';
import { parseApiPath } from './paths.js';
import { toStatus } from './respond.js';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

interface ExecServerOptions {
  engine: ServedEngine;
  token: string;
}

interface Session {
  pod: KubeObject;
  container: string;
  command: string[];
  hook: ExecHook;
  stdin: boolean;
  tty: boolean;
}

export function attachExec(server: Server, options: ExecServerOptions): void {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const session = prepare(req, options);
      const isWebSocket = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
      if (!isWebSocket) throw badRequest('Upgrade request required');
      wss.handleUpgrade(req, socket, head, (ws) => run(ws, session));
    } catch (err) {
      refuse(socket, toStatus(err));
    }
  });
}

function prepare(req: IncomingMessage, options: ExecServerOptions): Session {
  if (req.headers.authorization !== `Bearer ${options.token}`) throw unauthorized();
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parsed = parseApiPath(url.pathname);
  if (parsed.kind !== 'resource' || !['exec', 'attach'].includes(parsed.path.ref.subresource ?? '') || parsed.path.ref.resource !== 'pods') {
    throw badRequest('Upgrade request required');
  }
  const { ref } = parsed.path;
  const pod = options.engine.api.get({ ...ref, subresource: undefined });
  const q = url.searchParams;
  const containers = ((pod.spec as { containers?: Array<{ name: string }> })?.containers ?? []).map((c) => c.name);
  const container = q.get('container') ?? (containers.length === 1 ? containers[0] : '');
  if (!container) throw badRequest(`a container name must be specified for pod ${ref.name}, choose one of: [${containers.join(' ')}]`);
  if (!containers.includes(container)) throw badRequest(`container ${container} is not valid for pod ${ref.name}`);
  if (!(pod.spec as { nodeName?: string })?.nodeName) throw badRequest(`pod ${ref.name} does not have a host assigned`);
  const hook = ref.subresource === 'exec' ? (options.engine.exec ?? engineExec(options.engine)) : options.engine.attach;
  if (!hook || !containerRunning(pod, container)) throw internalError(`container not found (${JSON.stringify(container)})`);
  return { pod, container, command: q.getAll('command'), hook, stdin: q.get('stdin') === 'true', tty: q.get('tty') === 'true' };
}

function containerRunning(pod: KubeObject, container: string): boolean {
  const statuses = (pod.status as { containerStatuses?: Array<{ name: string; state?: { running?: unknown } }> })?.containerStatuses ?? [];
  return statuses.some((s) => s.name === container && s.state?.running);
}

/** Non-101 answer: kubectl reads the Status and prints its message. */
function refuse(socket: Duplex, status: Status): void {
  // The kubelet's own errors reach kubectl as plain messages; keep Internal error's wording out.
  const body = JSON.stringify(status.reason === 'InternalError' ? { ...status, message: status.details?.causes?.[0]?.message ?? status.message } : status);
  const reason = status.code === 401 ? 'Unauthorized' : status.code === 404 ? 'Not Found' : status.code === 400 ? 'Bad Request' : 'Internal Server Error';
  socket.end(`HTTP/1.1 ${status.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function frame(channel: number, data: Uint8Array | string): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  return Buffer.concat([Buffer.from([channel]), payload]);
}

function run(ws: WebSocket, s: Session): void {
  const stdinData: Array<(c: Uint8Array) => void> = [];
  const stdinEnd: Array<() => void> = [];
  const resize: Array<(size: { width: number; height: number }) => void> = [];
  ws.on('message', (data: Buffer) => {
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === CHANNEL.stdin) stdinData.forEach((cb) => cb(payload));
    else if (channel === CHANNEL.resize) {
      const size = JSON.parse(payload.toString('utf8')) as { Width: number; Height: number };
      resize.forEach((cb) => cb({ width: size.Width, height: size.Height }));
    } else if (channel === CHANNEL.close && payload[0] === CHANNEL.stdin) stdinEnd.forEach((cb) => cb());
  });
  ws.on('close', () => stdinEnd.forEach((cb) => cb()));
  const io = {
    stdin: s.stdin ? { onData: (cb: (c: Uint8Array) => void) => stdinData.push(cb), onEnd: (cb: () => void) => stdinEnd.push(cb) } : undefined,
    stdout: (chunk: Uint8Array | string) => ws.send(frame(CHANNEL.stdout, chunk)),
    stderr: (chunk: Uint8Array | string) => ws.send(frame(CHANNEL.stderr, chunk)),
    tty: s.tty,
    onResize: (cb: (size: { width: number; height: number }) => void) => resize.push(cb),
  };
  s.hook(s.pod, s.container, s.command, io).then(
    (result) => finish(ws, s, result),
    (err: unknown) => finish(ws, s, { exitCode: 1, error: err instanceof Error ? err.message : String(err) }),
  );
}

/** The status frame the kubelet sends when the process ends. */
export function execStatus(command: string[], result: ExecResult): Record<string, unknown> {
  if (result.error) return { metadata: {}, status: 'Failure', message: result.error, reason: 'InternalError', details: { causes: [{ message: result.error }] }, code: 500 };
  if (result.exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${result.exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] },
  };
}

function finish(ws: WebSocket, s: Session, result: ExecResult): void {
  ws.send(frame(CHANNEL.status, JSON.stringify(execStatus(s.command, result))));
  // Let the client read the status before the close frame ends its streams.
  setTimeout(() => ws.close(1000), 50);
}

