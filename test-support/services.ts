// Real PostgreSQL and Redis for tests, started on loopback in a temporary folder and stopped
// afterwards (no mocks: the many-process tests need the real locking, pub/sub and SQL).
// PostgreSQL comes from Debian's postgresql package (/usr/lib/postgresql/<version>/bin), Redis
// from redis-server. When a binary is missing the tests that need it are skipped with ONE visible
// line, unless REQUIRE_SERVICES=1 (CI), where a missing service is a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Services {
  /** postgresql://… of a fresh, empty database. */
  databaseUrl: string;
  /** redis://127.0.0.1:<port> */
  redisUrl: string;
  /** Another fresh, empty database on the same server (one per test file that migrates). */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder, or undefined. */
export function postgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

export function redisBin(): string | undefined {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(p)) return p;
  return undefined;
}

/** Why the services cannot run here, or undefined when they can. */
export function servicesMissing(): string | undefined {
  const missing = [postgresBin() ? '' : 'PostgreSQL (apt-get install postgresql)', redisBin() ? '' : 'Redis (apt-get install redis-server)'].filter(Boolean);
  return missing.length ? missing.join(' and ') : undefined;
}

let warned = false;
/**
 * True when the service tests should run. Prints one line when they are skipped; throws when
 * REQUIRE_SERVICES=1 and they cannot run.
 */
export function servicesAvailable(): boolean {
  const missing = servicesMissing();
  if (!missing) return true;
  if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${missing} is not installed`);
  if (!warned) console.warn(`[services] SKIPPED: PostgreSQL/Redis tests need ${missing}`);
  warned = true;
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as the postgres user then. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [cmd, args];
  return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
}

function must(cmd: string, args: string[], what: string): string {
  const [c, a] = asPostgres(cmd, args);
  const res = spawnSync(c, a, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${what} failed (${res.status}): ${res.stderr || res.stdout}`);
  return res.stdout;
}

async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not start within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startPostgres(dir: string) {
  const bin = postgresBin()!;
  const data = join(dir, 'pg');
  const port = await freePort();
  // The postgres user must be able to reach and write the folder.
  chmodSync(dir, 0o777);
  must(join(bin, 'initdb'), ['-D', data, '-U', 'kubelab', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], 'initdb');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  must(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'pg.log'), '-w', '-t', '30', 'start'], 'pg_ctl start');
  const psql = (sql: string) => must(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'kubelab', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], 'psql');
  return {
    port,
    createDatabase(name: string): string {
      psql(`CREATE DATABASE "${name}"`);
      return `postgresql://kubelab@127.0.0.1:${port}/${name}`;
    },
    stop() {
      const [c, a] = asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      spawnSync(c, a);
    },
  };
}

/** A redis-server of its own (tests that stop it), in `dir` or a new temporary folder. */
export async function startRedis(dir: string = mkdtempSync(join(tmpdir(), 'kubelab-redis-')), wantedPort?: number) {
  const port = wantedPort ?? (await freePort());
  const child: ChildProcess = spawn(redisBin()!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.includes('Ready to accept connections') || child.exitCode !== null, 'redis-server');
  if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => void child.kill('SIGKILL') };
}

/**
 * The PostgreSQL client must match schema.prisma (a plain `prisma generate` makes only SQLite's).
 * Regenerated when older than the schema, by one test file at a time (flock), like npm test does.
 */
function ensurePostgresClient(): void {
  const root = new URL('..', import.meta.url).pathname;
  const client = join(root, 'generated', 'prisma-pg', 'client.ts');
  if (existsSync(client) && statSync(client).mtimeMs >= statSync(join(root, 'prisma', 'schema.prisma')).mtimeMs) return;
  const script = `import(${JSON.stringify(join(root, 'scripts', 'lib.mjs'))}).then((l) => l.ensurePrismaClient())`;
  const res = spawnSync('flock', ['/tmp/kubelab-prisma-generate.lock', process.execPath, '-e', script], { cwd: root, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`prisma generate (PostgreSQL client) failed: ${res.stderr}`);
}

/** Start PostgreSQL and Redis in a fresh temporary folder. Call stop() in afterAll. */
export async function startServices(): Promise<Services> {
  ensurePostgresClient();
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-services-'));
  const pg = await startPostgres(dir);
  let redis: Awaited<ReturnType<typeof startRedis>>;
  try {
    redis = await startRedis(dir);
  } catch (e) {
    pg.stop();
    throw e;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    redis.stop();
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  // pg_ctl daemonises PostgreSQL: a test process that ends without afterAll must not leave it running.
  process.on('exit', stop);
  return {
    databaseUrl: pg.createDatabase('kubelab_0'),
    redisUrl: redis.url,
    createDatabase: (name) => pg.createDatabase(name),
    async stop() {
      stop();
    },
  };
}
