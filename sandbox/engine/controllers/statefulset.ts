// The StatefulSet controller (pkg/controller/statefulset): pods `<set>-0` … `<set>-(n-1)` with
// stable names, hostnames and a claim per volumeClaimTemplate. OrderedReady creates one pod at a
// time, each only once the ones before it are Running and Ready, and removes them from the
// highest ordinal down; Parallel creates and removes all at once. RollingUpdate replaces pods of
// an old revision from the highest ordinal down (above the partition). Status counts replicas,
// ready/available/current/updated ones and the current and update ControllerRevisions.
// Not simulated: minReadySeconds delays, maxUnavailable, OnDelete's revision reporting nuances.
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, podsRef } from './refs.js';
import { controllerRevisionsRef, getOrUndefined, GVR2, pvcsRef, statefulSetsRef } from './refs-extra.js';
import { controllerOf, isControlledBy } from './selectors.js';
import { isPodReady } from './pod-helpers.js';
import { claimsFor, ensureRevision, newStatefulPod, ordinalOf, REVISION_LABEL } from './statefulset-pods.js';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';

const keyOfOwned = (obj: KubeObject): string[] => {
  const owner = controllerOf(obj);
  return owner?.kind === 'StatefulSet' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
};
const isRunningReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
const isTerminating = (p: Pod) => !!p.metadata?.deletionTimestamp;
const isFailed = (p: Pod) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';

interface Sync {
  set: StatefulSet;
  setObj: KubeObject;
  ctx: ControllerContext;
  update: ControllerRevision;
}

export class StatefulSetController implements Controller {
  readonly name = STATEFULSET_CONTROLLER;
  readonly watches = [
    { ...GVR2.statefulSets, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...GVR.pods, keysFor: keyOfOwned, keysForDeleted: keyOfOwned },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const set = getOrUndefined<StatefulSet>(() => ctx.api.get(statefulSetsRef(namespace, name)));
    if (!set || set.metadata?.deletionTimestamp) return;
    const setObj = set as unknown as KubeObject;
    const revisions = (ctx.api.list(controllerRevisionsRef(namespace)).items as unknown as ControllerRevision[]).filter((r) => isControlledBy(r as unknown as KubeObject, setObj));
    const s: Sync = { set, setObj, ctx, update: ensureRevision(set, revisions, ctx) };
    const owned = () => (ctx.api.list(podsRef(namespace)).items as unknown as Pod[]).filter((p) => isControlledBy(p as unknown as KubeObject, setObj));
    this.syncPods(s, owned());
    this.writeStatus(s, owned(), revisions);
  }

