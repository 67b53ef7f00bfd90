// What one scheduling attempt computes once and every node's filter or score reads
// (framework.CycleState): the node list, namespace labels for namespaceSelector, and the
// PreFilter results of InterPodAffinity and PodTopologySpread.
import type { NodeInfo } from './node-info.js';
import type { AffinityState } from './inter-pod-affinity.js';
import type { SpreadState } from './topology-spread.js';

export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

export interface CycleState {
  infos: NodeInfo[];
  namespaceLabels: NamespaceLabels;
  affinity?: AffinityState;
  spread?: SpreadState;
}

/** A topology domain: a node label key and its value, as one map key. */
export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;
