// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): hard constraints
// (DoNotSchedule) filter by skew, soft ones (ScheduleAnyway) score; a pod without constraints
// gets the system defaults (hostname maxSkew 3, zone maxSkew 5) over pods of its own controller.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../controllers/selectors.js';
import type { NodeInfo } from './node-info.js';
import { pairKey, type CycleState } from './cycle-state.js';
import type { FilterFailure } from './filters.js';
import { matchesNodeAffinity, untoleratedTaint } from './filters.js';

export const CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const NODE_LABEL_NOT_MATCH = `${CONSTRAINTS_NOT_MATCH} (missing required label)`;
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

/** A constraint with its selector resolved to a matcher. */
interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains?: number;
  matches: (pod: Pod) => boolean;
  constraint: Pick<TopologySpreadConstraint, 'nodeAffinityPolicy' | 'nodeTaintsPolicy'>;
}

export interface SpreadState {
  constraints: Constraint[];
  /** Per constraint: matching pods per domain, and the smallest count (0 below minDomains). */
  counts: Map<string, number>[];
  minMatch: number[];
}

/** labelSelector plus matchLabelKeys taken from the incoming pod's own labels. */
function resolve(pod: Pod, c: TopologySpreadConstraint): Constraint {
  const labels = pod.metadata?.labels ?? {};
  const extra: Record<string, string> = {};
  for (const k of c.matchLabelKeys ?? []) if (labels[k] !== undefined) extra[k] = labels[k];
  const selector: LabelSelector | undefined = c.labelSelector ? { ...c.labelSelector, matchLabels: { ...(c.labelSelector.matchLabels ?? {}), ...extra } } : undefined;
  const ns = pod.metadata?.namespace;
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    minDomains: c.minDomains,
    matches: (p) => p.metadata?.namespace === ns && !p.metadata?.deletionTimestamp && selectorMatches(selector, p.metadata?.labels ?? {}),
    constraint: c,
  };
}

/** Nodes whose pods count: they pass the pod's node affinity (Honor) and, if asked, its tolerations. */
function counts(pod: Pod, c: Constraint, info: NodeInfo): boolean {
  if ((c.constraint.nodeAffinityPolicy ?? 'Honor') === 'Honor' && !matchesNodeAffinity(pod, info.node)) return false;
  if (c.constraint.nodeTaintsPolicy === 'Honor' && untoleratedTaint(info.node.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

const hasAllKeys = (info: NodeInfo, cs: Constraint[]) => cs.every((c) => info.node.metadata?.labels?.[c.topologyKey] !== undefined);

/** PreFilter for the DoNotSchedule constraints; undefined when there are none. */
export function spreadPreFilter(pod: Pod, state: CycleState): SpreadState | undefined {
  const hard = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => resolve(pod, c));
  if (!hard.length) return undefined;
  const perConstraint = hard.map(() => new Map<string, number>());
  for (const info of state.infos) {
    if (!hasAllKeys(info, hard)) continue;
    hard.forEach((c, i) => {
      if (!counts(pod, c, info)) return;
      const value = info.node.metadata!.labels![c.topologyKey];
      const n = info.pods.reduce((sum, p) => (c.matches(p) ? sum + 1 : sum), 0);
      perConstraint[i].set(value, (perConstraint[i].get(value) ?? 0) + n);
    });
  }
  const minMatch = hard.map((c, i) => {
    const domains = perConstraint[i];
    if (c.minDomains !== undefined && domains.size < c.minDomains) return 0;
    return domains.size ? Math.min(...domains.values()) : 0;
  });
  return { constraints: hard, counts: perConstraint, minMatch };
}

export function topologySpreadFilter(pod: Pod, info: NodeInfo, state?: CycleState): FilterFailure | undefined {
  const s = state?.spread;
  if (!s) return undefined;
  const labels = info.node.metadata?.labels ?? {};
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const value = labels[c.topologyKey];
    if (value === undefined) return { plugin: 'PodTopologySpread', reasons: [NODE_LABEL_NOT_MATCH], unresolvable: true };
    const self = c.matches(pod) ? 1 : 0;
    const skew = (s.counts[i].get(value) ?? 0) + self - s.minMatch[i];
    if (skew > c.maxSkew) return { plugin: 'PodTopologySpread', reasons: [CONSTRAINTS_NOT_MATCH], unresolvable: false };
  }
  return undefined;
}

function controllerUid(pod: Pod): string | undefined {
  return pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
}

/** The soft constraints, or the system defaults over the pod's controller when it declares none. */
function softConstraints(pod: Pod): { list: Constraint[]; requireAll: boolean; owner?: string } {
  const declared = pod.spec?.topologySpreadConstraints ?? [];
  if (declared.length) return { list: declared.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway').map((c) => resolve(pod, c)), requireAll: true };
  const owner = controllerUid(pod);
  if (!owner) return { list: [], requireAll: false };
  // DefaultSelector: pods selected by the pod's own controller; the controller uid stands for it.
  const matches = (p: Pod) => p.metadata?.namespace === pod.metadata?.namespace && !p.metadata?.deletionTimestamp && controllerUid(p) === owner;
  const sys = (topologyKey: string, maxSkew: number): Constraint => ({ maxSkew, topologyKey, matches, constraint: {} });
  return { list: [sys(HOSTNAME, 3), sys(ZONE, 5)], requireAll: false, owner };
}

function matchingOnNode(c: Constraint, info: NodeInfo, owner: string | undefined): number {
  if (owner) return info.ownerCounts.get(owner) ?? 0; // kept by NodeInfo, so 10,000 pods stay cheap
  return info.pods.reduce((n, p) => (c.matches(p) ? n + 1 : n), 0);
}

/** Scores 0…100 per feasible node, fewer matching pods in the node's domains scoring higher. */
export function topologySpreadScores(pod: Pod, feasible: NodeInfo[], state: CycleState): number[] {
  const { list, requireAll, owner } = softConstraints(pod);
  if (!list.length) return feasible.map(() => 0);
  const ignored = feasible.map((info) => requireAll && !hasAllKeys(info, list));
  const domainCounts = list.map(() => new Map<string, number>());
  list.forEach((c, i) => feasible.forEach((info, n) => {
    const v = info.node.metadata?.labels?.[c.topologyKey];
    if (!ignored[n] && v !== undefined) domainCounts[i].set(v, 0);
  }));
  const weights = list.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? ignored.filter((x) => !x).length : domainCounts[i].size) + 2));
  for (const info of state.infos) {
    if (requireAll && !hasAllKeys(info, list)) continue;
    list.forEach((c, i) => {
      const v = info.node.metadata?.labels?.[c.topologyKey];
      if (v === undefined || !domainCounts[i].has(v) || !counts(pod, c, info)) return;
      domainCounts[i].set(v, domainCounts[i].get(v)! + matchingOnNode(c, info, owner));
    });
  }
  const raw = feasible.map((info, n) => {
    if (ignored[n]) return 0;
    let score = 0;
    list.forEach((c, i) => {
      const v = info.node.metadata?.labels?.[c.topologyKey];
      if (v === undefined) return;
      const count = c.topologyKey === HOSTNAME ? matchingOnNode(c, info, owner) : domainCounts[i].get(v) ?? 0;
      score += count * weights[i] + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  const live = raw.filter((_, n) => !ignored[n]);
  const max = Math.max(0, ...live);
  const min = live.length ? Math.min(...live) : 0;
  return raw.map((s, n) => (ignored[n] ? 0 : max === 0 ? 100 : Math.trunc((100 * (max + min - s)) / max)));
}