  /** One pass of StatefulSetControl.UpdateStatefulSet: create, repair, condemn, then update. */
  private syncPods(s: Sync, pods: Pod[]): void {
    const replicas = s.set.spec?.replicas ?? 1;
    const parallel = s.set.spec?.podManagementPolicy === 'Parallel';
    const byOrdinal = new Map(pods.map((p) => [ordinalOf(s.set, p), p]));
    for (let i = 0; i < replicas; i++) {
      const pod = byOrdinal.get(i);
      if (pod && isFailed(pod) && !isTerminating(pod)) {
        this.deletePod(s, pod);
        if (!parallel) return;
        continue;
      }
      if (!pod) {
        this.createPod(s, i);
        if (!parallel) return; // wait for it to be Running and Ready
        continue;
      }
      if (!parallel && (isTerminating(pod) || !isRunningReady(pod))) return;
    }
    const condemned = pods.filter((p) => ordinalOf(s.set, p) >= replicas || ordinalOf(s.set, p) < 0).sort((a, b) => ordinalOf(s.set, b) - ordinalOf(s.set, a));
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (!parallel) return;
        continue;
      }
      this.deletePod(s, pod);
      if (!parallel) return;
    }
    if (s.set.spec?.updateStrategy?.type === 'OnDelete') return;
    this.rollingUpdate(s, byOrdinal, replicas);
  }

  /** Highest ordinal first, one at a time once every pod is Running and Ready, down to the partition. */
  private rollingUpdate(s: Sync, byOrdinal: Map<number, Pod>, replicas: number): void {
    const partition = s.set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    const current = [...byOrdinal.entries()].filter(([i]) => i >= 0 && i < replicas);
    if (current.some(([, p]) => isTerminating(p) || !isRunningReady(p))) return;
    for (let i = replicas - 1; i >= partition; i--) {
      const pod = byOrdinal.get(i);
      if (pod && pod.metadata?.labels?.[REVISION_LABEL] !== s.update.metadata!.name) {
        this.deletePod(s, pod);
        return;
      }
    }
  }

  private createPod(s: Sync, ordinal: number): void {
    const { set, ctx } = s;
    const ns = set.metadata!.namespace!;
    const pod = newStatefulPod(set, ordinal, s.update.metadata!.name!);
    const podName = (pod.metadata as { name: string }).name;
    for (const claim of claimsFor(set, ordinal)) {
      const name = (claim.metadata as { name: string }).name;
      if (getOrUndefined(() => ctx.api.get(pvcsRef(ns, name)))) continue;
      try {
        ctx.api.create(pvcsRef(ns), claim);
        ctx.recordEvent(s.setObj, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${podName} in StatefulSet ${set.metadata!.name} success`);
      } catch (e) {
        ctx.recordEvent(s.setObj, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${podName} in StatefulSet ${set.metadata!.name} failed error: ${(e as Error).message}`);
        return;
      }
    }
    try {
      ctx.api.create(podsRef(ns), pod);
      ctx.recordEvent(s.setObj, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${set.metadata!.name} successful`);
    } catch (e) {
      ctx.recordEvent(s.setObj, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata!.name} failed error: ${(e as Error).message}`);
    }
  }

  private deletePod(s: Sync, pod: Pod): void {
    try {
      s.ctx.api.delete(podsRef(pod.metadata!.namespace, pod.metadata!.name), { preconditions: { uid: pod.metadata!.uid } });
      s.ctx.recordEvent(s.setObj, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata!.name} in StatefulSet ${s.set.metadata!.name} successful`);
    } catch {
      // already gone
    }
  }

  private writeStatus(s: Sync, pods: Pod[], revisions: ControllerRevision[]): void {
    const { set, ctx } = s;
    const live = pods.filter((p) => !isTerminating(p) && ordinalOf(set, p) >= 0);
    const updateName = s.update.metadata!.name!;
    const updated = live.filter((p) => p.metadata?.labels?.[REVISION_LABEL] === updateName);
    const ready = live.filter(isRunningReady).length;
    const replicas = set.spec?.replicas ?? 1;
    // The current revision becomes the update revision once every replica runs it and is ready.
    const allUpdated = updated.length === replicas && updated.every(isRunningReady);
    const previous = set.status?.currentRevision && revisions.some((r) => r.metadata!.name === set.status!.currentRevision) ? set.status.currentRevision : updateName;
    const currentRevision = allUpdated ? updateName : previous;
    const status: Record<string, unknown> = {
      observedGeneration: set.metadata?.generation,
      replicas: live.length,
      readyReplicas: ready,
      currentReplicas: live.filter((p) => p.metadata?.labels?.[REVISION_LABEL] === currentRevision).length,
      updatedReplicas: updated.length,
      currentRevision,
      updateRevision: updateName,
      collisionCount: set.status?.collisionCount ?? 0,
      availableReplicas: ready,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) === JSON.stringify(set.status ?? {})) return;
    const fresh = getOrUndefined<StatefulSet>(() => ctx.api.get(statefulSetsRef(set.metadata!.namespace, set.metadata!.name)));
    if (fresh) ctx.api.update(statefulSetsRef(set.metadata!.namespace, set.metadata!.name, 'status'), { ...fresh, status });
  }
}
