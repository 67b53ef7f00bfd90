// The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished Job
// `ttlSecondsAfterFinished` after its Complete/Failed condition, in the foreground so that its
// pods go first.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR2, getOrUndefined, jobsRef } from './refs-extra.js';
import { finishedAt } from './job-status.js';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';

export class TTLAfterFinishedController implements Controller {
  readonly name = TTL_AFTER_FINISHED_CONTROLLER;
  readonly watches = [{ ...GVR2.jobs, keysFor: (obj: KubeObject) => [objectKey(obj)] }];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const job = getOrUndefined<Job>(() => ctx.api.get(jobsRef(namespace, name)));
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || job.metadata?.deletionTimestamp) return;
    const finished = finishedAt(job);
    if (finished === undefined) return;
    const expireAt = finished + ttl * 1000;
    const now = ctx.clock.now();
    if (expireAt > now) return { requeueAfterMs: expireAt - now };
    try {
      ctx.api.delete(jobsRef(namespace, name), { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata!.uid } });
    } catch {
      // deleted meanwhile
    }
  }
}
