// DefaultPreemption (PostFilter), the simple case: on each node where only resolvable filters
// failed, remove every lower-priority pod, check the pod then fits, give back (reprieve) as many
// victims as still leave room, highest priority first; pick the node whose victims matter least.
// PodDisruptionBudgets and nominated pods of other preemptors are not modelled.
import type { Pod } from 'kubernetes-types/core/v1';
import { addPod, cloneNodeInfo, removePod, type NodeInfo } from './node-info.js';
import { runFilters, type FilterFailure } from './filters.js';
import type { CycleState } from './cycle-state.js';

export interface Candidate {
  node: NodeInfo;
  victims: Pod[];
}

/** Outcome of a dry run: a candidate, or why preemption cannot help on this node. */
type DryRun = Candidate | { reasons: string[] };

const priority = (pod: Pod): number => pod.spec?.priority ?? 0;
const startTime = (pod: Pod): string => pod.status?.startTime ?? pod.metadata?.creationTimestamp ?? '';

/** MoreImportantPod: higher priority first, then the one that started earlier. */
function moreImportantFirst(a: Pod, b: Pod): number {
  if (priority(a) !== priority(b)) return priority(b) - priority(a);
  return startTime(a) < startTime(b) ? -1 : startTime(a) > startTime(b) ? 1 : 0;
}

/** PodEligibleToPreemptOthers; the text follows "preemption: " in the FailedScheduling message. */
export function notEligibleReason(pod: Pod, infos: Map<string, NodeInfo>): string | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  const node = nominated ? infos.get(nominated) : undefined;
  if (node?.pods.some((p) => p.metadata?.deletionTimestamp && priority(p) < priority(pod))) return 'not eligible due to a terminating pod on the nominated node.';
  return undefined;
}

function selectVictimsOnNode(pod: Pod, original: NodeInfo, state: CycleState): DryRun {
  const info = cloneNodeInfo(original);
  const lower = info.pods.filter((p) => priority(p) < priority(pod)).sort(moreImportantFirst);
  if (!lower.length) return { reasons: ['No preemption victims found for incoming pod'] };
  for (const p of lower) removePod(info, p);
  const stillFails = runFilters(pod, info, state);
  if (stillFails) return { reasons: stillFails.reasons };
  const victims: Pod[] = [];
  for (const p of lower) {
    addPod(info, p);
    if (runFilters(pod, info, state)) {
      removePod(info, p);
      victims.push(p);
    }
  }
  return { node: original, victims };
}

/** pickOneNodeForPreemption: lowest top victim priority, then lowest priority sum, then fewest victims. */
function better(a: Candidate, b: Candidate): boolean {
  const top = (c: Candidate) => (c.victims.length ? priority(c.victims[0]) : -Infinity);
  if (top(a) !== top(b)) return top(a) < top(b);
  const sum = (c: Candidate) => c.victims.reduce((s, p) => s + priority(p) + 2 ** 31, 0);
  if (sum(a) !== sum(b)) return sum(a) < sum(b);
  return a.victims.length < b.victims.length;
}

/**
 * The chosen candidate, or the per-node reasons for the "preemption: 0/N nodes are available: …" text.
 */
export function preempt(pod: Pod, failures: Map<string, FilterFailure>, state: CycleState): Candidate | string[] {
  let best: Candidate | undefined;
  const reasons: string[] = [];
  for (const info of state.infos) {
    const failure = failures.get(info.name);
    if (!failure || failure.unresolvable) {
      reasons.push('Preemption is not helpful for scheduling');
      continue;
    }
    const run = selectVictimsOnNode(pod, info, state);
    if ('reasons' in run) reasons.push(...run.reasons);
    else if (!best || better(run, best)) best = run;
  }
  return best ?? reasons;
}
