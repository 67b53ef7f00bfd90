// A request as a client program makes it: resolve the host (getaddrinfo with the source's
// resolv.conf, CoreDNS reached over the network like any other Service), connect, send one HTTP
// request, read the answer. `requestFrom` is what curl and wget run, from the learner's shell on
// a node or from inside a pod (`kubectl exec … -- wget`).
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types.js';
import type { Clock, Random } from '../clock.js';
import type { HttpRequest, HttpResponse } from '../images/http-servers.js';
import { podResolver, resolveName, type DnsAnswer, type ResolverConfig } from './dns.js';
import { isIngressNginxImage } from './ingress-class.js';
import { ingressNginxAnswer } from './ingress-route.js';
import { isIPv4 } from './ip.js';
import { policyAllows } from './policy.js';
import { CLUSTER_DNS_IP, networkOptionsOf } from './options.js';
import { connect, sourcePeer, type ConnectOutcome, type Source } from './route.js';
import { readView, type NetworkContext } from './view.js';

/** What the network needs from the sandbox: the API, the engine's dice and clock, and the engine (for its options). */
export interface NetworkHost {
  api: ApiClient;
  random: Random;
  clock: Clock;
  /** The engine the cluster was installed on: setNetworkOptions() keys on it. */
  cluster?: object;
}

export function networkContext(host: NetworkHost): NetworkContext & { now: number } {
  return { view: readView(host.api), options: networkOptionsOf(host.cluster), random: host.random, now: host.clock.now() };
}

/** A node's resolv.conf: systemd-resolved, unless the lab points nodes at CoreDNS. */
function nodeResolver(ctx: NetworkContext): ResolverConfig {
  if (!ctx.options.nodeUsesClusterDns) return { nameserver: '127.0.0.53', search: [], ndots: 1, clusterDns: false };
  return { ...podResolver('default', ctx.options.clusterDomain, CLUSTER_DNS_IP), nameserver: CLUSTER_DNS_IP };
}

/** The resolv.conf the kubelet writes for a pod (dnsPolicy ClusterFirst, Default, ClusterFirstWithHostNet, None). */
export function resolverFor(ctx: NetworkContext, source: Source): ResolverConfig {
  if (source.kind === 'node') return nodeResolver(ctx);
  const pod = ctx.view.pods.find((p) => p.metadata?.namespace === source.namespace && p.metadata?.name === source.name);
  const policy = pod?.spec?.dnsPolicy ?? 'ClusterFirst';
  const hostNet = pod?.spec?.hostNetwork === true;
  if (policy === 'Default' || (policy === 'ClusterFirst' && hostNet)) return nodeResolver(ctx);
  if (policy === 'None') return customResolver(pod!);
  return podResolver(source.namespace, ctx.options.clusterDomain, CLUSTER_DNS_IP);
}

function customResolver(pod: Pod): ResolverConfig {
  const c = pod.spec?.dnsConfig ?? {};
  const ndots = Number(c.options?.find((o) => o.name === 'ndots')?.value ?? 1);
  return { nameserver: c.nameservers?.[0] ?? '', search: c.searches ?? [], ndots, clusterDns: c.nameservers?.[0] === CLUSTER_DNS_IP };
}

export type LookupResult =
  | { ok: true; addresses: string[]; answer?: DnsAnswer; tried: string[] }
  | { ok: false; reason: 'nxdomain' | 'timeout'; answer?: DnsAnswer; tried: string[] };

