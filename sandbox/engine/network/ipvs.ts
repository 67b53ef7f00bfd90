// kube-proxy in IPVS mode: one virtual server per ClusterIP:port, NodePort on each node address and
// LoadBalancer/external IP, real servers = ready endpoints (externalTrafficPolicy Local: this
// node's), scheduler rr; printed as `ipvsadm -Ln` (ipvsadm 1.31) prints them.
import { proxiedPorts } from './kube-proxy.js';
import { ipToNumber } from './ip.js';
import { nodeInternalIP, type NetworkContext } from './view.js';

export interface VirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  port: number;
  persistentSeconds?: number;
  reals: Array<{ address: string; port: number }>;
}

export function ipvsServices(ctx: NetworkContext, node: string): VirtualServer[] {
  const nodeIPs = ctx.view.nodes.filter((n) => n.metadata?.name === node).map(nodeInternalIP).filter((x): x is string => !!x);
  const out: VirtualServer[] = [];
  for (const { svc, sp, proto, endpoints } of proxiedPorts(ctx)) {
    const protocol = proto.toUpperCase() as VirtualServer['protocol'];
    const persistentSeconds = svc.spec?.sessionAffinity === 'ClientIP' ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : undefined;
    const reals = endpoints.map((e) => ({ address: e.ip, port: e.port }));
    const local = endpoints.filter((e) => e.nodeName === node).map((e) => ({ address: e.ip, port: e.port }));
    const external = svc.spec?.externalTrafficPolicy === 'Local' ? local : reals;
    out.push({ protocol, address: svc.spec!.clusterIP!, port: sp.port, persistentSeconds, reals });
    if (sp.nodePort) for (const ip of nodeIPs) out.push({ protocol, address: ip, port: sp.nodePort, persistentSeconds, reals: external });
    for (const ip of [...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip), ...(svc.spec?.externalIPs ?? [])]) if (ip) out.push({ protocol, address: ip, port: sp.port, persistentSeconds, reals: external });
  }
  const key = (v: VirtualServer) => [v.protocol, String(ipToNumber(v.address) ?? 0).padStart(10, '0'), String(v.port).padStart(5, '0')].join(' ');
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `ipvsadm -Ln`. */
export function ipvsadmList(servers: VirtualServer[]): string {
  let out = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
  for (const v of servers) {
    out += `${v.protocol.padEnd(4)} ${v.address}:${v.port} rr${v.persistentSeconds ? ` persistent ${v.persistentSeconds}` : ''}\n`;
    for (const r of v.reals) out += `  -> ${`${r.address}:${r.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}\n`;
  }
  return out;
}
