// A server killed with SIGKILL loses at most the last two seconds of a learner's work: a real
// process (server/sandbox-server.ts, worker threads, SQLite) is killed mid-session and a new one
// restores the sandbox on the learner's next visit. Also /healthz, /readyz and /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { SOCKET_PATH, type AttachResult, type ClientToServerEvents, type ServerToClientEvents } from '../sandbox/protocol.js';
import { LEARNER_COOKIE, learnerCookies } from './guest.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const SECRET = 's'.repeat(40);
const dir = mkdtempSync(join(tmpdir(), 'kubelab-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/sandbox-server.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'k.db')}`, SESSION_SECRET: SECRET, SANDBOX_WORKERS: '1' } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => (log += d, log.includes('"msg":"ready"') && resolve()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  return child;
}

function client(port: number, userId: string): Client {
  const cookie = `${LEARNER_COOKIE}=${learnerCookies(SECRET).sign(userId)}`;
  return connect(`http://127.0.0.1:${port}`, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
}

function terminal(c: Client) {
  let out = '';
  c.on('terminal:output', (d) => (out += d));
  return {
    get out() {
      return out;
    },
    until: async (text: string) => {
      const deadline = Date.now() + 20_000;
      while (!out.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(out.slice(-300))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

const attach = (c: Client) => new Promise<AttachResult>((r) => c.emit('sandbox:attach', { labSlug: 'deploy-nginx', cols: 120, rows: 30 }, r));
const USER = 'learner-durable-01';

describe('durability', () => {
  it('serves /healthz, /readyz and /metrics', async () => {
    const port = await freePort();
    const server = await startServer(port);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status, await ready.text()).toBe(200);
    const c = client(port, 'learner-metrics-01');
    const t = terminal(c);
    expect((await attach(c)).ok).toBe(true);
    c.emit('terminal:input', { data: 'echo counted\r' });
    await t.until('counted\r\ncontrolplane:~$ ');
    await new Promise((r) => setTimeout(r, 2500)); // saved within 1 s; the workers report once a second
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('kubelab_sandboxes{state="active"} 1');
    expect(metrics).toMatch(/kubelab_command_duration_seconds_count [1-9]/);
    expect(metrics).toContain('kubelab_socket_connections 1');
    expect(metrics).toMatch(/kubelab_snapshot_bytes_count [1-9]/);
    expect(metrics).toContain('nodejs_eventloop_lag_seconds');
    c.close();
    server.kill('SIGKILL');
  });

  it('loses at most the last 2 s when the server is killed with SIGKILL, and restores on the next visit', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const c = client(port, USER);
    const t = terminal(c);
    expect((await attach(c)).ok).toBe(true);
    c.emit('terminal:input', { data: 'kubectl create deployment web --image=nginx\r' });
    await t.until('deployment.apps/web created\r\n');
    c.emit('file:write', { path: 'notes.txt', content: 'written before the crash' }, () => {});
    c.emit('terminal:input', { data: 'echo kept-in-history\r' });
    await t.until('kept-in-history\r\ncontrolplane:~$ ');
    await new Promise((r) => setTimeout(r, 2000)); // the window: everything before it must survive
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    c.close();

    const second = await startServer(port);
    const again = client(port, USER);
    const t2 = terminal(again);
    const res = await attach(again);
    if (!res.ok) throw new Error(res.message);
    expect(res.screen).toContain('kept-in-history');
    expect(res.files).toContain('/root/notes.txt');
    again.emit('terminal:input', { data: 'kubectl get deployments -o name; cat notes.txt; history | tail -3\r' });
    await t2.until('written before the crash');
    await t2.until('echo kept-in-history');
    expect(t2.out).toContain('deployment.apps/web');
    again.close();
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
  });
});
