// The CronJob controller (pkg/controller/cronjob, v2): at each scheduled time creates a Job
// `<cronjob>-<minutes since the epoch>` from jobTemplate, honouring suspend,
// startingDeadlineSeconds and concurrencyPolicy (Allow, Forbid, Replace); tracks its Jobs in
// status.active, lastScheduleTime and lastSuccessfulTime, and deletes finished Jobs beyond
// successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1).
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { cronJobsRef, GVR2, getOrUndefined, jobsRef } from './refs-extra.js';
import { controllerOf, ownerRefTo } from './selectors.js';
import { condition, isFinished } from './job-status.js';
import { checkSchedule, mostRecentSchedule, nextScheduleAfter } from './cron-schedule.js';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const cronJobKeyOfJob = (obj: KubeObject): string[] => {
  const owner = controllerOf(obj);
  return owner?.kind === 'CronJob' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
};

const jobRef = (j: Job): ObjectReference => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata!.name, namespace: j.metadata!.namespace, resourceVersion: j.metadata!.resourceVersion, uid: j.metadata!.uid });

export class CronJobController implements Controller {
  readonly name = CRONJOB_CONTROLLER;
  readonly watches = [
    { ...GVR2.cronJobs, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...GVR2.jobs, keysFor: cronJobKeyOfJob, keysForDeleted: cronJobKeyOfJob },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const cj = getOrUndefined<CronJob>(() => ctx.api.get(cronJobsRef(namespace, name)));
    if (!cj) return;
    const cjObj = cj as unknown as KubeObject;
    const jobs = (ctx.api.list(jobsRef(namespace)).items as unknown as Job[]).filter((j) => controllerOf(j as unknown as KubeObject)?.uid === cj.metadata!.uid);
    const status = JSON.parse(JSON.stringify(cj.status ?? {})) as NonNullable<CronJob['status']>;
    this.syncActive(cjObj, status, jobs, ctx);
    let requeue: number | undefined;
    if (!cj.metadata?.deletionTimestamp && !cj.spec?.suspend) requeue = this.schedule(cj, cjObj, status, jobs, ctx);
    this.writeStatus(cj, status, ctx);
    if (!cj.metadata?.deletionTimestamp) this.cleanupHistory(cj, cjObj, ctx);
    return requeue === undefined ? undefined : { requeueAfterMs: Math.max(1, requeue - ctx.clock.now()) };
  }

