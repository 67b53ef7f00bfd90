// Where a packet to IP:port goes, from a node or a pod: straight to a pod IP (one flat network, no
// NAT), through kube-proxy's DNAT for ClusterIPs, NodePorts, LoadBalancer and external IPs to one
// ready endpoint, past the CNI's NetworkPolicy, to the socket a container listens on. Failures are
// the ones the kernel reports to the client: refused (RST or ICMP port-unreachable, as kube-proxy's
// REJECT for a Service without endpoints), timed out (dropped) and no route to host (ARP fails).
import type { Container, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { containerListeners, type Listener } from '../images/http-servers.js';
import { readyEndpoints, type ServiceEndpoint } from './endpoints.js';
import { inCIDR } from './ip.js';
import { policyAllows, type Peer } from './policy.js';
import { sha256 } from './sha256.js';
import { nodeInternalIP, podByIP, type NetworkContext } from './view.js';

/** Where a request starts: the learner's shell is `{ kind: 'node', node: 'controlplane' }`. */
export type Source = { kind: 'node'; node: string } | { kind: 'pod'; namespace: string; name: string };

export type ConnectOutcome =
  | { kind: 'connected'; pod: Pod; container: Container; listener: Listener; endpoint: string; service?: Service }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'no-route' };

export type Protocol = 'TCP' | 'UDP';

export function sourcePeer(ctx: NetworkContext, source: Source): Peer | undefined {
  if (source.kind === 'node') {
    const node = ctx.view.nodes.find((n) => n.metadata?.name === source.node);
    return node ? { ip: nodeInternalIP(node) ?? '', node: source.node } : undefined;
  }
  const pod = ctx.view.pods.find((p) => p.metadata?.namespace === source.namespace && p.metadata?.name === source.name);
  if (!pod?.status?.podIP) return undefined;
  return pod.spec?.hostNetwork ? { ip: pod.status.podIP, node: pod.spec.nodeName } : { ip: pod.status.podIP, pod, node: pod.spec?.nodeName };
}

function runningContainers(pod: Pod): Container[] {
  const running = new Set((pod.status?.containerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name));
  return (pod.spec?.containers ?? []).filter((c) => running.has(c.name));
}

/** The container socket on pod:port, or the reason it cannot be reached. */
function deliverToPod(ctx: NetworkContext, src: Peer, pod: Pod, port: number, protocol: Protocol, service?: Service): ConnectOutcome {
  if (!policyAllows(ctx, src, { ip: pod.status!.podIP!, pod, node: pod.spec?.nodeName }, port, protocol)) return { kind: 'timeout' };
  for (const c of runningContainers(pod)) {
    const listener = containerListeners(c).find((l) => l.port === port && l.protocol === protocol);
    if (listener) return { kind: 'connected', pod, container: c, listener, endpoint: `${pod.status!.podIP}:${port}`, service };
  }
  return { kind: 'refused' };
}

function deliverToEndpoint(ctx: NetworkContext, src: Peer, ep: ServiceEndpoint, protocol: Protocol, svc: Service): ConnectOutcome {
  const pod = ep.pod ?? podByIP(ctx.view, ep.ip);
  if (!pod) return ep.ip === src.ip ? { kind: 'refused' } : { kind: 'no-route' };
  return deliverToPod(ctx, src, pod, ep.port, protocol, svc);
}

/** sessionAffinity ClientIP: the same client sticks to one endpoint (a hash stands in for the affinity table). */
function pick(ctx: NetworkContext, svc: Service, src: Peer, eps: ServiceEndpoint[]): ServiceEndpoint {
  if (svc.spec?.sessionAffinity === 'ClientIP') {
    const h = sha256(`${src.ip}/${svc.metadata?.namespace}/${svc.metadata?.name}`);
    return eps[((h[0] << 8) | h[1]) % eps.length];
  }
  return eps[Math.floor(ctx.random.next() * eps.length)];
}

function servicePort(svc: Service, match: (p: ServicePort) => boolean, protocol: Protocol): ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === protocol && match(p));
}

