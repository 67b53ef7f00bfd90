// The session's persistence (sandbox/session/store.ts) on Prisma.
import type { ChecksUpdate } from '../sandbox/protocol.js';
import type { SandboxSnapshotData } from '../sandbox/session/snapshot.js';
import type { SandboxStore } from '../sandbox/session/store.js';
import type { Db } from './db.js';

export class PrismaSandboxStore implements SandboxStore {
  constructor(private readonly db: Db) {}

  async load(userId: string, labSlug: string): Promise<SandboxSnapshotData | undefined> {
    const row = await this.db.sandboxSnapshot.findUnique({ where: { userId_labSlug: { userId, labSlug } } });
    return row ? (JSON.parse(row.data) as SandboxSnapshotData) : undefined;
  }

  async save(userId: string, labSlug: string, snapshot: SandboxSnapshotData): Promise<void> {
    await this.saveSerialized(userId, labSlug, snapshot.version, JSON.stringify(snapshot));
  }

  async saveSerialized(userId: string, labSlug: string, version: number, data: string): Promise<void> {
    await this.db.sandboxSnapshot.upsert({
      where: { userId_labSlug: { userId, labSlug } },
      create: { id: `${userId}:${labSlug}`, userId, labSlug, version, data },
      update: { version, data },
    });
  }

  async delete(userId: string, labSlug: string): Promise<void> {
    await this.db.sandboxSnapshot.deleteMany({ where: { userId, labSlug } });
  }

  /** Snapshots, attempts and results go with the User row (onDelete: Cascade). */
  async deleteUser(userId: string): Promise<void> {
    await this.db.user.deleteMany({ where: { id: userId } });
  }

  async ensureUser(userId: string): Promise<void> {
    await this.db.user.upsert({ where: { id: userId }, create: { id: userId }, update: { lastSeenAt: new Date() } });
  }

  async saveResults(userId: string, labSlug: string, update: ChecksUpdate): Promise<void> {
    const now = new Date();
    await this.db.$transaction(async (tx) => {
      const attempt = await tx.labAttempt.upsert({ where: { userId_labSlug: { userId, labSlug } }, create: { userId, labSlug }, update: {} });
      if (update.allPassed && !attempt.completedAt) await tx.labAttempt.update({ where: { id: attempt.id }, data: { completedAt: now } });
      for (const check of update.checks) {
        if (check.state === 'pending') continue;
        const passed = check.state === 'passed';
        const key = { attemptId_checkId: { attemptId: attempt.id, checkId: check.id } };
        const existing = await tx.checkResult.findUnique({ where: key });
        const firstPassedAt = existing?.firstPassedAt ?? (passed ? now : null);
        await tx.checkResult.upsert({
          where: key,
          create: { attemptId: attempt.id, checkId: check.id, passed, message: check.message, firstPassedAt },
          update: { passed, message: check.message, firstPassedAt },
        });
      }
    });
  }
}
