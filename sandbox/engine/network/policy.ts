// NetworkPolicy as Calico, Cilium and Weave enforce it (Flannel does not: see options.ts). A pod
// selected by a policy of a type (Ingress/Egress) is isolated for that direction: only what some
// rule of some selecting policy allows gets through; unselected pods allow everything. Traffic
// from a node to the pods on that same node is always allowed (the kubelet's probes need it).
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { selectorMatches } from '../controllers/selectors.js';
import { inCIDR } from './ip.js';
import { CNI_ENFORCES_NETWORK_POLICY } from './options.js';
import type { NetworkContext } from './view.js';

/** One end of a connection: a pod, or a node (the learner's shell, a hostNetwork pod, kubelet). */
export interface Peer {
  ip: string;
  pod?: Pod;
  node?: string;
}

function policyTypes(p: NetworkPolicy): string[] {
  if (p.spec?.policyTypes?.length) return p.spec.policyTypes;
  return p.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

function selecting(ctx: NetworkContext, pod: Pod, type: 'Ingress' | 'Egress'): NetworkPolicy[] {
  return ctx.view.policies.filter((p) => p.metadata?.namespace === pod.metadata?.namespace && policyTypes(p).includes(type) && selectorMatches(p.spec?.podSelector ?? {}, pod.metadata?.labels));
}

function namespaceLabels(ctx: NetworkContext, ns: string | undefined): Record<string, string> {
  const found = ctx.view.namespaces.find((n) => n.metadata?.name === ns);
  // The API server labels every namespace with its name; a view without it still matches on that.
  return { 'kubernetes.io/metadata.name': ns ?? '', ...(found?.metadata?.labels ?? {}) };
}

function peerMatches(ctx: NetworkContext, policy: NetworkPolicy, rule: NetworkPolicyPeer, other: Peer): boolean {
  if (rule.ipBlock) return inCIDR(other.ip, rule.ipBlock.cidr) && !(rule.ipBlock.except ?? []).some((c) => inCIDR(other.ip, c));
  const pod = other.pod;
  if (!pod) return false;
  const nsOk = rule.namespaceSelector ? selectorMatches(rule.namespaceSelector, namespaceLabels(ctx, pod.metadata?.namespace)) : pod.metadata?.namespace === policy.metadata?.namespace;
  const podOk = rule.podSelector ? selectorMatches(rule.podSelector, pod.metadata?.labels) : true;
  return nsOk && podOk;
}

function namedPort(pod: Pod | undefined, name: string, protocol: string): number | undefined {
  for (const c of pod?.spec?.containers ?? []) {
    const p = (c.ports ?? []).find((x) => x.name === name && (x.protocol ?? 'TCP') === protocol);
    if (p) return p.containerPort;
  }
  return undefined;
}

function portMatches(rule: NetworkPolicyPort, port: number, protocol: string, dstPod: Pod | undefined): boolean {
  if ((rule.protocol ?? 'TCP') !== protocol) return false;
  if (rule.port === undefined) return true;
  const base = typeof rule.port === 'number' ? rule.port : /^\d+$/.test(rule.port) ? Number(rule.port) : namedPort(dstPod, rule.port, protocol);
  if (base === undefined) return false;
  return rule.endPort !== undefined ? port >= base && port <= rule.endPort : port === base;
}

function ruleAllows(ctx: NetworkContext, policy: NetworkPolicy, peers: NetworkPolicyPeer[] | undefined, ports: NetworkPolicyPort[] | undefined, other: Peer, port: number, protocol: string, dstPod: Pod | undefined): boolean {
  const peerOk = !peers?.length || peers.some((r) => peerMatches(ctx, policy, r, other));
  const portOk = !ports?.length || ports.some((r) => portMatches(r, port, protocol, dstPod));
  return peerOk && portOk;
}

function egressAllowed(ctx: NetworkContext, src: Peer, dst: Peer, port: number, protocol: string): boolean {
  if (!src.pod) return true;
  const policies = selecting(ctx, src.pod, 'Egress');
  if (!policies.length) return true;
  return policies.some((p) => (p.spec?.egress ?? []).some((r) => ruleAllows(ctx, p, r.to, r.ports, dst, port, protocol, dst.pod)));
}

function ingressAllowed(ctx: NetworkContext, src: Peer, dst: Peer, port: number, protocol: string): boolean {
  if (!dst.pod) return true;
  if (src.node && !src.pod && src.node === dst.pod.spec?.nodeName) return true;
  const policies = selecting(ctx, dst.pod, 'Ingress');
  if (!policies.length) return true;
  return policies.some((p) => (p.spec?.ingress ?? []).some((r) => ruleAllows(ctx, p, r.from, r.ports, src, port, protocol, dst.pod)));
}

/** Whether the CNI lets a packet from `src` reach `dst` on port/protocol (after the service DNAT). */
export function policyAllows(ctx: NetworkContext, src: Peer, dst: Peer, port: number, protocol = 'TCP'): boolean {
  if (!CNI_ENFORCES_NETWORK_POLICY[ctx.options.cni]) return true;
  return egressAllowed(ctx, src, dst, port, protocol) && ingressAllowed(ctx, src, dst, port, protocol);
}
