// Who is stuck: no check passed for N minutes (the workshop's setting), or the same check failing
// again and again with a different complaint each time (the learner is trying, and not getting
// there). Pure, so the dashboard re-evaluates it every few seconds in the browser as time passes.
import type { LabCell } from './progress';

export const DEFAULT_STUCK_MINUTES = 10;
/** Different failures in a row of one check before the participant is flagged. */
export const DEFAULT_FAIL_REPEATS = 3;

/** Per check: its last failure message and how many different failures in a row it had. */
export type FailMemory = Record<string, { message: string; streak: number }>;

/**
 * After a grading: a failed check whose message changed counts one more failed attempt; a pass
 * clears it. The first failure seen (a lab just opened) does not count: nothing was tried yet.
 */
export function nextFailMemory(prev: FailMemory, checks: { id: string; state: string; message: string }[]): FailMemory {
  const next: FailMemory = {};
  for (const c of checks) {
    if (c.state !== 'failed') continue;
    const before = prev[c.id];
    if (!before) next[c.id] = { message: c.message, streak: 0 };
    else next[c.id] = before.message === c.message ? before : { message: c.message, streak: before.streak + 1 };
  }
  return next;
}

export function worstFailure(memory: FailMemory): { checkId: string; streak: number } | undefined {
  let worst: { checkId: string; streak: number } | undefined;
  for (const [checkId, { streak }] of Object.entries(memory)) if (streak > 0 && streak > (worst?.streak ?? 0)) worst = { checkId, streak };
  return worst;
}

export interface StuckInput {
  joinedAt: string;
  startsAt: string;
  cells: LabCell[];
}

export interface StuckOptions {
  stuckMinutes: number;
  failRepeats?: number;
}

/** Why the participant looks stuck, or undefined. */
export function stuckReason(p: StuckInput, nowMs: number, opts: StuckOptions): string | undefined {
  if (p.cells.length > 0 && p.cells.every((c) => c.completedAt)) return undefined;
  const repeats = opts.failRepeats ?? DEFAULT_FAIL_REPEATS;
  const failing = p.cells.find((c) => c.failStreak >= repeats);
  if (failing) return `${failing.failingCheck} failed ${failing.failStreak} times in a row (${failing.labSlug})`;
  const since = Math.max(Date.parse(p.joinedAt), Date.parse(p.startsAt), ...p.cells.map((c) => (c.lastPassAt ? Date.parse(c.lastPassAt) : 0)));
  const idleMinutes = Math.floor((nowMs - since) / 60_000);
  if (idleMinutes >= opts.stuckMinutes) return `no progress for ${idleMinutes} min`;
  return undefined;
}
