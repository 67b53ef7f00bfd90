// The kubelet's own admission (lifecycle/predicate.go): a pod bound to a node that cannot hold it
// (its nodeName set by hand, past the scheduler) is rejected: phase Failed, reason OutOf<resource>,
// and a Warning event with the same reason.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { podRequests } from '../scheduler/pod-resources.js';
import { resourceAmount } from '../scheduler/quantity.js';

export interface Rejection {
  reason: string; // 'OutOfcpu'
  message: string; // "Node didn't have enough resource: cpu, requested: 3000, used: 250, capacity: 2000"
}

/** Checks `pod` against the node's allocatable minus what the already admitted pods request. */
export function admitPod(pod: Pod, node: Node, admitted: Pod[]): Rejection | undefined {
  const allocatable = node.status?.allocatable ?? {};
  const capacity = (r: string) => resourceAmount(r, allocatable[r] as string | undefined);
  if (admitted.length + 1 > capacity('pods')) {
    return { reason: 'OutOfpods', message: `Node didn't have enough resource: pods, requested: 1, used: ${admitted.length}, capacity: ${capacity('pods')}` };
  }
  const wanted = podRequests(pod);
  for (const r of ['cpu', 'memory', ...Object.keys(wanted).filter((k) => k !== 'cpu' && k !== 'memory').sort()]) {
    const want = wanted[r] ?? 0;
    if (!want) continue;
    const used = admitted.reduce((n, p) => n + (podRequests(p)[r] ?? 0), 0);
    if (used + want > capacity(r)) return { reason: `OutOf${r}`, message: `Node didn't have enough resource: ${r}, requested: ${want}, used: ${used}, capacity: ${capacity(r)}` };
  }
  return undefined;
}
