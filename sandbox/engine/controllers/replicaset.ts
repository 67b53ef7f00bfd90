// The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods
// matching the selector, creating them from the template (generateName "<rs>-", controller
// ownerReference) or deleting the least valuable first, and reports status.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { GVR, podsRef, replicaSetsRef } from './refs.js';
import { controllerOf, isPodActive, ownerRefTo, selectorMatches } from './selectors.js';
import { availableAt, podFromTemplate, rankForDeletion } from './pod-helpers.js';
import { countPod, newTally, relabel, type PodTally } from './replicaset-tally.js';

/** What status reports, counted from the pods as listed before a sync's writes. */
interface StatusCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
  nextAvailable?: number;
}

export const REPLICASET_CONTROLLER = 'replicaset-controller';

/** What the ReplicaSet controller reads from a pod: ownership, labels, phase, readiness, deletion. */
function sameForReplicaSet(a: KubeObject, b: KubeObject): boolean {
  const [pa, pb] = [a as unknown as Pod, b as unknown as Pod];
  const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready');
  const [ra, rb] = [ready(pa), ready(pb)];
  return (
    pa.status?.phase === pb.status?.phase &&
    ra?.status === rb?.status &&
    ra?.lastTransitionTime === rb?.lastTransitionTime &&
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    sameJson(a.metadata.ownerReferences, b.metadata.ownerReferences) &&
    sameJson(a.metadata.labels, b.metadata.labels)
  );
}

/** Unchanged parts of an updated object are often the very same (frozen) value: compare by identity first. */
const sameJson = (x: unknown, y: unknown) => x === y || JSON.stringify(x) === JSON.stringify(y);
/** burstReplicas: at most this many creations or deletions per sync, as the real controller. */
const BURST = 500;

const controllerUid = (p: Pod) => p.metadata?.ownerReferences?.find((o) => o.controller === true)?.uid;

/**
 * getIndirectlyRelatedPods: the pods of every ReplicaSet with the same controlling owner (the
 * Deployment's old and new ReplicaSets), so scale-down spreads what is left across nodes.
 */
function relatedPods(rs: ReplicaSet, all: Pod[], ctx: ControllerContext): Pod[] {
  const owner = rs.metadata?.ownerReferences?.find((o) => o.controller === true);
  if (!owner) return all.filter((p) => controllerUid(p) === rs.metadata!.uid);
  const siblings = new Set(
    (ctx.api.list(replicaSetsRef(rs.metadata!.namespace)).items as unknown as ReplicaSet[])
      .filter((other) => other.metadata?.ownerReferences?.some((o) => o.controller === true && o.uid === owner.uid))
      .map((other) => other.metadata!.uid),
  );
  siblings.add(rs.metadata!.uid);
  return all.filter((p) => siblings.has(controllerUid(p)));
}

/** Computed once per (frozen, replaced-on-change) pod object: a sync reads thousands of them. */
const readyMemo = new WeakMap<object, number | undefined>();
function memoReadySince(pod: Pod, minReady: number): number | undefined {
  if (!readyMemo.has(pod)) readyMemo.set(pod, availableAt(pod, 0));
  const since = readyMemo.get(pod);
  return since === undefined ? undefined : since + minReady * 1000;
}

export class ReplicaSetController implements Controller {
  readonly name = REPLICASET_CONTROLLER;
  /**
   * The informer's index by controller: pods per owning ReplicaSet uid, kept by the pod watch once
   * built from one full list (built lazily, so a restored engine rebuilds it on its first sync).
   */
  private byOwner?: Map<string, Map<string, Pod>>;
  /** The pod watch has delivered events: the index can be kept. A controller driven by hand has none. */
  private watching = false;
  /** Status counts per owning ReplicaSet uid, kept beside `byOwner` as pods come and go. */
  private tallies = new Map<string, PodTally>();

  private indexPod(obj: KubeObject, deleted: boolean): void {
    this.watching = true;
    if (!this.byOwner) return;
    const pod = obj as unknown as Pod;
    const uid = pod.metadata!.uid!;
    // An owner can change (adoption, release): drop the pod from every owner it is not under now.
    const owner = controllerUid(pod);
    for (const [o, pods] of this.byOwner) if (o !== owner && pods.has(uid)) this.unindex(o, pods, uid);
    if (!owner) return;
    const pods = this.byOwner.get(owner);
    if (deleted) {
      if (pods?.has(uid)) this.unindex(owner, pods, uid);
      return;
    }
    if (pods?.has(uid)) this.unindex(owner, pods, uid);
    let now = this.byOwner.get(owner);
    if (!now) this.byOwner.set(owner, (now = new Map()));
    now.set(uid, pod);
    let tally = this.tallies.get(owner);
    if (!tally) this.tallies.set(owner, (tally = newTally()));
    countPod(tally, pod, 1);
  }

  private unindex(owner: string, pods: Map<string, Pod>, uid: string): void {
    const tally = this.tallies.get(owner);
    if (tally) countPod(tally, pods.get(uid)!, -1);
    pods.delete(uid);
    if (pods.size) return;
    this.byOwner!.delete(owner);
    this.tallies.delete(owner);
  }

  /** The counts from the kept tally, or undefined when they need the pods walked (minReadySeconds pending, no index). */
  private countsFromTally(rs: ReplicaSet, ctx: ControllerContext): StatusCounts | undefined {
    if (!this.watching || !this.byOwner || (rs.spec?.minReadySeconds ?? 0) !== 0) return undefined;
    const uid = rs.metadata!.uid!;
    const tally = this.tallies.get(uid) ?? newTally();
    if (tally.latestReadySince > ctx.clock.now()) return undefined;
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    if (tally.labeledFor !== JSON.stringify(templateLabels)) relabel(tally, templateLabels, this.byOwner.get(uid)?.values() ?? []);
    return { replicas: tally.active, fullyLabeled: tally.labeled, ready: tally.ready, available: tally.ready };
  }

