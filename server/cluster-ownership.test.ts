// Sandbox ownership between processes, on a REAL PostgreSQL (leases, fenced snapshot writes) and a
// REAL Redis (the process bus), two "processes" in this one test process (each its own database
// client, Redis connections and sandbox host): racing acquisitions have one winner, a lost lease
// can never write, the non-owner reaches the owner's sandbox, and a lost lease stops the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../prisma/migrate-postgres.js';
import type { SandboxHandle } from '../sandbox/session/handle.js';
import { LocalSandboxHost } from '../sandbox/session/local.js';
import { ClusterSandboxHost } from '../sandbox/session/ownership.js';
import { LeaseBook, LeaseLostError } from '../sandbox/session/ownership-types.js';
import { servicesAvailable, startServices, type Services } from '../test-support/services.js';
import { RedisProcessBus } from './cluster-bus.js';
import { PrismaLeaseStore } from './cluster-leases.js';
import { FencedSandboxStore } from './cluster-store.js';
import { createDb, type Db } from './db.js';
import { PrismaSandboxStore } from './store.js';

const TTL = 10_000;
const snapshot = (text: string) => ({ version: 2, text }) as never;

describe.skipIf(!servicesAvailable())('sandbox ownership on PostgreSQL and Redis', () => {
  let services: Services;
  const dbs: Db[] = [];
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    services = await startServices();
    await migratePostgres(services.databaseUrl);
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    for (const db of dbs) await db.$disconnect();
    await services?.stop();
  });

  function db(): Db {
    const d = createDb(services.databaseUrl);
    dbs.push(d);
    return d;
  }

  async function process(name: string) {
    const d = db();
    const bus = await RedisProcessBus.connect(services.redisUrl);
    const book = new LeaseBook(bus.processId, TTL);
    const store = new FencedSandboxStore(d, new PrismaSandboxStore(d), book);
    const leases = new PrismaLeaseStore(d);
    let cluster: ClusterSandboxHost | undefined;
    const local = LocalSandboxHost.create({ store, saveDelayMs: 50, log: () => {}, onUnload: (id) => cluster?.innerUnloaded(id) });
    cluster = new ClusterSandboxHost({ inner: local, leases, bus, book, heartbeatMs: 60_000, log: () => {} });
    closers.push(() => cluster!.shutdown());
    return { name, db: d, bus, book, store, leases, local, cluster };
  }

  it('gives a sandbox to exactly one of two processes racing for it, and a higher fence to each new owner', async () => {
    const a = new PrismaLeaseStore(db());
    const b = new PrismaLeaseStore(db());
    const ids = Array.from({ length: 12 }, (_, i) => `race-user:lab-${i}`);
    const results = await Promise.all(ids.flatMap((id) => [a, b].map((s, k) => s.acquire({ sandboxId: id, userId: 'race-user', ownerId: `p${k}`, ttlMs: TTL }).then((r) => ({ id, k, r })))));
    for (const id of ids) {
      const winners = results.filter((x) => x.id === id && x.r.acquired);
      expect(winners, id).toHaveLength(1);
      const loser = results.find((x) => x.id === id && !x.r.acquired)!;
      expect(loser.r.lease.ownerId).toBe(`p${winners[0].k}`);
    }
    // Expired: the next process takes it, with the next fence; the old owner's renewal no longer covers it.
    const short = await a.acquire({ sandboxId: 'race-user:expiring', userId: 'race-user', ownerId: 'p0', ttlMs: 50 });
    await new Promise((r) => setTimeout(r, 120));
    const taken = await b.acquire({ sandboxId: 'race-user:expiring', userId: 'race-user', ownerId: 'p1', ttlMs: TTL });
    expect(taken).toMatchObject({ acquired: true, lease: { ownerId: 'p1', fence: short.lease.fence + 1 } });
    expect((await a.renew('p0', TTL)).has('race-user:expiring')).toBe(false);
  });

  it('runs a sandbox opened by two processes at the same moment in exactly one of them', async () => {
    const p = await process('twin-a');
    const q = await process('twin-b');
    for (let i = 0; i < 3; i++) {
      const [hp, hq] = await Promise.all([p.cluster.open(`twin-${i}`, 'deploy-nginx'), q.cluster.open(`twin-${i}`, 'deploy-nginx')]);
      expect(hp.id).toBe(hq.id);
    }
    expect(p.local.counts().active + q.local.counts().active).toBe(3);
    await expect(p.cluster.open('twin-0', 'no-such-lab')).rejects.toThrow('no lab named no-such-lab');
    expect(await p.db.sandboxLease.count({ where: { sandboxId: 'twin-0:no-such-lab' } })).toBe(0);
    for (let i = 0; i < 3; i++) expect(Boolean(p.cluster.owns(`twin-${i}:deploy-nginx`)) !== Boolean(q.cluster.owns(`twin-${i}:deploy-nginx`))).toBe(true);
  });

  it('refuses every snapshot write of a process that lost the lease (fencing)', async () => {
    const p = await process('fence-a');
    const q = await process('fence-b');
    await p.db.user.create({ data: { id: 'fenced-user' } });
    const id = 'fenced-user:deploy-nginx';
    const got = await p.leases.acquire({ sandboxId: id, userId: 'fenced-user', ownerId: p.bus.processId, ttlMs: TTL });
    p.book.hold(id, got.lease.fence);
    await p.store.save('fenced-user', 'deploy-nginx', snapshot('by A'));
    // B decides A is gone and takes over (a partition: A still thinks it runs the sandbox).
    const taken = await q.leases.acquire({ sandboxId: id, userId: 'fenced-user', ownerId: q.bus.processId, ttlMs: TTL, takeoverFrom: { ownerId: p.bus.processId, fence: got.lease.fence } });
    expect(taken.acquired).toBe(true);
    q.book.hold(id, taken.lease.fence);
    await q.store.save('fenced-user', 'deploy-nginx', snapshot('by B'));
    const lost: string[] = [];
    p.book.lost = (sandboxId) => lost.push(sandboxId);
    await expect(p.store.save('fenced-user', 'deploy-nginx', snapshot('late write by A'))).rejects.toThrow(LeaseLostError);
    expect(lost).toEqual([id]); // the owner is told at once, and stops the sandbox
    await expect(p.store.delete('fenced-user', 'deploy-nginx')).rejects.toThrow(/no longer holds its lease/);
    expect(await q.store.load('fenced-user', 'deploy-nginx')).toEqual(snapshot('by B'));
  });

  it('lets a process reach a sandbox another process runs: calls, output, files; a lost lease stops it there', async () => {
    const owner = await process('owner');
    const viewer = await process('viewer');
    const h1 = await owner.cluster.open('shared-learner', 'deploy-nginx');
    const h2 = await viewer.cluster.open('shared-learner', 'deploy-nginx');
    expect(owner.local.counts().active).toBe(1);
    expect(viewer.local.counts().active).toBe(0); // the viewer runs nothing: it forwards
    const lease = await owner.db.sandboxLease.findUniqueOrThrow({ where: { sandboxId: h1.id } });
    expect(lease.ownerId).toBe(owner.bus.processId);

    const seen = { owner: '', viewer: '' };
    const d1 = h1.addListener({ output: (d: string) => void (seen.owner += d) });
    const d2 = h2.addListener({ output: (d: string) => void (seen.viewer += d) });
    await h2.call('writeFile', 'notes.txt', 'typed far away');
    await h2.call('input', 'cat notes.txt\r');
    await until(() => seen.viewer.includes('typed far away'), () => seen.viewer);
    await until(() => seen.owner.includes('typed far away'), () => seen.owner);
    expect((await h2.call('readFile', '/root/notes.txt')).content).toBe('typed far away');
    await expect(h2.call('readFile', '/root/missing.txt')).rejects.toMatchObject({ name: 'VfsError', code: 'ENOENT' });

    // The owner loses its lease (taken over as if it were gone): its heartbeat stops the sandbox
    // there without saving, and the viewer's next call restores it from the snapshot, here.
    await new Promise((r) => setTimeout(r, 300)); // the 50 ms save is written
    d1(); // nobody watches on the owner's side any more: only the viewer's process
    await viewer.leases.acquire({ sandboxId: h1.id, userId: 'shared-learner', ownerId: 'someone-else', ttlMs: 300, takeoverFrom: { ownerId: owner.bus.processId, fence: lease.fence } });
    await owner.cluster.heartbeat();
    expect(owner.local.counts().active).toBe(0);
    await new Promise((r) => setTimeout(r, 400)); // someone-else's lease has expired
    await until(async () => (await h2.call('readFile', '/root/notes.txt').catch(() => undefined))?.content === 'typed far away', () => 'restored on the viewer');
    expect(viewer.local.counts().active).toBe(1);
    expect(owner.local.counts().active).toBe(0);
    expect((await viewer.db.sandboxLease.findUniqueOrThrow({ where: { sandboxId: h1.id } })).fence).toBe(lease.fence + 2);
    seen.viewer = '';
    await h2.call('input', 'echo still-here\r');
    await until(() => seen.viewer.includes('still-here\r\n'), () => seen.viewer);
    d2();
  });

  it('hands a sandbox over on SIGTERM: saved, lease given up, the other process goes on from the snapshot', async () => {
    const owner = await process('stopping-owner');
    const viewer = await process('staying-viewer');
    await owner.cluster.open('handover', 'deploy-nginx');
    const h = await viewer.cluster.open('handover', 'deploy-nginx');
    let out = '';
    const detach = h.addListener({ output: (d: string) => void (out += d) });
    await h.call('writeFile', 'last.txt', 'written just before the rolling update');
    const stopping = owner.cluster.shutdown(); // saves at once (no save delay), then releases
    const read = h.call('readFile', '/root/last.txt'); // asked while the owner stops: waits, then served here
    await stopping;
    expect((await read).content).toBe('written just before the rolling update');
    expect(viewer.local.counts().active).toBe(1);
    const lease = await viewer.db.sandboxLease.findUniqueOrThrow({ where: { sandboxId: h.id } });
    expect(lease).toMatchObject({ ownerId: viewer.bus.processId, fence: 2 });
    detach();
  });

  it('moves a watched sandbox to the watching process when its owner vanishes, with a notice', async () => {
    const owner = await process('vanishing-owner');
    const viewer = await process('watching-viewer');
    await owner.cluster.open('watcher', 'deploy-nginx');
    const h = await viewer.cluster.open('watcher', 'deploy-nginx');
    let out = '';
    const detach = h.addListener({ output: (d: string) => void (out += d) });
    await h.call('input', 'echo before\r');
    await until(() => out.includes('before\r\n'), () => out);
    await new Promise((r) => setTimeout(r, 300)); // saved
    await owner.bus.close(); // its Redis connection is gone, as when the process is killed
    await viewer.cluster.heartbeat();
    await until(() => out.includes('moved to another server process'), () => out);
    expect(viewer.local.counts().active).toBe(1);
    await h.call('input', 'echo after\r');
    await until(() => out.includes('after\r\n'), () => out);
    detach();
  });
});

async function until(check: () => boolean | Promise<boolean>, what: () => string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what().slice(-400)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type { SandboxHandle };
