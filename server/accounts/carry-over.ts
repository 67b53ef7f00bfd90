// A guest signs up or signs in: everything they did as a guest becomes the account's. Sandboxes
// move by their snapshots (saved within a second of the guest's last change): the rows move to
// the account, then the guest's live copies are dropped, so the account's next open restores them
// where the guest left off. (SandboxHost.reset drops a live sandbox without saving it again.)
import type { Db } from '../db.js';
import { USER_TABLES } from './user-tables.js';

/** What carry-over needs from the sandbox host (sandbox/session SandboxHost.reset). */
export interface SandboxDropper {
  reset(userId: string, labSlug: string): Promise<void>;
}

export interface CarryOverInput {
  db: Db;
  guestId: string;
  accountId: string;
  sandboxes?: SandboxDropper;
}

/** Moves the guest's rows into the account. Returns false when there was nothing to carry. */
export async function carryOverGuest({ db, guestId, accountId, sandboxes }: CarryOverInput): Promise<boolean> {
  if (guestId === accountId) return false;
  const guest = await db.user.findUnique({ where: { id: guestId } });
  // Only a guest's work moves: a signed cookie can never hand over another account's rows.
  if (!guest || guest.kind !== 'guest') return false;
  const sandboxLabs = (await db.sandboxSnapshot.findMany({ where: { userId: guestId }, select: { labSlug: true } })).map((s) => s.labSlug);
  await db.$transaction(async (tx) => {
    for (const table of USER_TABLES) await table.carry(tx, guestId, accountId);
  });
  // The guest's snapshots are the account's now; the guest's store rows are gone, so this only stops the live copies.
  for (const labSlug of sandboxLabs) await sandboxes?.reset(guestId, labSlug);
  return true;
}
