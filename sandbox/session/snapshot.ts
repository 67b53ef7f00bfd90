// The sandbox snapshot format and its migrations. Every snapshot carries its version; a stored
// snapshot of any older version is migrated step by step on load, so a deploy never strands a
// learner's work. Add a version: bump SNAPSHOT_VERSION, add a step to MIGRATIONS, test it.
import type { VfsSnapshot } from '../shell/vfs.js';

export const SNAPSHOT_VERSION = 2;

export interface SandboxSnapshotData {
  version: typeof SNAPSHOT_VERSION;
  labSlug: string;
  /** Simulated time. */
  clockMs: number;
  /** Wall time when the snapshot was taken (v2): a restore catches up from here. */
  savedAtMs: number;
  randomState: number;
  cluster?: unknown;
  fs: VfsSnapshot;
  terminal?: unknown;
  screen: string;
  /** Answers to the lab's questions (question id → answer). */
  answers: Record<string, string>;
}

export class SnapshotVersionError extends Error {}

type AnySnapshot = Record<string, unknown> & { version?: unknown };

/** v1 → v2: v1 had no wall time (its simulated clock followed wall time) and optional answers. */
function v1ToV2(s: AnySnapshot): AnySnapshot {
  return { ...s, version: 2, savedAtMs: s.clockMs, answers: s.answers ?? {} };
}

const MIGRATIONS: Record<number, (s: AnySnapshot) => AnySnapshot> = { 1: v1ToV2 };

/** Any stored snapshot, brought to the current version (throws SnapshotVersionError otherwise). */
export function migrateSnapshot(raw: unknown): SandboxSnapshotData {
  let s = raw as AnySnapshot;
  if (!s || typeof s !== 'object' || typeof s.version !== 'number') throw new SnapshotVersionError('not a sandbox snapshot');
  while (s.version !== SNAPSHOT_VERSION) {
    const step = MIGRATIONS[s.version as number];
    if (!step) throw new SnapshotVersionError(`unknown sandbox snapshot version ${String(s.version)}`);
    s = step(s);
  }
  return s as unknown as SandboxSnapshotData;
}
