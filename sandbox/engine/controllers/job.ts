// The Job controller (pkg/controller/job): runs pods from the template until `completions` of
// them succeed, `parallelism` at a time, replacing failed ones after an exponential back-off
// until backoffLimit, within activeDeadlineSeconds. Finished pods are counted through the
// `batch.kubernetes.io/job-tracking` finalizer (status.uncountedTerminatedPods, then the counts).
// Not simulated: Indexed completion mode, podFailurePolicy, successPolicy, restartPolicy
// OnFailure counting container restarts toward the backoffLimit.
import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, podsRef } from './refs.js';
import { GVR2, getOrUndefined, jobsRef } from './refs-extra.js';
import { controllerOf, ownerRefTo } from './selectors.js';
import { isPodReady, podFromTemplate, rankForDeletion } from './pod-helpers.js';
import {
  addCondition, BACKOFF_LIMIT_EXCEEDED, backoffUntil, compactJobStatus, COMPLETIONS_REACHED, DEADLINE_EXCEEDED, type Finish,
  interimType, isFinished, isFinishedPod, JOB_TRACKING_FINALIZER, pendingFinish,
} from './job-status.js';

export const JOB_CONTROLLER = 'job-controller';

const jobKeyOfPod = (obj: KubeObject): string[] => {
  const owner = controllerOf(obj);
  return owner?.kind === 'Job' && owner.apiVersion === 'batch/v1' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
};

interface Sync {
  job: Job;
  jobObj: KubeObject;
  ctx: ControllerContext;
  now: number;
  status: JobStatus;
}

export class JobController implements Controller {
  readonly name = JOB_CONTROLLER;
  readonly watches = [
    { ...GVR2.jobs, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...GVR.pods, keysFor: jobKeyOfPod, keysForDeleted: jobKeyOfPod },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const job = getOrUndefined<Job>(() => ctx.api.get(jobsRef(namespace, name)));
    if (!job) return;
    const jobObj = job as unknown as KubeObject;
    const owned = () => (ctx.api.list(podsRef(namespace)).items as unknown as Pod[]).filter((p) => controllerOf(p as unknown as KubeObject)?.uid === job.metadata!.uid);
    const s: Sync = { job, jobObj, ctx, now: ctx.clock.now(), status: JSON.parse(JSON.stringify(job.status ?? {})) };
    this.countFinished(s, owned());
    if (isFinished(job) || job.metadata?.deletionTimestamp) return this.write(s);
    s.status.startTime ??= job.spec?.suspend ? undefined : rfc3339(s.now);
    let pods = owned();
    let finish = pendingFinish(job) ?? this.finishCriteria(s);
    let requeue: number | undefined;
    if (finish) {
      addCondition(s.status, interimType(finish), finish, s.now);
      this.deleteActive(s, pods);
    } else if (job.spec?.suspend) {
      this.deleteActive(s, pods);
    } else {
      requeue = this.manage(s, pods);
      const deadline = this.deadline(s);
      if (deadline !== undefined) requeue = Math.min(requeue ?? Infinity, deadline);
    }
    pods = owned();
    const terminating = pods.filter((p) => p.metadata?.deletionTimestamp && !isFinishedPod(p)).length;
    const active = pods.filter((p) => !p.metadata?.deletionTimestamp && !isFinishedPod(p));
    Object.assign(s.status, { active: active.length, ready: active.filter(isPodReady).length, terminating });
    if (finish && terminating === 0) this.finish(s, finish);
    this.write(s);
    return requeue === undefined ? undefined : { requeueAfterMs: Math.max(1, requeue - s.now) };
  }

