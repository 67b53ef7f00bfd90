// Pod helpers shared by the workload controllers: a pod from a template, readiness and
// availability (podutil.IsPodAvailable), and which pods to delete first when scaling down.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone } from '../objects.js';

export function podFromTemplate(template: PodTemplateSpec, namespace: string, generateName: string, owner: OwnerReference): Record<string, unknown> {
  const t = clone(template);
  const metadata: Record<string, unknown> = { generateName, namespace };
  if (t.metadata?.labels) metadata.labels = t.metadata.labels;
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  metadata.ownerReferences = [owner];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec };
}

function readyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Stored pods are frozen, so what is read from one can be kept with it (syncs read every pod). */
const readySinceCache = new WeakMap<object, number | null>();

/** When the pod's Ready condition turned True (0 without a time); undefined if not ready. */
function readySince(pod: Pod): number | undefined {
  let since = readySinceCache.get(pod);
  if (since === undefined) {
    const ready = readyCondition(pod);
    since = ready?.status !== 'True' ? null : ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
    if (Object.isFrozen(pod)) readySinceCache.set(pod, since);
  }
  return since ?? undefined;
}

/** When the pod became (or becomes) available given minReadySeconds; undefined if not ready. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const since = readySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const maxRestarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => Math.max(n, c.restartCount ?? 0), 0);
const deletionCost = (p: Pod) => {
  const v = Number(p.metadata?.annotations?.[DELETION_COST] ?? 0);
  return Number.isInteger(v) ? v : 0;
};
const readyTime = (p: Pod): number | undefined => {
  const c = readyCondition(p);
  return c?.status === 'True' && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
};

/** floor(log2(now - t)) in nanoseconds, -1 when t is not in the past (LogarithmicScaleDown). */
function logRank(t: number, nowMs: number): number {
  const ns = (nowMs - t) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/**
 * a before b when a is the better pod to delete: ActivePodsWithRanks.Less with LogarithmicScaleDown
 * and PodDeletionCost on (their defaults). Times of zero (absent) count as newest.
 */
function deleteFirst(a: Pod, b: Pod, rankA: number, rankB: number, now: number): number {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (!nodeA || !nodeB)) return nodeA ? 1 : -1;
  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b);
  if (rankA !== rankB) return rankB - rankA;
  if (isPodReady(a) && isPodReady(b)) {
    const byTime = newerFirst(readyTime(a), readyTime(b), a, b, now);
    if (byTime !== 0) return byTime;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const created = (p: Pod) => (p.metadata?.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : undefined);
  return newerFirst(created(a), created(b), a, b, now);
}

/** Absent < newer < older, by power-of-two age buckets; in one bucket, by uid. */
function newerFirst(ta: number | undefined, tb: number | undefined, a: Pod, b: Pod, now: number): number {
  if (ta === tb) return 0;
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff !== 0) return diff;
  const [ua, ub] = [a.metadata?.uid ?? '', b.metadata?.uid ?? ''];
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * The replicaset controller's getPodsToDelete order: ActivePodsWithRanks, where a pod's rank is how
 * many active related pods (of the ReplicaSets with the same owning Deployment) share its node.
 */
export function rankForDeletion(pods: Pod[], related: Pod[] = pods, now = 0): Pod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => deleteFirst(x.pod, y.pod, x.rank, y.rank, now));
  return ranked.map((r) => r.pod);
}

/** controller.IsPodActive: not finished and not being deleted. */
function isActive(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp;
}
