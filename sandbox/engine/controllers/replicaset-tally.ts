// What a ReplicaSet's status counts, kept per owner as its pods change (the informer index feeds
// it), so a sync at 10,000 replicas reads a few numbers instead of walking every pod.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects.js';
import { isPodActive, selectorMatches } from './selectors.js';
import { availableAt } from './pod-helpers.js';

export interface PodTally {
  /** Active pods (not terminal, not deleting): status.replicas. */
  active: number;
  /** Active pods whose Ready condition is True. */
  ready: number;
  /** Active pods whose labels match `labeledFor` (fullyLabeledReplicas). */
  labeled: number;
  /** The template labels `labeled` was counted for (JSON), or undefined before the first count. */
  labeledFor?: string;
  template?: Record<string, string>;
  /** The latest Ready transition ever counted: when it is not after now, every ready pod is available. */
  latestReadySince: number;
}

export const newTally = (): PodTally => ({ active: 0, ready: 0, labeled: 0, latestReadySince: -Infinity });

const matchesTemplate = (tally: PodTally, pod: Pod) => tally.template !== undefined && selectorMatches({ matchLabels: tally.template }, pod.metadata?.labels);

/** Adds (sign 1) or removes (sign -1) one pod's share; a pod is frozen, so both give the same share. */
export function countPod(tally: PodTally, pod: Pod, sign: 1 | -1): void {
  if (!isPodActive(pod as unknown as KubeObject)) return;
  tally.active += sign;
  const since = availableAt(pod, 0);
  if (since !== undefined) {
    tally.ready += sign;
    if (sign > 0) tally.latestReadySince = Math.max(tally.latestReadySince, since);
  }
  if (matchesTemplate(tally, pod)) tally.labeled += sign;
}

/** Recounts fullyLabeled for new template labels (only when the template's labels change). */
export function relabel(tally: PodTally, templateLabels: Record<string, string>, pods: Iterable<Pod>): void {
  tally.labeledFor = JSON.stringify(templateLabels);
  tally.template = templateLabels;
  tally.labeled = 0;
  for (const p of pods) if (isPodActive(p as unknown as KubeObject) && matchesTemplate(tally, p)) tally.labeled++;
}
