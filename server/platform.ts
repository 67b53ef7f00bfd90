// The platform without the web pages: one HTTP server with /healthz, /readyz and /metrics,
// socket.io for the sandboxes, and the sandboxes themselves (a worker pool, or this thread when
// workers is 0). server.ts puts Next.js in front of it; server/sandbox-server.ts runs it alone
// (tests, the load bench, a sandbox-only process).
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { Server } from 'socket.io';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_PATH } from '../sandbox/protocol.js';
import type { SandboxHost } from '../sandbox/session/handle.js';
import { LocalSandboxHost } from '../sandbox/session/local.js';
import { SandboxPool } from '../sandbox/session/pool.js';
import { registerSandboxSockets, type SandboxServer } from '../sandbox/session/socket.js';
import type { SandboxStore } from '../sandbox/session/store.js';
import { serveOps } from './health.js';
import type { Cluster } from './cluster-setup.js';
import type { Logger } from './log.js';
import { createMetrics, type PlatformMetrics } from './metrics.js';

export interface PlatformOptions {
  store: SandboxStore;
  /** Sandbox worker threads; 0 runs them on this thread. */
  workers: number;
  idleMs?: number;
  saveDelayMs?: number;
  maxPerLearner?: number;
  cpuLimitMs?: number;
  log: Logger;
  authenticate(cookieHeader: string | undefined): string | undefined | Promise<string | undefined>;
  /** Throws when a dependency (the database) does not answer. */
  checkDependencies?: () => Promise<void>;
  /** Asked before a sandbox opens (exam attempts: only the candidate's, only while it runs). */
  authorizeOpen?(userId: string, labSlug: string): Promise<string | undefined>;
  /** Several processes (REDIS_URL): fenced snapshot writes, sandboxes routed to their owners, socket.io over Redis. */
  cluster?: Cluster;
  /** Everything that is not an operations endpoint (Next.js); 404 without. */
  web?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Platform {
  http: HttpServer;
  io: SandboxServer;
  host: SandboxHost;
  metrics: PlatformMetrics;
  /** Stop accepting, close sockets, save every sandbox. */
  stop(): Promise<void>;
}

export function createPlatform(opts: PlatformOptions): Platform {
  const sandboxLog = (m: string, f?: Record<string, unknown>) => opts.log(m, { component: 'sandbox', ...f });
  const store = opts.cluster ? opts.cluster.store(opts.store) : opts.store;
  const onUnload = opts.cluster ? (id: string) => opts.cluster!.innerUnloaded(id) : undefined;
  const common = { store, onUnload, idleMs: opts.idleMs, saveDelayMs: opts.saveDelayMs, maxPerLearner: opts.maxPerLearner, cpuLimitMs: opts.cpuLimitMs, log: sandboxLog };
  let pool: SandboxPool | undefined;
  const metrics = createMetrics(() => host, () => pool?.workerLagMs() ?? 0);
  const base: SandboxHost =
    opts.workers > 0
      ? (pool = new SandboxPool({ ...common, size: opts.workers, onStats: (s) => metrics.observe(s) }))
      : LocalSandboxHost.create({
          ...common,
          onCommand: (ms) => metrics.observe({ commandMs: [ms], snapshots: [] }),
          onSnapshot: (bytes, ms) => metrics.observe({ commandMs: [], snapshots: [{ bytes, ms }] }),
        });
  const host: SandboxHost = opts.cluster ? opts.cluster.wrapHost(base) : base;
  let stopping = false;
  const notReady = async () => {
    if (stopping) return 'shutting down';
    await pool?.ready();
    await opts.checkDependencies?.();
    await opts.cluster?.check();
    return undefined;
  };
  const http = createServer((req, res) => {
    if (serveOps(req, res, { registry: metrics.registry, notReady })) return;
    if (opts.web) return opts.web(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  const io: SandboxServer = new Server(http, { path: SOCKET_PATH, maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false });
  opts.cluster?.attachIo(io);
  registerSandboxSockets(io, { manager: host, authenticate: opts.authenticate, authorizeOpen: opts.authorizeOpen, onConnection: (d) => metrics.connection(d) });
  opts.log(`sandboxes run in ${opts.workers > 0 ? `${opts.workers} worker thread(s)` : 'the server thread'}`);
  return {
    http,
    io,
    host,
    metrics,
    async stop() {
      stopping = true;
      http.close();
      io.close();
      await host.shutdown();
      await opts.cluster?.close();
    },
  };
}
