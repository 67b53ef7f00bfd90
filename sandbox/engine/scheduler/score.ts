// Score plugins of the default profile, each 0…100 per feasible node as integers like the real
// ones, summed with the profile's weights: NodeResourcesFit (LeastAllocated) 1,
// NodeResourcesBalancedAllocation 1, InterPodAffinity 2, NodeAffinity (preferred) 2,
// PodTopologySpread 2, TaintToleration (PreferNoSchedule) 3. ImageLocality is left out: our nodes
// publish no status.images, so it would score every node alike.
import type { Pod, Taint } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './node-info.js';
import { nonZeroRequests, podRequests } from './pod-resources.js';
import { nodeSelectorTermMatches, toleratesTaint } from './filters.js';
import type { CycleState } from './cycle-state.js';
import { topologySpreadScores } from './topology-spread.js';
import { interPodAffinityScores } from './inter-pod-affinity.js';

const MAX = 100;

function leastRequested(requested: number, capacity: number): number {
  if (capacity <= 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX) / capacity);
}

/** LeastAllocated over cpu and memory (weight 1 each), with the non-zero defaults for unset requests. */
export function leastAllocated(pod: Pod, info: NodeInfo): number {
  const want = nonZeroRequests(pod);
  const cpu = leastRequested(info.nonZero.cpu + want.cpu, info.allocatable.cpu ?? 0);
  const memory = leastRequested(info.nonZero.memory + want.memory, info.allocatable.memory ?? 0);
  return Math.trunc((cpu + memory) / 2);
}

/** BalancedAllocation: 1 minus the spread of the cpu and memory fractions (actual requests). */
export function balancedAllocation(pod: Pod, info: NodeInfo): number {
  const want = podRequests(pod);
  const fraction = (r: 'cpu' | 'memory') => {
    const alloc = info.allocatable[r] ?? 0;
    return alloc <= 0 ? undefined : Math.min(1, ((info.requested[r] ?? 0) + (want[r] ?? 0)) / alloc);
  };
  const parts = [fraction('cpu'), fraction('memory')].filter((f): f is number => f !== undefined);
  const std = parts.length === 2 ? Math.abs(parts[0] - parts[1]) / 2 : 0;
  return Math.trunc((1 - std) * MAX);
}

/** DefaultNormalizeScore: scaled so the highest is 100 (reversed: the lowest is 100). */
function normalize(raw: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...raw);
  if (max === 0) return raw.map(() => (reverse ? MAX : 0));
  return raw.map((s) => {
    const scaled = Math.trunc((MAX * s) / max);
    return reverse ? MAX - scaled : scaled;
  });
}

function preferredNodeAffinity(pod: Pod, feasible: NodeInfo[]): number[] {
  const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const raw = feasible.map((info) => terms.reduce((sum, t) => (nodeSelectorTermMatches(t.preference, info.node) ? sum + t.weight : sum), 0));
  return normalize(raw, false);
}

function preferNoSchedule(pod: Pod, feasible: NodeInfo[]): number[] {
  const intolerable = (taints: Taint[]) => taints.filter((t) => t.effect === 'PreferNoSchedule' && !(pod.spec?.tolerations ?? []).some((tol) => toleratesTaint(tol, t))).length;
  return normalize(feasible.map((info) => intolerable(info.node.spec?.taints ?? [])), true);
}

/** Total weighted score per feasible node. */
export function scoreNodes(pod: Pod, feasible: NodeInfo[], state: CycleState): number[] {
  const spread = topologySpreadScores(pod, feasible, state);
  const podAffinity = interPodAffinityScores(pod, feasible, state);
  const nodeAffinity = preferredNodeAffinity(pod, feasible);
  const taints = preferNoSchedule(pod, feasible);
  return feasible.map((info, i) => leastAllocated(pod, info) + balancedAllocation(pod, info) + 2 * podAffinity[i] + 2 * nodeAffinity[i] + 2 * spread[i] + 3 * taints[i]);
}
