// Deleting an account: its live sandboxes stop, its snapshots, progress, attempts, sessions and
// every other row keyed by its id go (USER_TABLES for tables without a cascading relation).
import type { Db } from '../db.js';
import { USER_TABLES } from './user-tables';

/** What deletion needs from the sandbox host (sandbox/session SandboxHost.deleteLearner). */
export interface SandboxDeleter {
  deleteLearner(userId: string): Promise<void>;
}

export async function deleteAccount(db: Db, sandboxes: SandboxDeleter | undefined, userId: string): Promise<void> {
  // First the sandboxes, so none saves a snapshot after its rows are gone.
  await sandboxes?.deleteLearner(userId);
  await db.$transaction(async (tx) => {
    for (const table of USER_TABLES) await table.remove(tx, userId);
    await tx.user.deleteMany({ where: { id: userId } });
  });
}