/** /etc/hosts on the lab's nodes names every node (Killercoda/KodeKloud kubeadm labs do this). */
function hostsFile(ctx: NetworkContext, source: Source, name: string): string | undefined {
  if (name === 'localhost') return '127.0.0.1';
  if (source.kind !== 'node') return undefined;
  const node = ctx.view.nodes.find((n) => n.metadata?.name === name);
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** getaddrinfo(host) from the source. */
export function lookupHost(ctx: NetworkContext, source: Source, name: string): LookupResult {
  if (isIPv4(name)) return { ok: true, addresses: [name], tried: [] };
  const hosts = hostsFile(ctx, source, name);
  if (hosts) return { ok: true, addresses: [hosts], tried: [] };
  const conf = resolverFor(ctx, source);
  if (conf.clusterDns) {
    // The query itself travels to kube-dns's ClusterIP: no CoreDNS ready or a policy dropping UDP 53 shows here.
    const dns = connect(ctx, source, conf.nameserver, 53, 'UDP');
    if (dns.kind !== 'connected') return { ok: false, reason: dns.kind === 'refused' ? 'nxdomain' : 'timeout', tried: [] };
  }
  const { answer, tried } = resolveName(ctx, name, conf);
  if (answer.rcode === 'NOERROR' && answer.addresses.length) return { ok: true, addresses: answer.addresses, answer, tried };
  return { ok: false, reason: 'nxdomain', answer, tried };
}

export type RequestOutcome =
  | { kind: 'unresolved'; host: string; reason: 'nxdomain' | 'timeout' }
  /** elapsedMs: how long the kernel takes to report it (RST at once, ARP ~3 s, SYN retries ~2 min). */
  | { kind: 'connect-failed'; ip: string; port: number; reason: 'refused' | 'timeout' | 'no-route'; elapsedMs: number }
  | { kind: 'empty-reply'; ip: string; port: number }
  | { kind: 'response'; ip: string; port: number; response: HttpResponse; connection: Extract<ConnectOutcome, { kind: 'connected' }> };

export interface Target {
  host: string;
  port: number;
}

/** Linux gives up a SYN after 6 retransmissions (1+2+4+8+16+32 s, then 64 s): ~127–131 s as curl measures it. */
const SYN_GIVE_UP_MS = 129_000;
/** Three ARP requests a second apart go unanswered: "No route to host". */
const ARP_GIVE_UP_MS = 3_050;

function failureDelay(ctx: NetworkContext, reason: 'refused' | 'timeout' | 'no-route'): number {
  if (reason === 'refused') return 0;
  const jitter = Math.floor(ctx.random.next() * (reason === 'timeout' ? 2000 : 60));
  return (reason === 'timeout' ? SYN_GIVE_UP_MS : ARP_GIVE_UP_MS) + jitter;
}

/** One HTTP exchange from `source` (the learner's shell: `{ kind: 'node', node: 'controlplane' }`). */
export function requestFrom(ctx: NetworkContext & { now: number }, source: Source, target: Target, req: HttpRequest): RequestOutcome {
  const found = lookupHost(ctx, source, target.host);
  if (!found.ok) return { kind: 'unresolved', host: target.host, reason: found.reason };
  const ip = found.addresses[0];
  const conn = connect(ctx, source, ip, target.port, 'TCP');
  if (conn.kind !== 'connected') return { kind: 'connect-failed', ip, port: target.port, reason: conn.kind, elapsedMs: failureDelay(ctx, conn.kind) };
  if (conn.listener.port === 80 && isIngressNginxImage(conn.container.image)) {
    const controller: Source = { kind: 'pod', namespace: conn.pod.metadata!.namespace!, name: conn.pod.metadata!.name! };
    return { kind: 'response', ip, port: target.port, response: ingressNginxAnswer(ctx, controller, req), connection: conn };
  }
  if (!conn.listener.http) return { kind: 'empty-reply', ip, port: target.port };
  return { kind: 'response', ip, port: target.port, response: conn.listener.http(req, ctx.now), connection: conn };
}

/** Whether an ICMP echo from the source gets a reply: pods and nodes answer; a ClusterIP only in IPVS mode (it is bound to kube-ipvs0). */
export function pingable(ctx: NetworkContext, source: Source, ip: string): { reply: boolean; ttl: number } {
  const src = sourcePeer(ctx, source);
  if (!src) return { reply: false, ttl: 0 };
  if (ip === '127.0.0.1' || ip === src.ip) return { reply: true, ttl: 64 };
  const svc = ctx.view.services.find((s) => (s.spec?.clusterIPs ?? []).includes(ip) || (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
  if (svc) return { reply: ctx.options.proxyMode === 'ipvs', ttl: 64 };
  const node = ctx.view.nodes.find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
  if (node) return { reply: true, ttl: 64 };
  const pod = ctx.view.pods.find((p) => !p.spec?.hostNetwork && p.status?.podIP === ip);
  if (!pod) return { reply: false, ttl: 0 };
  const allowed = policyAllows(ctx, src, { ip, pod, node: pod.spec?.nodeName }, 0, 'ICMP');
  // One hop through the node's routing to a pod on another node: the TTL shows it.
  return { reply: allowed, ttl: pod.spec?.nodeName === src.node ? 64 : 63 };
}
