// Score plugins of the default profile, simplified: NodeResourcesFit (LeastAllocated),
// NodeResourcesBalancedAllocation, PodTopologySpread's default spreading (by the pod's controller)
// and TaintToleration (PreferNoSchedule). Weights as in the default profile.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './node-info.js';
import { nonZeroRequests } from './pod-resources.js';
import { untoleratedTaint } from './filters.js';

const MAX = 100;

function leastAllocated(pod: Pod, info: NodeInfo): number {
  const want = nonZeroRequests(pod);
  const part = (req: number, alloc: number) => (alloc <= 0 ? 0 : Math.max(0, ((alloc - req) * MAX) / alloc));
  return (part(info.nonZero.cpu + want.cpu, info.allocatable.cpu ?? 0) + part(info.nonZero.memory + want.memory, info.allocatable.memory ?? 0)) / 2;
}

function balanced(pod: Pod, info: NodeInfo): number {
  const want = nonZeroRequests(pod);
  const c = Math.min(1, (info.nonZero.cpu + want.cpu) / Math.max(1, info.allocatable.cpu ?? 1));
  const m = Math.min(1, (info.nonZero.memory + want.memory) / Math.max(1, info.allocatable.memory ?? 1));
  return (1 - Math.abs(c - m) / 2) * MAX;
}

function controllerUid(pod: Pod): string | undefined {
  return pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
}

function sameOwnerCount(pod: Pod, info: NodeInfo): number {
  const uid = controllerUid(pod);
  if (!uid) return 0;
  return info.pods.reduce((n, p) => (controllerUid(p) === uid && !p.metadata?.deletionTimestamp ? n + 1 : n), 0);
}

/** Total weighted score per feasible node. */
export function scoreNodes(pod: Pod, feasible: NodeInfo[]): number[] {
  const counts = feasible.map((i) => sameOwnerCount(pod, i));
  const maxCount = Math.max(0, ...counts);
  return feasible.map((info, i) => {
    const spread = maxCount === 0 ? MAX : ((maxCount - counts[i]) * MAX) / maxCount;
    const prefer = untoleratedTaint(info.node.spec?.taints, pod.spec?.tolerations, ['PreferNoSchedule']) ? 0 : MAX;
    return leastAllocated(pod, info) + balanced(pod, info) + 2 * spread + 3 * prefer;
  });
}
