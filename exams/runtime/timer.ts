// The exam's countdown, as pure functions of the server's deadline and a clock the caller gives
// (the page's clock corrected to the server's, a test's fixed instant). The deadline is the
// server's: the page only shows it; the server grades at it whatever the page shows.
/** Minutes left at which the candidate is warned, as the real exam's proctor does. */
export const WARNING_MINUTES = [30, 15, 5] as const;
export type WarningMinutes = (typeof WARNING_MINUTES)[number];

export interface CountdownState {
  remainingMs: number;
  ended: boolean;
  /** The last warning threshold reached (30, 15 or 5 minutes left), if any. */
  warning?: WarningMinutes;
}

export function countdown(deadlineMs: number, nowMs: number): CountdownState {
  const remainingMs = Math.max(0, deadlineMs - nowMs);
  const reached = WARNING_MINUTES.filter((m) => remainingMs <= m * 60_000);
  return { remainingMs, ended: remainingMs === 0, warning: remainingMs > 0 ? reached.at(-1) : undefined };
}

/** The warning crossed between two readings of the clock (one announcement per threshold). */
export function warningCrossed(beforeMs: number, afterMs: number): WarningMinutes | undefined {
  const crossed = WARNING_MINUTES.filter((m) => beforeMs > m * 60_000 && afterMs <= m * 60_000 && afterMs > 0);
  return crossed.at(-1);
}

/** What the screen reader hears at a warning. */
export function warningText(minutes: WarningMinutes): string {
  return `${minutes} minutes left in the exam.`;
}

/** 1:59:59, 14:05, 0:09 (hours only when there are any). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
