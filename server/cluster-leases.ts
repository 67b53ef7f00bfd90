// Sandbox leases in the shared database (the SandboxLease model), for sandbox/session/ownership.ts.
// Every change of owner is a compare-and-set on (ownerId, fence) and raises the fence by one, so
// of two processes racing for one sandbox exactly one wins; PostgreSQL row locks (SQLite: its one
// writer) serialise the racers. Times are the processes' clocks: keep them in sync (NTP) to well
// under the lease time.
import type { AcquireRequest, Lease, LeaseStore } from '../sandbox/session/ownership-types.js';
import type { Db } from './db.js';

interface Row {
  sandboxId: string;
  ownerId: string;
  fence: number;
  expiresAt: Date;
}

const toLease = (r: Row): Lease => ({ sandboxId: r.sandboxId, ownerId: r.ownerId, fence: r.fence, expiresAt: r.expiresAt.getTime() });

export class PrismaLeaseStore implements LeaseStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(req: AcquireRequest): Promise<{ acquired: boolean; lease: Lease }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.now();
      const expiresAt = new Date(now + req.ttlMs);
      const row = await this.db.sandboxLease.findUnique({ where: { sandboxId: req.sandboxId } });
      if (!row) {
        const created = await this.db.sandboxLease
          .create({ data: { sandboxId: req.sandboxId, userId: req.userId, ownerId: req.ownerId, fence: 1, expiresAt } })
          .catch((e: { code?: string }) => (e.code === 'P2002' ? undefined : Promise.reject(e)));
        if (created) return { acquired: true, lease: toLease(created) };
        continue; // another process created it first: look again
      }
      const mine = row.ownerId === req.ownerId;
      const takeover = req.takeoverFrom && req.takeoverFrom.ownerId === row.ownerId && req.takeoverFrom.fence === row.fence;
      if (!mine && !takeover && row.expiresAt.getTime() >= now) return { acquired: false, lease: toLease(row) };
      const fence = mine ? row.fence : row.fence + 1;
      const won = await this.db.sandboxLease.updateMany({
        where: { sandboxId: req.sandboxId, ownerId: row.ownerId, fence: row.fence, ...(mine || takeover ? {} : { expiresAt: { lt: new Date(now) } }) },
        data: { ownerId: req.ownerId, userId: req.userId, fence, expiresAt },
      });
      if (won.count === 1) return { acquired: true, lease: { sandboxId: req.sandboxId, ownerId: req.ownerId, fence, expiresAt: expiresAt.getTime() } };
    }
    const row = await this.db.sandboxLease.findUniqueOrThrow({ where: { sandboxId: req.sandboxId } });
    return { acquired: false, lease: toLease(row) };
  }

  async renew(ownerId: string, ttlMs: number): Promise<Set<string>> {
    const now = this.now();
    // A lease that already expired is renewed only while nobody took it (still ours).
    await this.db.sandboxLease.updateMany({ where: { ownerId, expiresAt: { gt: new Date(0) } }, data: { expiresAt: new Date(now + ttlMs) } });
    const rows = await this.db.sandboxLease.findMany({ where: { ownerId, expiresAt: { gt: new Date(now) } }, select: { sandboxId: true } });
    return new Set(rows.map((r) => r.sandboxId));
  }

  async release(sandboxId: string, ownerId: string, fence: number): Promise<void> {
    await this.db.sandboxLease.updateMany({ where: { sandboxId, ownerId, fence }, data: { expiresAt: new Date(0) } });
  }

  async releaseAll(ownerId: string): Promise<void> {
    await this.db.sandboxLease.updateMany({ where: { ownerId }, data: { expiresAt: new Date(0) } });
  }

  async ofUser(userId: string): Promise<Lease[]> {
    return (await this.db.sandboxLease.findMany({ where: { userId } })).map(toLease);
  }

  async deleteOfUser(userId: string): Promise<void> {
    await this.db.sandboxLease.deleteMany({ where: { userId } });
  }
}