  private ownedPods(uid: string, ctx: ControllerContext): Pod[] {
    if (!this.watching) return (ctx.api.list(podsRef()).items as unknown as Pod[]).filter((p) => controllerUid(p) === uid);
    if (!this.byOwner) {
      this.byOwner = new Map();
      for (const p of ctx.api.list(podsRef()).items) this.indexPod(p, false);
    }
    return [...(this.byOwner.get(uid)?.values() ?? [])];
  }
  readonly watches = [
    { ...GVR.replicaSets, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    {
      ...GVR.pods,
      coalesce: true,
      keysForDeleted: (obj: KubeObject) => {
        this.indexPod(obj, true);
        const owner = controllerOf(obj);
        return owner?.kind === 'ReplicaSet' ? [`${obj.metadata.namespace}/${owner.name}`] : [];
      },
      keysFor: (obj: KubeObject, old?: KubeObject) => {
        this.indexPod(obj, false);
        const owner = controllerOf(obj);
        if (owner?.kind !== 'ReplicaSet' || owner.apiVersion !== 'apps/v1') return [];
        // Status churn that changes nothing a ReplicaSet counts (IPs, container states) needs no sync.
        if (old && sameForReplicaSet(obj, old)) return [];
        return [`${obj.metadata.namespace}/${owner.name}`];
      },
    },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    let rs: ReplicaSet;
    try {
      rs = ctx.api.get(replicaSetsRef(namespace, name)) as unknown as ReplicaSet;
    } catch {
      return; // deleted: the garbage collector removes its pods
    }
    const uid = rs.metadata!.uid;
    // The index is built (and so watching known) by the first ownedPods call.
    let listed: Pod[] | undefined = this.byOwner ? undefined : this.activePods(uid!, ctx);
    const active = () => (listed ??= this.activePods(uid!, ctx));
    // Like the real controller, status counts the pods as listed before this sync's writes;
    // the creations and deletions trigger the next sync, which counts them.
    const counts = this.countsFromTally(rs, ctx) ?? countPods(rs, active(), ctx.clock.now());
    const all = () => ctx.api.list(podsRef(namespace)).items as unknown as Pod[];
    if (!rs.metadata?.deletionTimestamp) this.manageReplicas(rs, counts.replicas, active, () => relatedPods(rs, all(), ctx), ctx);
    return this.updateStatus(rs, counts, ctx);
  }

  private activePods(uid: string, ctx: ControllerContext): Pod[] {
    return this.ownedPods(uid, ctx).filter((p) => isPodActive(p as unknown as KubeObject));
  }

  private manageReplicas(rs: ReplicaSet, activeCount: number, active: () => Pod[], related: () => Pod[], ctx: ControllerContext): void {
    const want = rs.spec?.replicas ?? 1;
    const diff = activeCount - want;
    const rsObj = rs as unknown as KubeObject;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) {
        const pod = ctx.api.create(podsRef(rs.metadata!.namespace), podFromTemplate(rs.spec!.template!, rs.metadata!.namespace!, `${rs.metadata!.name}-`, ownerRefTo(rsObj)));
        ctx.recordEvent(rsObj, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      }
    } else if (diff > 0) {
      for (const pod of rankForDeletion(active(), related(), ctx.clock.now()).slice(0, Math.min(diff, BURST))) {
        try {
          ctx.api.delete(podsRef(pod.metadata!.namespace, pod.metadata!.name));
          ctx.recordEvent(rsObj, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
        } catch {
          // already gone
        }
      }
    }
  }

  private updateStatus(rs: ReplicaSet, counts: StatusCounts, ctx: ControllerContext): ReconcileResult | void {
    const now = ctx.clock.now();
    const { nextAvailable } = counts;
    const status: Record<string, unknown> = { replicas: counts.replicas, fullyLabeledReplicas: counts.fullyLabeled, readyReplicas: counts.ready, availableReplicas: counts.available, observedGeneration: rs.metadata?.generation };
    if (rs.status?.conditions?.length) status.conditions = rs.status.conditions; // ReplicaFailure, kept as set
    // The API omits zero counts (omitempty); replicas is always there.
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(rs.status ?? {})) {
      ctx.api.update(replicaSetsRef(rs.metadata!.namespace, rs.metadata!.name, 'status'), { ...rs, status });
    }
    return nextAvailable === undefined ? undefined : { requeueAfterMs: nextAvailable - now };
  }
}

/** The status counts walked from the active pods (minReadySeconds that is not yet over, or no index). */
function countPods(rs: ReplicaSet, pods: Pod[], now: number): StatusCounts {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let ready = 0;
  let available = 0;
  let nextAvailable: number | undefined;
  for (const p of pods) {
    const at = memoReadySince(p, minReady);
    if (at === undefined) continue;
    ready++;
    if (at <= now) available++;
    else nextAvailable = Math.min(nextAvailable ?? Infinity, at);
  }
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const template = { matchLabels: templateLabels };
  const fullyLabeled = pods.filter((p) => p.metadata?.labels === templateLabels || selectorMatches(template, p.metadata?.labels)).length;
  return { replicas: pods.length, fullyLabeled, ready, available, nextAvailable };
}
