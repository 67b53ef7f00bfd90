// Several server processes serving one site (REDIS_URL set, PostgreSQL shared): the pieces
// server.ts and server/sandbox-server.ts plug into the platform. socket.io rooms and broadcasts
// span the processes through @socket.io/redis-adapter; each sandbox runs in the process holding
// its lease (sandbox/session/ownership.ts), reached from the others over the process bus.
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { SandboxHost } from '../sandbox/session/handle.js';
import { ClusterSandboxHost } from '../sandbox/session/ownership.js';
import { LeaseBook } from '../sandbox/session/ownership-types.js';
import type { SandboxServer } from '../sandbox/session/socket.js';
import type { SandboxStore } from '../sandbox/session/store.js';
import { RedisProcessBus } from './cluster-bus.js';
import { PrismaLeaseStore } from './cluster-leases.js';
import { FencedSandboxStore } from './cluster-store.js';
import type { Db } from './db.js';
import type { Logger } from './log.js';

/** A sandbox's lease lasts this long without renewal (renewed every third of it). */
export const LEASE_TTL_MS = 15_000;

export interface Cluster {
  processId: string;
  /** The store the sandboxes write through: snapshot writes fenced by the lease. */
  store(inner: SandboxStore): SandboxStore;
  /** The host the sockets use: sandboxes routed to their owners. */
  wrapHost(inner: SandboxHost): ClusterSandboxHost;
  /** The inner host unloaded a sandbox (hibernation): its lease is given up. */
  innerUnloaded(sandboxId: string): void;
  /** socket.io over Redis: rooms and broadcasts reach every process. */
  attachIo(io: SandboxServer): void;
  /** Throws when Redis does not answer (readiness). */
  check(): Promise<void>;
  /** After the host's shutdown: close the adapter's connections. */
  close(): Promise<void>;
}

export async function startCluster(opts: { db: Db; redisUrl: string; log: Logger; leaseTtlMs?: number }): Promise<Cluster> {
  const bus = await withTimeout(RedisProcessBus.connect(opts.redisUrl), 10_000, `no answer from ${opts.redisUrl.replace(/\/\/[^@]*@/, '//***@')} within 10 s`);
  const book = new LeaseBook(bus.processId, opts.leaseTtlMs ?? LEASE_TTL_MS);
  const adapterPub = new Redis(opts.redisUrl);
  const adapterSub = adapterPub.duplicate();
  let host: ClusterSandboxHost | undefined;
  opts.log('several processes: sandboxes are leased in the database, requests go to their owner over Redis', { processId: bus.processId });
  return {
    processId: bus.processId,
    store: (inner) => new FencedSandboxStore(opts.db, inner, book),
    wrapHost(inner) {
      host = new ClusterSandboxHost({ inner, leases: new PrismaLeaseStore(opts.db), bus, book, log: (m, f) => opts.log(m, { component: 'ownership', ...f }) });
      return host;
    },
    innerUnloaded: (id) => host?.innerUnloaded(id),
    attachIo(io) {
      io.adapter(createAdapter(adapterPub, adapterSub));
    },
    async check() {
      await bus.ping();
    },
    async close() {
      await Promise.all([adapterPub.quit().catch(() => undefined), adapterSub.quit().catch(() => undefined)]);
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}
