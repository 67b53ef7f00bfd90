// Filter plugins, in the default profile's order. Each returns undefined when the node fits, or
// the reasons it does not with the real plugin's texts. `unresolvable` marks
// UnschedulableAndUnresolvable: preemption cannot help on that node.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './node-info.js';
import { podRequests } from './pod-resources.js';
import { mapMatches } from '../controllers/selectors.js';
import type { CycleState } from './cycle-state.js';
import { topologySpreadFilter } from './topology-spread.js';
import { interPodAffinityFilter } from './inter-pod-affinity.js';

export interface FilterFailure {
  plugin: string;
  reasons: string[];
  unresolvable: boolean;
}

/** A filter plugin; those with a PreFilter read its result from the cycle state. */
type Filter = (pod: Pod, info: NodeInfo, state?: CycleState) => FilterFailure | undefined;

const fail = (plugin: string, unresolvable: boolean, ...reasons: string[]): FilterFailure => ({ plugin, reasons, unresolvable });

/** v1helper.ToleratesTaint */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false;
  if ((t.key ?? '') === '' && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function untoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: string[]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => toleratesTaint(t, taint)));
}

const nodeUnschedulable: Filter = (pod, { node }) => {
  if (!node.spec?.unschedulable) return undefined;
  const tolerated = (pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }));
  return tolerated ? undefined : fail('NodeUnschedulable', true, 'node(s) were unschedulable');
};

const nodeName: Filter = (pod, { name }) =>
  pod.spec?.nodeName && pod.spec.nodeName !== name ? fail('NodeName', true, "node(s) didn't match the requested node name") : undefined;

const taintToleration: Filter = (pod, { node }) => {
  const taint = untoleratedTaint(node.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute']);
  return taint ? fail('TaintToleration', true, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined;
};

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** A NodeSelectorTerm matches when all its expressions and fields match; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, labels[r.key])) &&
    fields.every((r) => requirementMatches(r, r.key === 'metadata.name' ? node.metadata?.name : undefined))
  );
}

export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  if (!mapMatches(pod.spec?.nodeSelector, node.metadata?.labels)) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((t) => nodeSelectorTermMatches(t, node));
}

const nodeAffinity: Filter = (pod, { node }) =>
  matchesNodeAffinity(pod, node) ? undefined : fail('NodeAffinity', true, "node(s) didn't match Pod's node affinity/selector");

const nodeResourcesFit: Filter = (pod, info) => {
  const reasons: string[] = [];
  if (info.pods.length + 1 > (info.allocatable.pods ?? 0)) reasons.push('Too many pods');
  const wanted = podRequests(pod);
  // cpu and memory first, then other resources in name order, as fitsRequest reports them.
  const names = Object.keys(wanted).filter((k) => k !== 'cpu' && k !== 'memory').sort();
  for (const r of ['cpu', 'memory', ...names]) {
    const want = wanted[r] ?? 0;
    if (want === 0) continue;
    if (want > (info.allocatable[r] ?? 0) - (info.requested[r] ?? 0)) reasons.push(`Insufficient ${r}`);
  }
  return reasons.length ? fail('NodeResourcesFit', false, ...reasons) : undefined;
};

export const FILTERS: Filter[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodeResourcesFit, topologySpreadFilter, interPodAffinityFilter];

/** Runs the filters in order; the first failing plugin decides, as the framework does. */
export function runFilters(pod: Pod, info: NodeInfo, state?: CycleState): FilterFailure | undefined {
  for (const f of FILTERS) {
    const failure = f(pod, info, state);
    if (failure) return failure;
  }
  return undefined;
}