/** Through kube-proxy's service chain: any ready endpoint (internalTrafficPolicy Local: this node's). */
function viaService(ctx: NetworkContext, src: Peer, svc: Service, sp: ServicePort, protocol: Protocol, localOnlyNode?: string): ConnectOutcome {
  let eps = readyEndpoints(ctx.view, svc, sp);
  if (eps.length === 0) return { kind: 'refused' }; // KUBE-SERVICES: "has no endpoints" -j REJECT
  if (localOnlyNode) {
    eps = eps.filter((e) => e.nodeName === localOnlyNode);
    if (eps.length === 0) return { kind: 'timeout' }; // KUBE-SVL/KUBE-SVC-…: "has no local endpoints" -j DROP
  }
  return deliverToEndpoint(ctx, src, pick(ctx, svc, src, eps), protocol, svc);
}

const isServiceWithIP = (s: Service) => s.spec?.type !== 'ExternalName' && s.spec?.clusterIP && s.spec.clusterIP !== 'None';

function toClusterIP(ctx: NetworkContext, src: Peer, svc: Service, port: number, protocol: Protocol): ConnectOutcome {
  const sp = servicePort(svc, (p) => p.port === port, protocol);
  // No rule for that port: in iptables mode the packet leaves for the default gateway and is lost;
  // in IPVS mode the ClusterIP sits on kube-ipvs0, so the node's own stack answers with a RST.
  if (!sp) return ctx.options.proxyMode === 'ipvs' ? { kind: 'refused' } : { kind: 'timeout' };
  const local = svc.spec?.internalTrafficPolicy === 'Local' ? src.node : undefined;
  return viaService(ctx, src, svc, sp, protocol, local);
}

function toNode(ctx: NetworkContext, src: Peer, nodeName: string, port: number, protocol: Protocol): ConnectOutcome {
  for (const svc of ctx.view.services) {
    const sp = isServiceWithIP(svc) ? servicePort(svc, (p) => p.nodePort === port, protocol) : undefined;
    if (!sp) continue;
    const local = svc.spec?.externalTrafficPolicy === 'Local' ? nodeName : undefined;
    return viaService(ctx, src, svc, sp, protocol, local);
  }
  // A host-network pod on that node (the control plane's static pods, kube-proxy) may listen there.
  for (const pod of ctx.view.pods) {
    if (!pod.spec?.hostNetwork || pod.spec.nodeName !== nodeName || !pod.status?.podIP) continue;
    const out = deliverToPod(ctx, src, pod, port, protocol);
    if (out.kind === 'connected') return out;
  }
  return { kind: 'refused' };
}

function loadBalancerIPs(svc: Service): string[] {
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
  return [...ingress, ...(svc.spec?.externalIPs ?? [])];
}

/** Opens a connection from `source` to ip:port (no name resolution here: see request.ts). */
export function connect(ctx: NetworkContext, source: Source, ip: string, port: number, protocol: Protocol = 'TCP'): ConnectOutcome {
  const src = sourcePeer(ctx, source);
  if (!src) return { kind: 'no-route' };
  const services = ctx.view.services.filter(isServiceWithIP);
  const byClusterIP = services.find((s) => (s.spec?.clusterIPs ?? [s.spec!.clusterIP!]).includes(ip));
  if (byClusterIP) return toClusterIP(ctx, src, byClusterIP, port, protocol);
  const byExternal = services.find((s) => loadBalancerIPs(s).includes(ip));
  if (byExternal) {
    // kube-proxy on every node short-circuits in-cluster traffic to an external IP into the service chain.
    const sp = servicePort(byExternal, (p) => p.port === port, protocol);
    return sp ? viaService(ctx, src, byExternal, sp, protocol) : { kind: 'timeout' };
  }
  const node = ctx.view.nodes.find((n) => nodeInternalIP(n) === ip);
  if (node) return toNode(ctx, src, node.metadata!.name!, port, protocol);
  const pod = podByIP(ctx.view, ip);
  if (pod) return deliverToPod(ctx, src, pod, port, protocol);
  if (ip === '127.0.0.1' && source.kind === 'node') return toNode(ctx, src, source.node, port, protocol);
  // Nobody holds the address: on the pod network or the node LAN, ARP goes unanswered.
  if (inCIDR(ip, ctx.options.clusterCIDR) || inCIDR(ip, '172.30.0.0/16')) return { kind: 'no-route' };
  return { kind: 'timeout' };
}
