// A guest signs up or signs in: everything they did as a guest becomes the account's. Live
// sandboxes are saved and unloaded first (their snapshots then move with the rest), so the
// account's next open restores them where the guest left off.
import type { Db } from '../db.js';
import { USER_TABLES } from './user-tables.js';

/** What carry-over needs from the sandbox host (sandbox/session): save and unload a learner's sandboxes. */
export interface SandboxUnloader {
  unloadLearner(userId: string): Promise<void>;
}

export interface CarryOverInput {
  db: Db;
  guestId: string;
  accountId: string;
  sandboxes?: SandboxUnloader;
}

/** Moves the guest's rows into the account. Returns false when there was nothing to carry. */
export async function carryOverGuest({ db, guestId, accountId, sandboxes }: CarryOverInput): Promise<boolean> {
  if (guestId === accountId) return false;
  const guest = await db.user.findUnique({ where: { id: guestId } });
  // Only a guest's work moves: a signed cookie can never hand over another account's rows.
  if (!guest || guest.kind !== 'guest') return false;
  await sandboxes?.unloadLearner(guestId);
  await db.$transaction(async (tx) => {
    for (const table of USER_TABLES) await table.carry(tx, guestId, accountId);
  });
  return true;
}