  /** Succeeded/failed pods still holding the finalizer: uncounted first, then counted, finalizer off. */
  private countFinished(s: Sync, pods: Pod[]): void {
    const tracked = pods.filter((p) => p.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER) && (isFinishedPod(p) || p.metadata?.deletionTimestamp));
    s.status.uncountedTerminatedPods ??= {};
    if (tracked.length === 0) return;
    const succeeded = tracked.filter((p) => p.status?.phase === 'Succeeded').map((p) => p.metadata!.uid!);
    const failed = tracked.filter((p) => p.status?.phase !== 'Succeeded').map((p) => p.metadata!.uid!);
    s.status.uncountedTerminatedPods = { ...(succeeded.length ? { succeeded } : {}), ...(failed.length ? { failed } : {}) };
    this.write(s);
    for (const p of tracked) {
      const fresh = getOrUndefined<Pod>(() => s.ctx.api.get(podsRef(p.metadata!.namespace, p.metadata!.name)));
      if (!fresh) continue;
      const finalizers = (fresh.metadata!.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
      const metadata: Record<string, unknown> = { ...fresh.metadata, finalizers };
      if (finalizers.length === 0) delete metadata.finalizers;
      s.ctx.api.update(podsRef(p.metadata!.namespace, p.metadata!.name), { ...fresh, metadata });
    }
    s.status.succeeded = (s.status.succeeded ?? 0) + succeeded.length;
    s.status.failed = (s.status.failed ?? 0) + failed.length;
    s.status.uncountedTerminatedPods = {};
    this.write(s);
  }

  private finishCriteria(s: Sync): Finish | undefined {
    const completions = s.job.spec?.completions ?? 1;
    if ((s.status.succeeded ?? 0) >= completions) return COMPLETIONS_REACHED;
    if ((s.status.failed ?? 0) > (s.job.spec?.backoffLimit ?? 6)) return BACKOFF_LIMIT_EXCEEDED;
    const deadline = this.deadline(s);
    if (deadline !== undefined && deadline <= s.now) return DEADLINE_EXCEEDED;
    return undefined;
  }

  private deadline(s: Sync): number | undefined {
    const ads = s.job.spec?.activeDeadlineSeconds;
    if (ads === undefined || !s.status.startTime) return undefined;
    return Date.parse(s.status.startTime) + ads * 1000;
  }

  /** Creates or deletes pods toward min(parallelism, completions left); returns when to look again. */
  private manage(s: Sync, pods: Pod[]): number | undefined {
    const { job, ctx } = s;
    const active = pods.filter((p) => !p.metadata?.deletionTimestamp && !isFinishedPod(p));
    const left = (job.spec?.completions ?? 1) - (s.status.succeeded ?? 0);
    const want = Math.max(0, Math.min(job.spec?.parallelism ?? 1, left));
    if (active.length > want) {
      for (const p of rankForDeletion(active).slice(0, active.length - want)) this.deletePod(s, p);
      return undefined;
    }
    if (active.length === want) return undefined;
    const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
    const until = backoffUntil(failedPods, s.status.failed ?? 0);
    if (until !== undefined && until > s.now) return until;
    for (let i = active.length; i < want; i++) {
      const body = podFromTemplate(job.spec!.template, job.metadata!.namespace!, `${job.metadata!.name}-`, ownerRefTo(s.jobObj)) as { metadata: Record<string, unknown> };
      body.metadata.finalizers = [...((body.metadata.finalizers as string[] | undefined) ?? []), JOB_TRACKING_FINALIZER];
      const pod = ctx.api.create(podsRef(job.metadata!.namespace), body);
      ctx.recordEvent(s.jobObj, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
    return undefined;
  }

  private deleteActive(s: Sync, pods: Pod[]): void {
    for (const p of pods) if (!p.metadata?.deletionTimestamp && !isFinishedPod(p)) this.deletePod(s, p);
  }

  private deletePod(s: Sync, p: Pod): void {
    try {
      s.ctx.api.delete(podsRef(p.metadata!.namespace, p.metadata!.name));
      s.ctx.recordEvent(s.jobObj, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
    } catch {
      // already gone
    }
  }

  private finish(s: Sync, f: Finish): void {
    addCondition(s.status, f.type, f, s.now);
    if (f.type === 'Complete') {
      s.status.completionTime = rfc3339(s.now);
      s.ctx.recordEvent(s.jobObj, 'Normal', 'Completed', 'Job completed');
    } else {
      s.ctx.recordEvent(s.jobObj, 'Warning', f.reason, f.message);
    }
  }

  private write(s: Sync): void {
    const next = compactJobStatus(s.status);
    if (JSON.stringify(next) === JSON.stringify(s.job.status ?? {})) return;
    const fresh = getOrUndefined<Job>(() => s.ctx.api.get(jobsRef(s.job.metadata!.namespace, s.job.metadata!.name)));
    if (!fresh) return;
    s.job = s.ctx.api.update(jobsRef(s.job.metadata!.namespace, s.job.metadata!.name, 'status'), { ...fresh, status: next }) as unknown as Job;
  }
}
