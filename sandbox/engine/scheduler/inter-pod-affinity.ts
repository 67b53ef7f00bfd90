// InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity): required pod affinity and
// anti-affinity of the incoming pod, the required anti-affinity of pods already placed (symmetry),
// and the preferred terms of both as a score. Domains are node label values of each topologyKey.
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../controllers/selectors.js';
import type { NodeInfo } from './node-info.js';
import { pairKey, type CycleState, type NamespaceLabels } from './cycle-state.js';
import type { FilterFailure } from './filters.js';

export const AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
const HARD_POD_AFFINITY_WEIGHT = 1; // the default profile's hardPodAffinityWeight

export interface AffinityState {
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinityCounts: Map<string, number>;
  /** No pod anywhere matches the required affinity, but the pod matches its own terms: the first of a series. */
  firstOfSeries: boolean;
}

const requiredAffinity = (pod: Pod): PodAffinityTerm[] => pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const requiredAnti = (pod: Pod): PodAffinityTerm[] => pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAffinity = (pod: Pod): WeightedPodAffinityTerm[] => pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
const preferredAnti = (pod: Pod): WeightedPodAffinityTerm[] => pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];

/**
 * Whether a term of `owner` selects `target`: the target's namespace is among the term's
 * (its own namespace when neither namespaces nor namespaceSelector is given) and its labels match.
 */
export function termMatches(term: PodAffinityTerm, owner: Pod, target: Pod, namespaceLabels: NamespaceLabels): boolean {
  const ns = target.metadata?.namespace ?? '';
  const listed = term.namespaces ?? [];
  let inNamespace: boolean;
  if (listed.length === 0 && !term.namespaceSelector) inNamespace = ns === owner.metadata?.namespace;
  else inNamespace = listed.includes(ns) || (!!term.namespaceSelector && selectorMatches(term.namespaceSelector, namespaceLabels(ns) ?? {}));
  return inNamespace && selectorMatches(term.labelSelector, target.metadata?.labels ?? {});
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** PreFilter; undefined when neither the pod nor any placed pod has affinity to check. */
export function affinityPreFilter(pod: Pod, state: CycleState): AffinityState | undefined {
  const affinity = requiredAffinity(pod);
  const anti = requiredAnti(pod);
  const hasExisting = state.infos.some((i) => i.podsWithAffinity.length > 0);
  if (!affinity.length && !anti.length && !hasExisting) return undefined;
  const s: AffinityState = { affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map(), firstOfSeries: false };
  const nsLabels = state.namespaceLabels;
  for (const info of state.infos) {
    const labels = info.node.metadata?.labels ?? {};
    for (const existing of info.podsWithAffinity) {
      for (const t of requiredAnti(existing)) {
        if (labels[t.topologyKey] !== undefined && termMatches(t, existing, pod, nsLabels)) bump(s.existingAntiAffinityCounts, pairKey(t.topologyKey, labels[t.topologyKey]), 1);
      }
    }
    if (!affinity.length && !anti.length) continue;
    for (const existing of info.pods) {
      // An existing pod counts for affinity only when it matches every required term.
      if (affinity.length && affinity.every((t) => termMatches(t, pod, existing, nsLabels))) {
        for (const t of affinity) if (labels[t.topologyKey] !== undefined) bump(s.affinityCounts, pairKey(t.topologyKey, labels[t.topologyKey]), 1);
      }
      for (const t of anti) {
        if (labels[t.topologyKey] !== undefined && termMatches(t, pod, existing, nsLabels)) bump(s.antiAffinityCounts, pairKey(t.topologyKey, labels[t.topologyKey]), 1);
      }
    }
  }
  s.firstOfSeries = s.affinityCounts.size === 0 && affinity.every((t) => termMatches(t, pod, pod, nsLabels));
  return s;
}

function satisfiesAffinity(pod: Pod, s: AffinityState, labels: Record<string, string>): boolean {
  let podsExist = true;
  for (const t of requiredAffinity(pod)) {
    const value = labels[t.topologyKey];
    if (value === undefined) return false; // every topology label must be on the node
    if ((s.affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  return podsExist || s.firstOfSeries;
}

export function interPodAffinityFilter(pod: Pod, info: NodeInfo, state?: CycleState): FilterFailure | undefined {
  const s = state?.affinity;
  if (!s) return undefined;
  const labels = info.node.metadata?.labels ?? {};
  if (!satisfiesAffinity(pod, s, labels)) return { plugin: 'InterPodAffinity', reasons: [AFFINITY_RULES_NOT_MATCH], unresolvable: true };
  for (const t of requiredAnti(pod)) {
    const value = labels[t.topologyKey];
    if (value !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0) {
      return { plugin: 'InterPodAffinity', reasons: [ANTI_AFFINITY_RULES_NOT_MATCH], unresolvable: false };
    }
  }
  for (const [key, value] of Object.entries(labels)) {
    if ((s.existingAntiAffinityCounts.get(pairKey(key, value)) ?? 0) > 0) return { plugin: 'InterPodAffinity', reasons: [EXISTING_ANTI_AFFINITY_NOT_MATCH], unresolvable: false };
  }
  return undefined;
}

/** Raw scores of the preferred terms (and placed pods' terms towards this pod), per feasible node. */
function rawAffinityScores(pod: Pod, feasible: NodeInfo[], state: CycleState): number[] | undefined {
  const own = [...preferredAffinity(pod).map((w) => ({ term: w.podAffinityTerm, weight: w.weight })), ...preferredAnti(pod).map((w) => ({ term: w.podAffinityTerm, weight: -w.weight }))];
  if (!own.length && !state.infos.some((i) => i.podsWithAffinity.length)) return undefined;
  const scores = new Map<string, number>();
  const ns = state.namespaceLabels;
  const add = (labels: Record<string, string>, key: string, weight: number) => {
    if (labels[key] !== undefined) bump(scores, pairKey(key, labels[key]), weight);
  };
  for (const info of state.infos) {
    const labels = info.node.metadata?.labels ?? {};
    if (own.length) for (const existing of info.pods) for (const { term, weight } of own) if (termMatches(term, pod, existing, ns)) add(labels, term.topologyKey, weight);
    for (const existing of info.podsWithAffinity) {
      for (const t of requiredAffinity(existing)) if (termMatches(t, existing, pod, ns)) add(labels, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
      for (const w of preferredAffinity(existing)) if (termMatches(w.podAffinityTerm, existing, pod, ns)) add(labels, w.podAffinityTerm.topologyKey, w.weight);
      for (const w of preferredAnti(existing)) if (termMatches(w.podAffinityTerm, existing, pod, ns)) add(labels, w.podAffinityTerm.topologyKey, -w.weight);
    }
  }
  return feasible.map((info) => Object.entries(info.node.metadata?.labels ?? {}).reduce((sum, [k, v]) => sum + (scores.get(pairKey(k, v)) ?? 0), 0));
}

/** Normalised to 0…100 between the lowest and highest raw score; all 0 when they are equal. */
export function interPodAffinityScores(pod: Pod, feasible: NodeInfo[], state: CycleState): number[] {
  const raw = rawAffinityScores(pod, feasible, state);
  if (!raw) return feasible.map(() => 0);
  const min = Math.min(...raw);
  const diff = Math.max(...raw) - min;
  return raw.map((s) => (diff > 0 ? Math.trunc((100 * (s - min)) / diff) : 0));
}
