// CronJob schedules with the cron-parser package, on simulated time: the engine's clock is
// passed as currentDate (cron-parser would otherwise read the wall clock). Kubernetes parses
// with robfig/cron's standard parser: five fields plus the @yearly/@monthly/@weekly/@daily/
// @midnight/@hourly descriptors, in spec.timeZone (UTC when unset).
import { CronExpressionParser } from 'cron-parser';

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parse(schedule: string, fromMs: number, timeZone?: string) {
  const expr = DESCRIPTORS[schedule.trim()] ?? schedule.trim();
  return CronExpressionParser.parse(expr, { currentDate: new Date(fromMs), tz: timeZone ?? 'UTC' });
}

/** The first scheduled time strictly after fromMs. */
export function nextScheduleAfter(schedule: string, fromMs: number, timeZone?: string): number {
  return parse(schedule, fromMs, timeZone).next().getTime();
}

/**
 * The most recent scheduled time in (earliestMs, nowMs], and how many were missed in that
 * window (getMostRecentScheduleTime); undefined when none fell due.
 */
export function mostRecentSchedule(schedule: string, earliestMs: number, nowMs: number, timeZone?: string): { time: number; missed: number } | undefined {
  const it = parse(schedule, earliestMs, timeZone);
  let last: number | undefined;
  let missed = 0;
  for (;;) {
    const t = it.next().getTime();
    if (t > nowMs) break;
    last = t;
    missed++;
    if (missed > 1000) {
      // Far behind: jump straight to the latest time before now instead of walking every one.
      const back = parse(schedule, nowMs + 1, timeZone).prev().getTime();
      return { time: back, missed };
    }
  }
  return last === undefined ? undefined : { time: last, missed };
}

/** Throws cron-parser's error for a schedule it cannot read (the controller then records an event). */
export function checkSchedule(schedule: string, timeZone?: string): void {
  parse(schedule, 0, timeZone);
}
