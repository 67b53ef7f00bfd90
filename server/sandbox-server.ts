// The platform without Next.js (server/platform.ts on a migrated database): what the durability
// and failover tests kill with SIGKILL and restart, and what the load bench drives. Configured by
// the same environment as server.ts (PORT, DATABASE_URL, REDIS_URL, SESSION_SECRET, SANDBOX_*),
// plus SANDBOX_SAVE_DELAY_MS. Run: node --import tsx server/sandbox-server.ts
import { migrateDatabase } from '../prisma/migrate.js';
import { defaultPoolSize } from '../sandbox/session/pool.js';
import { startCluster } from './cluster-setup.js';
import { createDb } from './db.js';
import { loadEnv } from './env.js';
import { learnerCookies } from './guest.js';
import { jsonLogger } from './log.js';
import { createPlatform } from './platform.js';
import { createAccounts } from './accounts/index.js';
import { accountsConfig } from './accounts/config.js';
import type { SandboxHost } from '../sandbox/session/handle.js';
import { PrismaSandboxStore } from './store.js';

const log = jsonLogger({ component: 'sandbox-server', pid: process.pid });
const env = loadEnv();
await migrateDatabase(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
const cookies = learnerCookies(env.SESSION_SECRET);
let sandboxHost: SandboxHost | undefined;
// Sockets identify by the account session cookie first, then the guest cookie (server/accounts).
const accounts = createAccounts({ db, cookies, ...accountsConfig(env), sandboxes: () => sandboxHost, log });
const cluster = env.REDIS_URL ? await startCluster({ db, redisUrl: env.REDIS_URL, log, leaseTtlMs: Number(process.env.SANDBOX_LEASE_TTL_MS) || undefined }) : undefined;
const platform = createPlatform({
  store: new PrismaSandboxStore(db),
  workers: env.SANDBOX_WORKERS ?? defaultPoolSize(),
  idleMs: env.SANDBOX_IDLE_MINUTES * 60_000,
  saveDelayMs: Number(process.env.SANDBOX_SAVE_DELAY_MS) || undefined,
  maxPerLearner: env.SANDBOX_MAX_PER_LEARNER,
  cpuLimitMs: env.SANDBOX_CPU_SECONDS * 1000,
  log,
  authenticate: async (h) => (await accounts.identity.identify(h))?.userId,
  checkDependencies: async () => void (await db.user.count()),
  cluster,
});
sandboxHost = platform.host;
platform.http.listen(env.PORT, env.HOST, () => log('ready', { port: env.PORT, processId: cluster?.processId }));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void platform.stop().then(async () => {
      await db.$disconnect();
      log('stopped', { signal });
      process.exit(0);
    });
  });
}
