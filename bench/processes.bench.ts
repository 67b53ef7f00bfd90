// Several processes (PostgreSQL + Redis, real ones from test-support/services.ts): what a learner
// pays when their socket lands on a process that does not run their sandbox, and how long a
// sandbox takes to come back when its process is killed. Two server/sandbox-server.ts processes:
// B runs the sandbox; the same commands are timed through B (direct) and through A (forwarded over
// Redis); then B gets SIGKILL and the next command through A is timed until its output (takeover,
// restore from the snapshot, the command). Skipped, with one line, without PostgreSQL or Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type AttachResult, type ClientToServerEvents, type ServerToClientEvents } from '../sandbox/protocol.js';
import { LEARNER_COOKIE, learnerCookies } from '../server/guest.js';
import { freePort, servicesMissing, startServices } from '../test-support/services.js';
import type { BenchResult } from './run.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const SECRET = 'b'.repeat(40);
const PROMPT = /controlplane:[^$\r\n]*\$ $/;
const ROUNDS = 60;

export async function run(): Promise<BenchResult> {
  const missing = servicesMissing();
  if (missing) {
    console.log(`  processes: SKIPPED (needs ${missing})`);
    return { name: 'processes', figures: {} };
  }
  const services = await startServices();
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  try {
    const [a, b] = await Promise.all([server(services.databaseUrl, services.redisUrl, children), server(services.databaseUrl, services.redisUrl, children)]);
    const cookie = `${LEARNER_COOKIE}=${learnerCookies(SECRET).sign('bench-processes-01')}`;
    const onB = terminal(client(b.port, cookie, clients));
    await onB.attach();
    const onA = terminal(client(a.port, cookie, clients));
    const remoteAttachMs = await onA.attach();
    // A second learner, once both processes are warm: the attach cost itself.
    const cookie2 = `${LEARNER_COOKIE}=${learnerCookies(SECRET).sign('bench-processes-02')}`;
    await terminal(client(b.port, cookie2, clients)).attach();
    const remoteAttachWarmMs = await terminal(client(a.port, cookie2, clients)).attach();
    const direct: number[] = [];
    const forwarded: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      direct.push(await onB.command(`echo direct-${i}`));
      forwarded.push(await onA.command(`echo forwarded-${i}`));
    }
    await new Promise((r) => setTimeout(r, 2000)); // saved
    b.child.kill('SIGKILL');
    await new Promise((r) => b.child.once('exit', r));
    // The keystroke finds the owner gone, moves the sandbox here and runs.
    const failoverMs = await onA.command('echo after-failover');
    const afterFailover: number[] = [];
    for (let i = 0; i < 20; i++) afterFailover.push(await onA.command(`echo local-${i}`));
    return {
      name: 'processes',
      figures: {
        remote_attach_ms: round(remoteAttachMs),
        remote_attach_warm_ms: round(remoteAttachWarmMs),
        direct_command_ms_p50: round(pct(direct, 50)),
        forwarded_command_ms_p50: round(pct(forwarded, 50)),
        forwarded_command_ms_p99: round(pct(forwarded, 99)),
        forwarding_overhead_ms_p50: round(pct(forwarded, 50) - pct(direct, 50)),
        failover_first_command_ms: round(failoverMs),
        after_failover_command_ms_p50: round(pct(afterFailover, 50)),
      },
    };
  } finally {
    for (const c of clients) c.close();
    for (const c of children) c.kill('SIGKILL');
    await services.stop();
  }
}

async function server(databaseUrl: string, redisUrl: string, children: ChildProcess[]) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/sandbox-server.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SESSION_SECRET: SECRET, SANDBOX_WORKERS: '1' } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => ((log += d), log.includes('"msg":"ready"') && resolve()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  return { child, port };
}

function client(port: number, cookie: string, clients: Client[]): Client {
  const c: Client = connect(`http://127.0.0.1:${port}`, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  clients.push(c);
  return c;
}

function terminal(c: Client) {
  let out = '';
  c.on('terminal:output', (d) => (out += d));
  return {
    async attach(): Promise<number> {
      const t0 = performance.now();
      const res = await new Promise<AttachResult>((r) => c.emit('sandbox:attach', { labSlug: 'deploy-nginx', cols: 120, rows: 30 }, r));
      if (!res.ok) throw new Error(`attach: ${res.message}`);
      return performance.now() - t0;
    },
    /** Enter to the prompt after the command's output. */
    async command(line: string): Promise<number> {
      out = '';
      const t0 = performance.now();
      c.emit('terminal:input', { data: `${line}\r` });
      const marker = `${line.slice(5)}\r\n`;
      while (!(out.includes(marker) && PROMPT.test(out))) {
        if (performance.now() - t0 > 30_000) throw new Error(`no ${JSON.stringify(marker)} in ${JSON.stringify(out.slice(-200))}`);
        await new Promise((r) => setTimeout(r, 1));
      }
      return performance.now() - t0;
    },
  };
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (v: number) => Math.round(v * 10) / 10;
