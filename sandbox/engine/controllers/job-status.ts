// Job status as the 1.32 job controller writes it: counts from the job-tracking finalizer,
// the interim SuccessCriteriaMet/FailureTarget conditions, then Complete/Failed once no pod
// is terminating, and the back-off between pod failures (10 s doubling, at most 6 minutes).
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../clock.js';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_MAX_MS = 6 * 60_000;

export type Finish = { type: 'Complete' | 'Failed'; reason: string; message: string };

export const COMPLETIONS_REACHED: Finish = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
export const BACKOFF_LIMIT_EXCEEDED: Finish = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE_EXCEEDED: Finish = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };

/** The interim condition that precedes Complete/Failed while pods still terminate. */
export const interimType = (f: Finish) => (f.type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget');

export function condition(status: JobStatus | undefined, type: string): JobCondition | undefined {
  return status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

export function isFinished(job: Job): boolean {
  return !!(condition(job.status, 'Complete') ?? condition(job.status, 'Failed'));
}

/** When the job finished (the Complete/Failed condition's transition), for the TTL controller. */
export function finishedAt(job: Job): number | undefined {
  const c = condition(job.status, 'Complete') ?? condition(job.status, 'Failed');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

export function addCondition(status: JobStatus, type: string, f: Pick<Finish, 'reason' | 'message'>, now: number): void {
  if (condition(status, type)) return;
  const t = rfc3339(now);
  status.conditions = [...(status.conditions ?? []), { lastProbeTime: t, lastTransitionTime: t, message: f.message, reason: f.reason, status: 'True', type }];
}

/** The interim condition already recorded, as a Finish to complete. */
export function pendingFinish(job: Job): Finish | undefined {
  const met = condition(job.status, 'SuccessCriteriaMet');
  if (met) return { type: 'Complete', reason: met.reason!, message: met.message! };
  const target = condition(job.status, 'FailureTarget');
  if (target) return { type: 'Failed', reason: target.reason!, message: target.message! };
  return undefined;
}

export const isFinishedPod = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** When a failed pod ended: its containers' latest finishedAt, else its last condition change. */
function failedAt(p: Pod): number {
  const times = (p.status?.containerStatuses ?? []).map((c) => c.state?.terminated?.finishedAt).filter((t): t is string => !!t).map((t) => Date.parse(t));
  if (times.length) return Math.max(...times);
  return Math.max(0, ...(p.status?.conditions ?? []).map((c) => Date.parse(c.lastTransitionTime ?? '1970-01-01T00:00:00Z')));
}

/** When the next pod may be created after failures (jobBackoff: 10 s × 2^(n-1), at most 6 min). */
export function backoffUntil(failedPods: Pod[], failures: number): number | undefined {
  if (failures === 0 || failedPods.length === 0) return undefined;
  const last = Math.max(...failedPods.map(failedAt));
  return last + Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
}

/** The API omits zero counts for active/succeeded/failed but shows ready and terminating. */
export function compactJobStatus(s: JobStatus): JobStatus {
  const out: Record<string, unknown> = {};
  const order = ['conditions', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating', 'uncountedTerminatedPods', 'ready'];
  for (const k of order) {
    const v = (s as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if ((k === 'active' || k === 'succeeded' || k === 'failed') && v === 0) continue;
    if (k === 'conditions' && (v as unknown[]).length === 0) continue;
    out[k] = v;
  }
  return out as JobStatus;
}
