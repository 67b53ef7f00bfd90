// Two real server processes (server/sandbox-server.ts, worker threads) share a REAL PostgreSQL and
// a REAL Redis: a learner's socket on process A uses the sandbox process B runs (typing works,
// output arrives on both); B is killed with SIGKILL; the learner, still on A, keeps typing and
// reconnects, and finds its work (files, cluster objects, history) restored on A from B's last
// snapshot, with the lease (and its fence) now A's.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_PATH, type AttachResult, type ClientToServerEvents, type ServerToClientEvents } from '../sandbox/protocol.js';
import { freePort, servicesAvailable, startServices, type Services } from '../test-support/services.js';
import { LEARNER_COOKIE, learnerCookies } from './guest.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const SECRET = 'f'.repeat(40);
const USER = 'learner-failover-01';

interface Server {
  child: ChildProcess;
  port: number;
  processId: string;
  log(): string;
}

describe.skipIf(!servicesAvailable())('two processes on PostgreSQL and Redis', () => {
  let services: Services;
  const servers: Server[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) s.child.kill('SIGKILL');
    await services?.stop();
  });

  async function startServer(): Promise<Server> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/sandbox-server.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: services.databaseUrl,
        REDIS_URL: services.redisUrl,
        SESSION_SECRET: SECRET,
        SANDBOX_WORKERS: '1',
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (d) => (log += d));
    const processId = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        log += d;
        const ready = /"msg":"ready".*"processId":"([0-9a-f-]+)"/.exec(log);
        if (ready) resolve(ready[1]);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
    });
    const server = { child, port, processId, log: () => log };
    servers.push(server);
    return server;
  }

  function client(port: number, user = USER): Client {
    const cookie = `${LEARNER_COOKIE}=${learnerCookies(SECRET).sign(user)}`;
    const c: Client = connect(`http://127.0.0.1:${port}`, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    clients.push(c);
    return c;
  }

  async function lease() {
    const db = new pg.Client({ connectionString: services.databaseUrl });
    await db.connect();
    const row = (await db.query('SELECT "ownerId", fence FROM "SandboxLease" WHERE "sandboxId" = $1', [`${USER}:deploy-nginx`])).rows[0];
    await db.end();
    return row as { ownerId: string; fence: number };
  }

  it('serves one sandbox from either process, and moves it when its process is killed', async () => {
    // Both start at once against an empty database: one migrates, the other waits for the lock.
    const [a, b] = await Promise.all([startServer(), startServer()]);
    expect((await fetch(`http://127.0.0.1:${a.port}/readyz`)).status).toBe(200);

    const onB = client(b.port);
    const tb = terminal(onB);
    expect(await attach(onB)).toMatchObject({ ok: true });
    onB.emit('terminal:input', { data: 'kubectl create deployment web --image=nginx\r' });
    await tb.until('deployment.apps/web created\r\n');
    await new Promise<void>((r) => onB.emit('file:write', { path: 'notes.txt', content: 'written on B' }, () => r()));
    expect(await lease()).toMatchObject({ ownerId: b.processId, fence: 1 });

    // The same learner lands on A: A forwards to B, and the output reaches both sockets.
    const onA = client(a.port);
    const ta = terminal(onA);
    const viaA = await attach(onA);
    if (!viaA.ok) throw new Error(viaA.message);
    expect(viaA.screen).toContain('deployment.apps/web created');
    onA.emit('terminal:input', { data: 'echo typed-on-a\r' });
    await ta.until('typed-on-a\r\ncontrolplane:~$ ');
    await tb.until('typed-on-a\r\ncontrolplane:~$ ');
    expect(await lease()).toMatchObject({ ownerId: b.processId, fence: 1 }); // still B's: A only forwards

    // Another learner on A cannot reach it, by name or otherwise.
    const intruder = client(a.port, 'learner-failover-02');
    const refused = await new Promise<AttachResult>((r) => intruder.emit('sandbox:attach', { labSlug: 'deploy-nginx', sandboxId: `${USER}:deploy-nginx` }, r));
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    intruder.close();

    await new Promise((r) => setTimeout(r, 2000)); // the durability window: all of it is saved
    b.child.kill('SIGKILL');
    await new Promise((r) => b.child.once('exit', r));

    // The socket on A keeps working: its next command moves the sandbox to A.
    onA.emit('terminal:input', { data: 'echo after-the-crash\r' });
    await ta.until('moved to another server process');
    onA.emit('terminal:input', { data: 'echo after-the-crash\r' });
    await ta.until('after-the-crash\r\ncontrolplane:~$ ');
    expect(await lease()).toMatchObject({ ownerId: a.processId, fence: 2 });

    // A reconnect (the page reloaded) finds everything: files, cluster objects, history.
    onA.close();
    const again = client(a.port);
    const t2 = terminal(again);
    const res = await attach(again);
    if (!res.ok) throw new Error(res.message);
    expect(res.files).toContain('/root/notes.txt');
    expect(res.screen).toContain('typed-on-a');
    again.emit('terminal:input', { data: 'kubectl get deployments -o name; cat notes.txt; echo; history | tail -4\r' });
    await t2.until('echo typed-on-a');
    expect(t2.out).toContain('deployment.apps/web');
    expect(t2.out).toContain('written on B');
  });
});

const attach = (c: Client) => new Promise<AttachResult>((r) => c.emit('sandbox:attach', { labSlug: 'deploy-nginx', cols: 120, rows: 30 }, r));

function terminal(c: Client) {
  let out = '';
  c.on('terminal:output', (d) => (out += d));
  return {
    get out() {
      return out;
    },
    async until(text: string) {
      const deadline = Date.now() + 30_000;
      while (!out.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(out.slice(-400))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
