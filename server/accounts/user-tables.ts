// Every table that holds a learner's rows, and what happens to them when a guest's work moves into
// an account (carry-over) or an account is deleted. A new table keyed by a user id adds ONE line
// to USER_TABLES: `keepAccountRow('exam', ['examSlug'])` moves the guest's rows unless the account
// already has a row with the same values in those fields (then the account's row wins).
import type { Db } from '../db.js';

/** The client inside a transaction (what db.$transaction hands its callback). */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface UserTable {
  name: string;
  /** Move `from`'s rows to `to`, resolving clashes with rows `to` already has. */
  carry(tx: Tx, from: string, to: string): Promise<void>;
  /** Delete `userId`'s rows (tables without a cascading relation to User). */
  remove(tx: Tx, userId: string): Promise<void>;
}

interface RowDelegate {
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  findFirst(args: unknown): Promise<Record<string, unknown> | null>;
  update(args: unknown): Promise<unknown>;
  delete(args: unknown): Promise<unknown>;
  deleteMany(args: unknown): Promise<unknown>;
}

function delegate(tx: Tx, model: string): RowDelegate {
  const d = (tx as unknown as Record<string, RowDelegate | undefined>)[model];
  if (!d) throw new Error(`no model ${model} in the Prisma client`);
  return d;
}

/**
 * A table whose rows are the user's through `field` (default userId) and unique per user on
 * `uniqueWith` (empty: no clash possible). On a clash the account's row stays, the guest's goes.
 */
export function keepAccountRow(model: string, uniqueWith: string[] = [], field = 'userId'): UserTable {
  return {
    name: model,
    async carry(tx, from, to) {
      const rows = delegate(tx, model);
      for (const row of await rows.findMany({ where: { [field]: from } })) {
        const same = Object.fromEntries(uniqueWith.map((f) => [f, row[f]]));
        const clash = uniqueWith.length > 0 && (await rows.findFirst({ where: { ...same, [field]: to } }));
        if (clash) await rows.delete({ where: { id: row.id } });
        else await rows.update({ where: { id: row.id }, data: { [field]: to } });
      }
    },
    async remove(tx, userId) {
      await delegate(tx, model).deleteMany({ where: { [field]: userId } });
    },
  };
}

/** Lessons read: one row per lesson; on a clash the earliest read and any completion are kept. */
const lessonProgress: UserTable = {
  name: 'lessonProgress',
  async carry(tx, from, to) {
    for (const row of await tx.lessonProgress.findMany({ where: { userId: from } })) {
      const mine = await tx.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: to, lessonSlug: row.lessonSlug } } });
      if (!mine) {
        await tx.lessonProgress.update({ where: { id: row.id }, data: { userId: to } });
        continue;
      }
      const firstReadAt = row.firstReadAt < mine.firstReadAt ? row.firstReadAt : mine.firstReadAt;
      await tx.lessonProgress.update({ where: { id: mine.id }, data: { firstReadAt, completedAt: mine.completedAt ?? row.completedAt } });
      await tx.lessonProgress.delete({ where: { id: row.id } });
    }
  },
  async remove(tx, userId) {
    await tx.lessonProgress.deleteMany({ where: { userId } });
  },
};

/** How far an attempt got: a completed lab beats any count of passed checks. */
async function progressOf(tx: Tx, attemptId: string, completed: boolean): Promise<number> {
  const passed = await tx.checkResult.count({ where: { attemptId, passed: true } });
  return (completed ? 1_000_000 : 0) + passed;
}

/**
 * Lab attempts (with their check results) and sandbox snapshots, together: when both have worked
 * on a lab, the attempt with more progress stays, and the sandbox that goes with it.
 */
const labWork: UserTable = {
  name: 'labAttempt+sandboxSnapshot',
  async carry(tx, from, to) {
    const guestAttempts = await tx.labAttempt.findMany({ where: { userId: from } });
    const guestSnapshots = await tx.sandboxSnapshot.findMany({ where: { userId: from } });
    const labs = new Set([...guestAttempts.map((a) => a.labSlug), ...guestSnapshots.map((s) => s.labSlug)]);
    for (const labSlug of labs) {
      const theirs = guestAttempts.find((a) => a.labSlug === labSlug);
      const mine = await tx.labAttempt.findUnique({ where: { userId_labSlug: { userId: to, labSlug } } });
      const guestWins = !mine || (theirs !== undefined && (await progressOf(tx, theirs.id, !!theirs.completedAt)) > (await progressOf(tx, mine.id, !!mine.completedAt)));
      const mySnapshot = await tx.sandboxSnapshot.findUnique({ where: { userId_labSlug: { userId: to, labSlug } } });
      const guestSnapshot = guestSnapshots.find((s) => s.labSlug === labSlug);
      if (guestWins && theirs) {
        if (mine) await tx.labAttempt.delete({ where: { id: mine.id } });
        await tx.labAttempt.update({ where: { id: theirs.id }, data: { userId: to } });
      } else if (theirs) {
        await tx.labAttempt.delete({ where: { id: theirs.id } });
      }
      if (!guestSnapshot) continue;
      // A guest sandbox without an attempt row still moves when the account has none for the lab.
      if ((guestWins && theirs) || !mySnapshot) {
        if (mySnapshot) await tx.sandboxSnapshot.delete({ where: { id: mySnapshot.id } });
        await tx.sandboxSnapshot.delete({ where: { id: guestSnapshot.id } });
        const { id: _old, userId: _from, ...rest } = guestSnapshot;
        await tx.sandboxSnapshot.create({ data: { ...rest, id: `${to}:${labSlug}`, userId: to } });
      } else {
        await tx.sandboxSnapshot.delete({ where: { id: guestSnapshot.id } });
      }
    }
  },
  async remove(tx, userId) {
    await tx.sandboxSnapshot.deleteMany({ where: { userId } });
    await tx.labAttempt.deleteMany({ where: { userId } });
  },
};

/** Every table with a learner's rows. Add a line for a new one. */
export const USER_TABLES: UserTable[] = [
  lessonProgress,
  labWork,
  keepAccountRow('certificate', ['courseSlug']),
  keepAccountRow('workshopParticipant', ['workshopId']),
  keepAccountRow('workshop', [], 'instructorId'),
  keepAccountRow('examAttempt'),
];
