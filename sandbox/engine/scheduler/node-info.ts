// The scheduler's view of each node: the Node and what the pods bound to it already request
// (framework.NodeInfo). Built from the API and updated by the scheduler's own bindings.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { nonZeroRequests, podRequests, type Resources } from './pod-resources.js';
import { resourceAmount } from './quantity.js';

export interface NodeInfo {
  node: Node;
  name: string;
  allocatable: Resources;
  requested: Resources;
  nonZero: { cpu: number; memory: number };
  pods: Pod[];
  /** Pods here with any pod (anti-)affinity: the only ones InterPodAffinity must look at for symmetry. */
  podsWithAffinity: Pod[];
  /** How many pods here each controller (by uid) owns: default topology spreading counts them. */
  ownerCounts: Map<string, number>;
}

export function newNodeInfo(node: Node): NodeInfo {
  const allocatable: Resources = {};
  for (const [k, q] of Object.entries(node.status?.allocatable ?? {})) allocatable[k] = resourceAmount(k, q as string);
  return { node, name: node.metadata!.name!, allocatable, requested: {}, nonZero: { cpu: 0, memory: 0 }, pods: [], podsWithAffinity: [], ownerCounts: new Map() };
}

export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  const affinity = pod.spec?.affinity;
  if (affinity?.podAffinity || affinity?.podAntiAffinity) info.podsWithAffinity.push(pod);
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
  if (owner && !pod.metadata?.deletionTimestamp) info.ownerCounts.set(owner, (info.ownerCounts.get(owner) ?? 0) + 1);
  for (const [k, v] of Object.entries(podRequests(pod))) info.requested[k] = (info.requested[k] ?? 0) + v;
  const nz = nonZeroRequests(pod);
  info.nonZero.cpu += nz.cpu;
  info.nonZero.memory += nz.memory;
}

/** Pods that hold resources on their node: bound and not finished (terminating pods still count). */
export function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The inverse of addPod, for preemption's what-if (the pod must be one of info.pods). */
export function removePod(info: NodeInfo, pod: Pod): void {
  info.pods = info.pods.filter((p) => p !== pod);
  info.podsWithAffinity = info.podsWithAffinity.filter((p) => p !== pod);
  for (const [k, v] of Object.entries(podRequests(pod))) info.requested[k] = (info.requested[k] ?? 0) - v;
  const nz = nonZeroRequests(pod);
  info.nonZero.cpu -= nz.cpu;
  info.nonZero.memory -= nz.memory;
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
  if (owner && !pod.metadata?.deletionTimestamp) info.ownerCounts.set(owner, (info.ownerCounts.get(owner) ?? 1) - 1);
}

/** A copy that removePod/addPod can change without touching the original. */
export function cloneNodeInfo(info: NodeInfo): NodeInfo {
  return { ...info, requested: { ...info.requested }, nonZero: { ...info.nonZero }, pods: [...info.pods], podsWithAffinity: [...info.podsWithAffinity], ownerCounts: new Map(info.ownerCounts) };
}

export function buildNodeInfos(nodes: Node[], pods: Pod[]): Map<string, NodeInfo> {
  const infos = new Map<string, NodeInfo>();
  for (const n of nodes) infos.set(n.metadata!.name!, newNodeInfo(n));
  for (const p of pods) {
    if (!holdsResources(p)) continue;
    const info = infos.get(p.spec!.nodeName!);
    if (info) addPod(info, p);
  }
  return infos;
}
