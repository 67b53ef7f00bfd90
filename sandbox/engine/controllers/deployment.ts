// The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template
// (named by pod-template-hash), rolled with RollingUpdate (maxSurge/maxUnavailable) or Recreate,
// revisions in annotations, old ReplicaSets pruned past revisionHistoryLimit, and a status with
// the real Available/Progressing conditions so `kubectl rollout status` completes.
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { StatusError } from '../api/errors.js';
import { deploymentsRef, GVR, replicaSetsRef } from './refs.js';
import { controllerOf, isControlledBy } from './selectors.js';
import { podTemplateHash } from './pod-template-hash.js';
import { byAge, templatesEqual, revisionOf, REVISION, REVISION_HISTORY } from './deployment-util.js';
import { applyProgress, calculateStatus, compactStatus, getCondition, setCondition } from './deployment-status.js';
import { createReplicaSet, scaleReplicaSet, type RolloutEnv } from './deployment-scale.js';
import { rolloutRecreate, rolloutRolling } from './deployment-rollout.js';
import { rfc3339 } from '../clock.js';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

/**
 * Pause and resume as the Progressing condition shows them (Unknown/DeploymentPaused, then
 * True/DeploymentResumed). Returns true while paused: no progress deadline runs then.
 */
function pauseCondition(d: Deployment, status: DeploymentStatus, now: number): boolean {
  const current = getCondition(status, 'Progressing');
  const t = rfc3339(now);
  if (d.spec?.paused) {
    if (current?.reason !== 'DeploymentPaused') setCondition(status, { type: 'Progressing', status: 'Unknown', lastUpdateTime: t, lastTransitionTime: t, reason: 'DeploymentPaused', message: 'Deployment is paused' });
    return true;
  }
  if (current?.reason === 'DeploymentPaused') setCondition(status, { type: 'Progressing', status: 'Unknown', lastUpdateTime: t, lastTransitionTime: t, reason: 'DeploymentResumed', message: 'Deployment is resumed' });
  return false;
}

