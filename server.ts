// Kubelab's one process: Next.js (pages) and socket.io (sandboxes) on one HTTP server.
// Start: migrate the database (or refuse to start and say why), prepare Next, listen.
// SIGTERM/SIGINT: stop accepting, close sockets, save every sandbox, exit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import next from 'next';
import { MigrationError, migrateDatabase } from './prisma/migrate.js';
import { SOCKET_PATH } from './sandbox/protocol.js';
import { defaultPoolSize } from './sandbox/session/pool.js';
import { loadRuntime } from './sandbox/session/runtime.js';
import { setServerContext } from './server/context.js';
import { createDb, databaseKind, redactUrl, sqliteFile } from './server/db.js';
import { startCluster } from './server/cluster-setup.js';
import { EnvError, loadEnv, type Env } from './server/env.js';
import { learnerCookies } from './server/guest.js';
import { createAccounts } from './server/accounts/index.js';
import { CLIENT_IP_HEADER } from './server/accounts/auth.js';
import { clientIp } from './server/accounts/client-ip.js';
import { disconnectLearner, type SocketsOfServer } from './server/accounts/disconnect.js';
import { accountsConfig } from './server/accounts/config.js';
import type { SandboxHost } from './sandbox/session/handle.js';
import { jsonLogger } from './server/log.js';
import { createPlatform } from './server/platform.js';
import { serveMonaco } from './server/static.js';
import { PrismaSandboxStore } from './server/store.js';
import { WorkshopHub, setWorkshopHub } from './server/workshop-hub.js';
import { withWorkshopProgress } from './server/workshop-store.js';
import { ExamService } from './server/exam-service.js';
import { setExamService } from './server/exam-context.js';
import { cachedExam, isExamSandboxSlug } from './exams/runtime/exam-lab.js';

const started = Date.now();
const log = jsonLogger({ component: 'server', pid: process.pid });

/** A start-up refusal is for the person starting it: plain text on stderr, not a JSON line. */
function refuse(why: string): never {
  console.error(`[kubelab] not starting: ${why}`);
  process.exit(1);
}

async function openDatabase(env: Env) {
  // A SQLite file, or PostgreSQL (several processes; they migrate one at a time under a lock).
  const file = databaseKind(env.DATABASE_URL) === 'postgresql' ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : sqliteFile(env.DATABASE_URL);
  try {
    const applied = await migrateDatabase(env.DATABASE_URL);
    if (applied.length) log(`database ${file}: applied ${applied.join(', ')}`);
  } catch (e) {
    if (e instanceof MigrationError) refuse(`database ${file}: ${e.message}`);
    refuse(`database ${file} cannot be opened or migrated: ${(e as Error).message}`);
  }
  const db = createDb(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  try {
    await db.user.count();
  } catch (e) {
    refuse(`database ${file} does not answer: ${(e as Error).message}`);
  }
  return db;
}

/** REDIS_URL: several processes share the sandboxes (server/cluster-setup.ts). */
async function joinCluster(env: Env, db: Awaited<ReturnType<typeof openDatabase>>) {
  if (!env.REDIS_URL) return undefined;
  try {
    return await startCluster({ db, redisUrl: env.REDIS_URL, log });
  } catch (e) {
    refuse(`Redis ${redactUrl(env.REDIS_URL)} does not answer: ${(e as Error).message}`);
  }
}
async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    refuse(e instanceof EnvError ? e.message : String(e));
  }
  const db = await openDatabase(env);
  const cluster = await joinCluster(env, db);
  const cookies = learnerCookies(env.SESSION_SECRET);
  // Accounts (Better Auth) first, then the guest cookie; the sandbox host comes later (platform).
  let sandboxHost: SandboxHost | undefined;
  let sockets: SocketsOfServer | undefined;
  const accounts = createAccounts({ db, cookies, ...accountsConfig(env), sandboxes: () => sandboxHost, onRevoked: (userId) => disconnectLearner(sockets, userId), log });
  const identity = accounts.identity;
  setServerContext({ db, cookies, identity, accounts });

  const dev = env.NODE_ENV === 'development';
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Sandboxes run in worker threads (SANDBOX_WORKERS=0: on this thread).
  const workers = env.SANDBOX_WORKERS ?? defaultPoolSize();
  const web = (req: IncomingMessage, res: ServerResponse) => {
    if (serveMonaco(req, res)) return;
    // Sign-in rate limits key on this; a client's own value is overwritten.
    req.headers[CLIENT_IP_HEADER] = clientIp(req, env.TRUST_PROXY === 'true');
    // Every page visit gets a learner cookie; the User row waits until it is needed.
    if (!req.url?.startsWith('/_next/') && !cookies.verify(req.headers.cookie)) {
      const issued = cookies.issue(env.SECURE_COOKIES === 'true');
      res.setHeader('Set-Cookie', issued.setCookie);
      req.headers.cookie = [req.headers.cookie, issued.setCookie.split(';')[0]].filter(Boolean).join('; ');
    }
    void handle(req, res);
  };
  // Exams (server/exam-service.ts) need the platform's sandboxes; the socket asks them before opening one.
  let exams: ExamService | undefined;
  // Workshops (server/workshop-hub.ts): every graded result also goes to the live dashboards.
  const workshops = new WorkshopHub({ db, identity, log });
  setWorkshopHub(workshops);
  const platform = createPlatform({
    authorizeOpen: async (userId, slug) => (exams ? exams.authorizeSandbox(userId, slug) : isExamSandboxSlug(slug) ? 'The exam service is starting; reload in a moment.' : undefined),
    store: withWorkshopProgress(new PrismaSandboxStore(db), workshops, log),
    workers,
    idleMs: env.SANDBOX_IDLE_MINUTES * 60_000,
    maxPerLearner: env.SANDBOX_MAX_PER_LEARNER,
    cpuLimitMs: env.SANDBOX_CPU_SECONDS * 1000,
    log,
    authenticate: async (h) => (await identity.identify(h))?.userId,
    checkDependencies: async () => void (await db.user.count()),
    web,
    cluster,
  });
  const { http, host } = platform;
  workshops.attach(platform.io as never, host);
  exams = new ExamService({ db, host, findExam: cachedExam, log });
  setExamService(exams);
  await exams.startTimers();
  sandboxHost = host;
  sockets = platform.io;
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
    log(`${signal}: saving ${host.counts().active} sandbox(es) and closing`);
    setTimeout(() => refuse('shutdown took over 15 s'), 15_000).unref();
    await platform.stop();
    await db.$disconnect();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => refuse((e as Error).stack ?? String(e)));
