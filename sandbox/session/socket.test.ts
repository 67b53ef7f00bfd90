// The sandbox protocol end to end over a real socket.io server and client (no browser).
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerCookies, LEARNER_COOKIE } from '../../server/guest.js';
import { MAX_SOCKET_MESSAGE_BYTES, type AttachResult, type ClientToServerEvents, type FileWriteResult, type LabActionResult, type LabActionRun, type ProtocolError, type ServerToClientEvents } from '../protocol.js';
import { LocalSandboxHost } from './local.js';
import { SandboxManager } from './manager.js';
import { registerSandboxSockets, type SandboxServer } from './socket.js';
import { MemorySandboxStore } from './store.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const cookies = learnerCookies('test-secret-test-secret-test-secret-42');
const store = new MemorySandboxStore();
const host = LocalSandboxHost.create({ store, saveDelayMs: 10, log: () => {} });
const manager = host.manager;
let http: HttpServer;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  http = createServer();
  const io: SandboxServer = new Server(http, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES });
  registerSandboxSockets(io, { manager: host, authenticate: (h) => cookies.verify(h) });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await manager.shutdown();
  await new Promise((r) => http.close(r));
});

function client(userId?: string): Client {
  const extraHeaders: Record<string, string> = userId ? { cookie: `${LEARNER_COOKIE}=${cookies.sign(userId)}` } : {};
  const c: Client = connect(url, { transports: ['websocket'], extraHeaders, reconnection: false });
  clients.push(c);
  return c;
}
const attach = (c: Client, req: Parameters<ClientToServerEvents['sandbox:attach']>[0]) =>
  new Promise<AttachResult>((resolve) => c.emit('sandbox:attach', req, resolve));
const write = (c: Client, path: string, content: string) => new Promise<FileWriteResult>((resolve) => c.emit('file:write', { path, content }, resolve));
const nextNotice = (c: Client) => new Promise<ProtocolError>((resolve) => c.once('sandbox:notice', resolve));

describe('sandbox sockets', () => {
  it('refuse a socket without a valid learner cookie', async () => {
    const c = client();
    const err = await new Promise<Error>((resolve) => c.once('connect_error', resolve));
    expect(err.message).toContain('unauthenticated');
  });

  it('attach a learner to their own sandbox and refuse another learner’s', async () => {
    const alice = client('guest-alice-0001');
    const res = await attach(alice, { labSlug: 'deploy-nginx', cols: 80, rows: 24 });
    expect(res).toMatchObject({ ok: true, sandboxId: 'guest-alice-0001:deploy-nginx', openFile: '/root/web-declarative.yaml' });
    if (!res.ok) return;
    expect(res.files).toEqual(['/root/web-declarative.yaml']);
    const bob = client('guest-bob-00001');
    expect(await attach(bob, { labSlug: 'deploy-nginx', sandboxId: res.sandboxId })).toMatchObject({ ok: false, code: 'forbidden' });
    const own = await attach(bob, { labSlug: 'deploy-nginx' });
    expect(own.ok && own.sandboxId).toBe('guest-bob-00001:deploy-nginx');
    expect(await attach(bob, { labSlug: 'no-such-lab' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await attach(bob, { labSlug: '../etc' })).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('saves editor files, pushes the file list and re-grades without asking', async () => {
    const c = client('guest-carol-001');
    await attach(c, { labSlug: 'deploy-nginx' });
    const files = new Promise<{ files: string[] }>((resolve) => c.once('files:changed', resolve));
    const checks = new Promise<Parameters<ServerToClientEvents['checks:update']>[0]>((resolve) => {
      c.on('checks:update', (u) => u.checks.find((k) => k.id === 'manifest-written')?.state === 'passed' && resolve(u));
    });
    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-declarative\n';
    expect(await write(c, 'extra.yaml', manifest)).toEqual({ ok: true, path: '/root/extra.yaml' });
    expect((await files).files).toEqual(['/root/extra.yaml', '/root/web-declarative.yaml']);
    expect((await checks).allPassed).toBe(false);
    expect(await write(c, '/root', 'x')).toMatchObject({ ok: false, code: 'bad-request', message: '/root: Is a directory' });
    expect(await write(c, 'big.yaml', 'x'.repeat(1024 * 1024 + 1))).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses terminal input over 64 KiB, visibly, and keeps the connection', async () => {
    const c = client('guest-dave-0001');
    await attach(c, { labSlug: 'deploy-nginx' });
    const notice = nextNotice(c);
    c.emit('terminal:input', { data: 'x'.repeat(64 * 1024 + 1) });
    expect(await notice).toMatchObject({ code: 'too-large' });
    expect(await write(c, 'still-here.txt', 'ok')).toEqual({ ok: true, path: '/root/still-here.txt' });
  });

  it('refuses a flood of messages with a visible notice, the sandbox unharmed', async () => {
    const c = client('guest-erin-0001');
    await attach(c, { labSlug: 'deploy-nginx' });
    const notice = nextNotice(c);
    for (let i = 0; i < 2000; i++) c.emit('terminal:resize', { cols: 80, rows: 24 });
    expect(await notice).toMatchObject({ code: 'rate-limited' });
    await new Promise((r) => setTimeout(r, 1100)); // the bucket refills
    expect(await write(c, 'after-flood.txt', 'ok')).toEqual({ ok: true, path: '/root/after-flood.txt' });
  });

  it('resets a sandbox on request: a fresh one from the lab’s start, attached at once', async () => {
    const c = client('guest-reset-0001');
    expect((await attach(c, { labSlug: 'deploy-nginx' })).ok).toBe(true);
    expect(await write(c, 'mine.txt', 'x')).toMatchObject({ ok: true });
    const res = await new Promise<AttachResult>((r) => c.emit('sandbox:reset', { labSlug: 'deploy-nginx' }, r));
    if (!res.ok) throw new Error(res.message);
    expect(res.files).not.toContain('/root/mine.txt');
    expect(await write(c, 'after-reset.txt', 'y')).toEqual({ ok: true, path: '/root/after-reset.txt' });
  });

  it('runs a step’s lab action: acked with its line, printed in the terminal, unknown ones refused', async () => {
    const c = client('guest-action-001');
    expect((await attach(c, { labSlug: 'node-maintenance' })).ok).toBe(true);
    const run = (msg: unknown) => new Promise<LabActionResult>((r) => c.emit('lab:action', msg as LabActionRun, r));
    const printed = new Promise<string>((resolve) => c.on('terminal:output', (d) => d.includes('lost power') && resolve(d)));
    expect(await run({ stepId: 'node-failure', actionId: 'power-cut' })).toEqual({ ok: true, line: 'kubelab: node02 lost power (its kubelet stopped)' });
    expect(await printed).toContain('kubelab: node02 lost power (its kubelet stopped)');
    expect(await run({ stepId: 'drain', actionId: 'power-cut' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await run({ stepId: 'node-failure', actionId: '../x' })).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('persists a sandbox and restores it, files and screen, in a new manager', async () => {
    await manager.saveAll();
    const again = new SandboxManager({ store, log: () => {} });
    const sandbox = await again.open('guest-carol-001', 'deploy-nginx');
    expect(sandbox.files()).toContain('/root/extra.yaml');
    expect(store.users.has('guest-carol-001')).toBe(true);
    expect(store.results.get('guest-carol-001:deploy-nginx')?.checks.find((k) => k.id === 'manifest-written')?.state).toBe('passed');
    await again.shutdown();
  });
});