export class DeploymentController implements Controller {
  readonly name = DEPLOYMENT_CONTROLLER;
  readonly watches = [
    { ...GVR.deployments, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    {
      ...GVR.replicaSets,
      keysFor: (obj: KubeObject) => {
        const owner = controllerOf(obj);
        return owner?.kind === 'Deployment' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
      },
    },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    let d: Deployment;
    try {
      d = ctx.api.get(deploymentsRef(namespace, name)) as unknown as Deployment;
    } catch {
      return;
    }
    if (d.metadata?.deletionTimestamp) return;
    const owned = () => (ctx.api.list(replicaSetsRef(namespace)).items as unknown as ReplicaSet[]).filter((rs) => isControlledBy(rs as unknown as KubeObject, d as unknown as KubeObject)).sort(byAge);
    let all = owned();
    let newRS = all.find((rs) => templatesEqual(rs.spec?.template, d.spec?.template));
    const env: RolloutEnv = { d, ctx, olds: all.filter((rs) => rs !== newRS), maxOldRevision: Math.max(0, ...all.filter((rs) => rs !== newRS).map(revisionOf)) };
    const conditions = { created: false };
    if (d.spec?.paused) {
      // A paused Deployment does not roll out, but still scales the ReplicaSet it runs.
      if (newRS && env.olds.every((rs) => (rs.spec?.replicas ?? 0) === 0)) scaleReplicaSet(env, newRS, d.spec.replicas ?? 1);
      all = owned();
      newRS = all.find((rs) => templatesEqual(rs.spec?.template, d.spec?.template));
    } else {
      if (!newRS && this.mayCreateNew(d, env)) {
        newRS = this.createNew(d, env);
        if (!newRS) return { requeueAfterMs: 0 }; // hash collision: collisionCount bumped, try again
        conditions.created = true;
      } else if (newRS) newRS = this.ensureRevision(newRS, env);
      if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(env, newRS);
      else rolloutRolling(env, newRS);
      d = this.syncRevisionAnnotation(d, newRS, ctx);
      all = owned();
      newRS = all.find((rs) => templatesEqual(rs.spec?.template, d.spec?.template));
    }
    return this.syncStatus(d, all, newRS, conditions.created, ctx);
  }

  /** Recreate creates the new ReplicaSet only once every old pod is gone. */
  private mayCreateNew(d: Deployment, env: RolloutEnv): boolean {
    if (d.spec?.strategy?.type !== 'Recreate') return true;
    return env.olds.every((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0);
  }

  private createNew(d: Deployment, env: RolloutEnv): ReplicaSet | undefined {
    const hash = podTemplateHash(d.spec!.template, d.status?.collisionCount);
    try {
      return createReplicaSet(env, hash, env.maxOldRevision + 1);
    } catch (e) {
      if (!(e instanceof StatusError) || e.code !== 409) throw e;
      const existing = env.ctx.api.get(replicaSetsRef(d.metadata!.namespace, `${d.metadata!.name}-${hash}`)) as unknown as ReplicaSet;
      if (isControlledBy(existing as unknown as KubeObject, d as unknown as KubeObject) && templatesEqual(existing.spec?.template, d.spec?.template)) return existing;
      const status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      env.ctx.api.update(deploymentsRef(d.metadata!.namespace, d.metadata!.name, 'status'), { ...d, status });
      return undefined;
    }
  }

  /** A ReplicaSet that becomes new again (a rollback) takes the next revision. */
  private ensureRevision(rs: ReplicaSet, env: RolloutEnv): ReplicaSet {
    if (revisionOf(rs) > env.maxOldRevision) return rs;
    const annotations: Record<string, string> = { ...(rs.metadata?.annotations ?? {}), [REVISION]: String(env.maxOldRevision + 1) };
    // The revisions this template had before, as the real controller keeps them.
    const history = [rs.metadata?.annotations?.[REVISION_HISTORY], rs.metadata?.annotations?.[REVISION]].filter(Boolean).join(',');
    if (history) annotations[REVISION_HISTORY] = history;
    return env.ctx.api.update(replicaSetsRef(rs.metadata!.namespace, rs.metadata!.name), { ...rs, metadata: { ...rs.metadata, annotations } }) as unknown as ReplicaSet;
  }

  private syncRevisionAnnotation(d: Deployment, newRS: ReplicaSet | undefined, ctx: ControllerContext): Deployment {
    if (!newRS) return d;
    const revision = String(revisionOf(newRS));
    if (d.metadata?.annotations?.[REVISION] === revision) return d;
    const fresh = ctx.api.get(deploymentsRef(d.metadata!.namespace, d.metadata!.name)) as unknown as Deployment;
    const annotations = { ...(fresh.metadata?.annotations ?? {}), [REVISION]: revision };
    return ctx.api.update(deploymentsRef(d.metadata!.namespace, d.metadata!.name), { ...fresh, metadata: { ...fresh.metadata, annotations } }) as unknown as Deployment;
  }

  private syncStatus(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined, created: boolean, ctx: ControllerContext): ReconcileResult | void {
    const now = ctx.clock.now();
    const base: Deployment = { ...d, status: { ...(d.status ?? {}), conditions: [...(d.status?.conditions ?? [])] } };
    if (newRS && created) {
      const t = rfc3339(now);
      setCondition(base.status!, { type: 'Progressing', status: 'True', lastUpdateTime: t, lastTransitionTime: t, reason: 'NewReplicaSetCreated', message: `Created new replica set ${JSON.stringify(newRS.metadata!.name)}` });
    } else if (newRS && !getCondition(base.status, 'Progressing')) {
      const t = rfc3339(now);
      setCondition(base.status!, { type: 'Progressing', status: 'True', lastUpdateTime: t, lastTransitionTime: t, reason: 'FoundNewReplicaSet', message: `Found new replica set ${JSON.stringify(newRS.metadata!.name)}` });
    }
    const status = calculateStatus(base, all, newRS, now);
    const deadline = pauseCondition(d, status, now) ? undefined : applyProgress(d, status, newRS, now);
    const next = compactStatus(status);
    if (JSON.stringify(next) !== JSON.stringify(d.status ?? {})) {
      const fresh = ctx.api.get(deploymentsRef(d.metadata!.namespace, d.metadata!.name));
      ctx.api.update(deploymentsRef(d.metadata!.namespace, d.metadata!.name, 'status'), { ...fresh, status: next });
    }
    return deadline === undefined ? undefined : { requeueAfterMs: Math.max(1, deadline - now) };
  }
}

export { scaleReplicaSet };
