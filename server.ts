// Kubelab's one process: Next.js (pages) and socket.io (sandboxes) on one HTTP server.
// Start: migrate the database (or refuse to start and say why), prepare Next, listen.
// SIGTERM/SIGINT: stop accepting, close sockets, save every sandbox, exit.
import { createServer } from 'node:http';
import next from 'next';
import { Server } from 'socket.io';
import { MigrationError, migrate } from './prisma/migrate.js';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_PATH } from './sandbox/protocol.js';
import { SandboxManager } from './sandbox/session/manager.js';
import { registerSandboxSockets, type SandboxServer } from './sandbox/session/socket.js';
import { loadRuntime } from './sandbox/session/runtime.js';
import { setServerContext } from './server/context.js';
import { createDb, sqliteFile } from './server/db.js';
import { EnvError, loadEnv, type Env } from './server/env.js';
import { learnerCookies } from './server/guest.js';
import { serveMonaco } from './server/static.js';
import { PrismaSandboxStore } from './server/store.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const started = Date.now();
const log = (message: string) => console.log(`[kubelab] ${message}`);

function refuse(why: string): never {
  console.error(`[kubelab] not starting: ${why}`);
  process.exit(1);
}

async function openDatabase(env: Env) {
  const file = sqliteFile(env.DATABASE_URL);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const applied = migrate(file);
    if (applied.length) log(`database ${file}: applied ${applied.join(', ')}`);
  } catch (e) {
    if (e instanceof MigrationError) refuse(`database ${file}: ${e.message}`);
    refuse(`database ${file} cannot be opened or migrated: ${(e as Error).message}`);
  }
  const db = createDb(env.DATABASE_URL);
  try {
    await db.user.count();
  } catch (e) {
    refuse(`database ${file} does not answer: ${(e as Error).message}`);
  }
  return db;
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    refuse(e instanceof EnvError ? e.message : String(e));
  }
  const db = await openDatabase(env);
  const cookies = learnerCookies(env.SESSION_SECRET);
  setServerContext({ db, cookies });

  const dev = env.NODE_ENV === 'development';
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const http = createServer((req, res) => {
    if (serveMonaco(req, res)) return;
    // Every page visit gets a learner cookie; the User row waits until it is needed.
    if (!req.url?.startsWith('/_next/') && !cookies.verify(req.headers.cookie)) {
      const issued = cookies.issue(env.SECURE_COOKIES === 'true');
      res.setHeader('Set-Cookie', issued.setCookie);
      req.headers.cookie = [req.headers.cookie, issued.setCookie.split(';')[0]].filter(Boolean).join('; ');
    }
    void handle(req, res);
  });

  const io: SandboxServer = new Server(http, { path: SOCKET_PATH, maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false });
  const manager = new SandboxManager({ store: new PrismaSandboxStore(db), log });
  registerSandboxSockets(io, { manager, authenticate: (h) => cookies.verify(h) });
  const runtime = await loadRuntime();
  for (const m of runtime.missing) log(`sandbox part missing: ${m}`);

  // Next's own upgrade handler (HMR) must not see socket.io's upgrades.
  http.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith(SOCKET_PATH) && dev) void app.getUpgradeHandler()(req, socket, head);
  });

  http.on('error', (e) => refuse(`cannot listen on ${env.HOST}:${env.PORT}: ${e.message}`));
  http.listen(env.PORT, env.HOST, () => log(`ready on http://localhost:${env.PORT} in ${Date.now() - started} ms (${dev ? 'development' : 'production'})`));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: saving ${manager.size} sandbox(es) and closing`);
    setTimeout(() => refuse('shutdown took over 15 s'), 15_000).unref();
    http.close();
    io.close();
    await manager.shutdown();
    await db.$disconnect();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => refuse((e as Error).stack ?? String(e)));