  /** Finished Jobs leave status.active (SawCompletedJob); a successful one sets lastSuccessfulTime. */
  private syncActive(cjObj: KubeObject, status: NonNullable<CronJob['status']>, jobs: Job[], ctx: ControllerContext): void {
    const byUid = new Map(jobs.map((j) => [j.metadata!.uid, j]));
    const active: ObjectReference[] = [];
    for (const ref of status.active ?? []) {
      const j = byUid.get(ref.uid);
      if (!j) continue; // deleted: forget it
      if (isFinished(j)) {
        const type = condition(j.status, 'Complete') ? 'Complete' : 'Failed';
        ctx.recordEvent(cjObj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata!.name}, condition: ${type}`);
      } else active.push(ref);
    }
    // Jobs it created that it lost track of (e.g. a status write lost) are active again.
    for (const j of jobs) if (!isFinished(j) && !active.some((r) => r.uid === j.metadata!.uid)) active.push(jobRef(j));
    for (const j of jobs) {
      const done = condition(j.status, 'Complete') && j.status?.completionTime;
      if (done && (!status.lastSuccessfulTime || Date.parse(j.status!.completionTime!) > Date.parse(status.lastSuccessfulTime))) status.lastSuccessfulTime = j.status!.completionTime;
    }
    if (active.length) status.active = active;
    else delete status.active;
  }

  /** Starts the Job due now, if any; returns when the next one is due. */
  private schedule(cj: CronJob, cjObj: KubeObject, status: NonNullable<CronJob['status']>, jobs: Job[], ctx: ControllerContext): number | undefined {
    const now = ctx.clock.now();
    const tz = cj.spec?.timeZone;
    try {
      checkSchedule(cj.spec!.schedule, tz);
    } catch (e) {
      ctx.recordEvent(cjObj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec!.schedule)} : ${(e as Error).message}`);
      return undefined;
    }
    let earliest = Date.parse(status.lastScheduleTime ?? cj.metadata!.creationTimestamp!);
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined) earliest = Math.max(earliest, now - sds * 1000);
    const next = nextScheduleAfter(cj.spec!.schedule, now, tz);
    const due = mostRecentSchedule(cj.spec!.schedule, earliest, now, tz);
    if (!due) return next;
    if (due.missed > 100) ctx.recordEvent(cjObj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    if (sds !== undefined && due.time + sds * 1000 < now) {
      ctx.recordEvent(cjObj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc3339(due.time)}`);
      return next;
    }
    const name = `${cj.metadata!.name}-${Math.floor(due.time / 60_000)}`;
    if (jobs.some((j) => j.metadata!.name === name)) return next; // already started for this time
    const running = (status.active ?? []).length > 0;
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && running) return next; // the real controller retries until the next time, then skips
    if (policy === 'Replace') for (const ref of status.active ?? []) this.deleteJob(cjObj, ref.name!, cj.metadata!.namespace!, ctx);
    if (policy === 'Replace') delete status.active;
    const created = this.createJob(cj, cjObj, name, due.time, ctx);
    if (created) {
      status.active = [...(status.active ?? []), jobRef(created)];
      status.lastScheduleTime = rfc3339(due.time);
    }
    return next;
  }

  private createJob(cj: CronJob, cjObj: KubeObject, name: string, scheduled: number, ctx: ControllerContext): Job | undefined {
    const t = cj.spec!.jobTemplate;
    const body = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata!.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        annotations: { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339(scheduled) },
        ownerReferences: [ownerRefTo(cjObj)],
      },
      spec: JSON.parse(JSON.stringify(t.spec)),
    };
    if (Object.keys(body.metadata.labels).length === 0) delete (body.metadata as { labels?: unknown }).labels;
    try {
      const job = ctx.api.create(jobsRef(cj.metadata!.namespace), body) as unknown as Job;
      ctx.recordEvent(cjObj, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
      return job;
    } catch (e) {
      ctx.recordEvent(cjObj, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
      return undefined;
    }
  }

  private deleteJob(cjObj: KubeObject, name: string, namespace: string, ctx: ControllerContext): void {
    try {
      ctx.api.delete(jobsRef(namespace, name), { propagationPolicy: 'Background' });
      ctx.recordEvent(cjObj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
    } catch {
      // already gone
    }
  }

  /** Oldest finished Jobs beyond the history limits go (by start time, as the real controller sorts). */
  private cleanupHistory(cj: CronJob, cjObj: KubeObject, ctx: ControllerContext): void {
    const jobs = (ctx.api.list(jobsRef(cj.metadata!.namespace)).items as unknown as Job[]).filter((j) => controllerOf(j as unknown as KubeObject)?.uid === cj.metadata!.uid && !j.metadata?.deletionTimestamp);
    const started = (j: Job) => Date.parse(j.status?.startTime ?? j.metadata!.creationTimestamp!);
    const prune = (list: Job[], limit: number) => {
      const sorted = [...list].sort((a, b) => started(a) - started(b));
      for (const j of sorted.slice(0, Math.max(0, sorted.length - limit))) this.deleteJob(cjObj, j.metadata!.name!, j.metadata!.namespace!, ctx);
    };
    prune(jobs.filter((j) => condition(j.status, 'Complete')), cj.spec?.successfulJobsHistoryLimit ?? 3);
    prune(jobs.filter((j) => condition(j.status, 'Failed')), cj.spec?.failedJobsHistoryLimit ?? 1);
  }

  private writeStatus(cj: CronJob, status: NonNullable<CronJob['status']>, ctx: ControllerContext): void {
    const ordered: Record<string, unknown> = {};
    for (const k of ['active', 'lastScheduleTime', 'lastSuccessfulTime'] as const) if (status[k] !== undefined) ordered[k] = status[k];
    if (JSON.stringify(ordered) === JSON.stringify(cj.status ?? {})) return;
    const fresh = getOrUndefined<CronJob>(() => ctx.api.get(cronJobsRef(cj.metadata!.namespace, cj.metadata!.name)));
    if (fresh) ctx.api.update(cronJobsRef(cj.metadata!.namespace, cj.metadata!.name, 'status'), { ...fresh, status: ordered });
  }
}
