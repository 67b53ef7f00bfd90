// The sandbox store when several processes share the database: a snapshot is written (or
// deleted) only in a transaction that first finds this process's lease with the fence it was
// given (and holds that row locked until commit). A process that lost the lease, however late
// its write arrives, cannot overwrite the work of the process that took over.
import type { ChecksUpdate } from '../sandbox/protocol.js';
import { sandboxIdOf } from '../sandbox/session/manager.js';
import { LeaseLostError, type LeaseBook } from '../sandbox/session/ownership-types.js';
import type { SandboxSnapshotData } from '../sandbox/session/snapshot.js';
import type { SandboxStore } from '../sandbox/session/store.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from './db.js';

type Tx = Prisma.TransactionClient;

export class FencedSandboxStore implements SandboxStore {
  constructor(
    private readonly db: Db,
    private readonly inner: SandboxStore,
    private readonly book: LeaseBook,
  ) {}

  load(userId: string, labSlug: string): Promise<SandboxSnapshotData | undefined> {
    return this.inner.load(userId, labSlug);
  }

  save(userId: string, labSlug: string, snapshot: SandboxSnapshotData): Promise<void> {
    return this.saveSerialized(userId, labSlug, snapshot.version, JSON.stringify(snapshot));
  }

  saveSerialized(userId: string, labSlug: string, version: number, data: string): Promise<void> {
    return this.fenced(userId, labSlug, 'write its snapshot', async (tx) => {
      await tx.sandboxSnapshot.upsert({
        where: { userId_labSlug: { userId, labSlug } },
        create: { id: sandboxIdOf(userId, labSlug), userId, labSlug, version, data },
        update: { version, data },
      });
    });
  }

  delete(userId: string, labSlug: string): Promise<void> {
    return this.fenced(userId, labSlug, 'delete its snapshot', async (tx) => {
      await tx.sandboxSnapshot.deleteMany({ where: { userId, labSlug } });
    });
  }

  ensureUser(userId: string): Promise<void> {
    return this.inner.ensureUser(userId);
  }

  saveResults(userId: string, labSlug: string, update: ChecksUpdate): Promise<void> {
    return this.inner.saveResults(userId, labSlug, update);
  }

  deleteUser(userId: string): Promise<void> {
    return this.inner.deleteUser(userId);
  }

  private async fenced(userId: string, labSlug: string, what: string, write: (tx: Tx) => Promise<void>): Promise<void> {
    const sandboxId = sandboxIdOf(userId, labSlug);
    const fence = this.book.fenceOf(sandboxId);
    const refuse = () => new LeaseLostError(`sandbox ${sandboxId}: this process no longer holds its lease, so it may not ${what}`);
    if (fence === undefined) throw refuse();
    await this.db.$transaction(async (tx) => {
      const held = await tx.sandboxLease.updateMany({
        where: { sandboxId, ownerId: this.book.ownerId, fence },
        data: { expiresAt: new Date(Date.now() + this.book.ttlMs) },
      });
      if (held.count !== 1) {
        this.book.lost?.(sandboxId);
        throw refuse();
      }
      await write(tx);
    });
  }
}
