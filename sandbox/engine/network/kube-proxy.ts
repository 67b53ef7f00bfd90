// The rules kube-proxy (iptables mode, v1.32) programs on a node, as data: the nat table's
// KUBE-SERVICES → KUBE-SVC-<hash> → KUBE-SEP-<hash> DNAT chains, KUBE-NODEPORTS and KUBE-EXT-/
// KUBE-SVL- for NodePorts and LoadBalancer IPs, KUBE-MARK-MASQ/KUBE-POSTROUTING, and the filter
// table's REJECT for Services without endpoints. Chain names hash like kube-proxy's
// (base32(sha256(svcPortName + protocol))[:16]). iptables-format.ts prints them.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { serviceEndpoints, type ServiceEndpoint } from './endpoints.js';
import { base32, sha256 } from './sha256.js';
import type { NetworkContext } from './view.js';

export interface IptRule {
  chain: string;
  src?: string;
  notSrc?: boolean;
  dst?: string;
  proto?: 'tcp' | 'udp' | 'sctp';
  comment?: string;
  /** `-m tcp` (with --dport when set). */
  protoMatch?: boolean;
  dport?: number;
  probability?: number;
  addrType?: { dir: 'src' | 'dst'; type: 'LOCAL' };
  mark?: { not: boolean; value: string };
  target: string;
  /** What follows `-j TARGET` in iptables-save: '--to-destination 10.244.1.3:80'. */
  targetArgs?: string;
}

export interface IptTable {
  name: 'nat' | 'filter';
  builtins: string[];
  chains: string[];
  rules: IptRule[];
}

const hash = (s: string) => base32(sha256(s)).slice(0, 16);
export const svcChain = (portName: string, proto: string) => `KUBE-SVC-${hash(portName + proto)}`;
export const svlChain = (portName: string, proto: string) => `KUBE-SVL-${hash(portName + proto)}`;
export const extChain = (portName: string, proto: string) => `KUBE-EXT-${hash(portName + proto)}`;
export const sepChain = (portName: string, proto: string, endpoint: string) => `KUBE-SEP-${hash(portName + proto + endpoint)}`;

/** proxy.ServicePortName.String(): 'default/web' or 'default/kubernetes:https'. */
export const servicePortName = (svc: Service, sp: ServicePort) => `${svc.metadata?.namespace}/${svc.metadata?.name}${sp.name ? `:${sp.name}` : ''}`;

const ipSort = (a: ServiceEndpoint, b: ServiceEndpoint) => (a.ip === b.ip ? a.port - b.port : a.ip.split('.').map(Number).reduce((d, n, i) => d || n - Number(b.ip.split('.')[i]), 0));

/** The Service ports kube-proxy programs (ClusterIP services with an IP, sorted for stable output). */
export function proxiedPorts(ctx: NetworkContext): Array<{ svc: Service; sp: ServicePort; name: string; proto: 'tcp' | 'udp' | 'sctp'; endpoints: ServiceEndpoint[] }> {
  const out = [];
  const services = ctx.view.services.filter((s) => s.spec?.type !== 'ExternalName' && s.spec?.clusterIP && s.spec.clusterIP !== 'None');
  for (const svc of services) {
    for (const sp of svc.spec?.ports ?? []) {
      const endpoints = serviceEndpoints(ctx.view, svc, sp).filter((e) => e.ready).sort(ipSort);
      out.push({ svc, sp, name: servicePortName(svc, sp), proto: (sp.protocol ?? 'TCP').toLowerCase() as 'tcp' | 'udp' | 'sctp', endpoints });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.proto < b.proto ? -1 : a.proto > b.proto ? 1 : 0));
}

function endpointRules(name: string, proto: IptRule['proto'], from: string, eps: ServiceEndpoint[], rules: IptRule[], chains: Set<string>): void {
  eps.forEach((e, i) => {
    const ep = `${e.ip}:${e.port}`;
    const sep = sepChain(name, proto!, ep);
    const left = eps.length - i;
    rules.push({ chain: from, comment: `${name} -> ${ep}`, probability: left > 1 ? 1 / left : undefined, target: sep });
    if (chains.has(sep)) return;
    chains.add(sep);
    rules.push({ chain: sep, src: `${e.ip}/32`, comment: name, target: 'KUBE-MARK-MASQ' });
    rules.push({ chain: sep, proto, comment: name, protoMatch: true, target: 'DNAT', targetArgs: `--to-destination ${ep}` });
  });
}

/** The nat and filter tables kube-proxy writes on `node`. */
export function iptablesRules(ctx: NetworkContext, node: string): IptTable[] {
  const nat: IptRule[] = [
    { chain: 'PREROUTING', comment: 'kubernetes service portals', target: 'KUBE-SERVICES' },
    { chain: 'OUTPUT', comment: 'kubernetes service portals', target: 'KUBE-SERVICES' },
    { chain: 'POSTROUTING', comment: 'kubernetes postrouting rules', target: 'KUBE-POSTROUTING' },
    { chain: 'KUBE-MARK-MASQ', target: 'MARK', targetArgs: '--set-xmark 0x4000/0x4000' },
    { chain: 'KUBE-POSTROUTING', mark: { not: true, value: '0x4000/0x4000' }, target: 'RETURN' },
    { chain: 'KUBE-POSTROUTING', target: 'MARK', targetArgs: '--set-xmark 0x4000/0x0' },
    { chain: 'KUBE-POSTROUTING', comment: 'kubernetes service traffic requiring SNAT', target: 'MASQUERADE', targetArgs: '--random-fully' },
  ];
  const filter: IptRule[] = [];
  const chains = new Set(['KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-SERVICES']);
  const serviceRules: IptRule[] = [];
  const nodePortRules: IptRule[] = [];
  for (const { svc, sp, name, proto, endpoints } of proxiedPorts(ctx)) {
    const svcName = `${svc.metadata?.namespace}/${svc.metadata?.name}${sp.name ? `:${sp.name}` : ''}`;
    const externals = [...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((x): x is string => !!x), ...(svc.spec?.externalIPs ?? [])];
    if (!endpoints.length) {
      filter.push({ chain: 'KUBE-SERVICES', dst: `${svc.spec!.clusterIP}/32`, proto, comment: `${svcName} has no endpoints`, protoMatch: true, dport: sp.port, target: 'REJECT', targetArgs: '--reject-with icmp-port-unreachable' });
      if (sp.nodePort) filter.push({ chain: 'KUBE-EXTERNAL-SERVICES', proto, comment: `${svcName} has no endpoints`, addrType: { dir: 'dst', type: 'LOCAL' }, protoMatch: true, dport: sp.nodePort, target: 'REJECT', targetArgs: '--reject-with icmp-port-unreachable' });
      continue;
    }
    const svcC = svcChain(name, proto);
    chains.add(svcC);
    serviceRules.push({ chain: 'KUBE-SERVICES', dst: `${svc.spec!.clusterIP}/32`, proto, comment: `${svcName} cluster IP`, protoMatch: true, dport: sp.port, target: svcC });
    nat.push({ chain: svcC, notSrc: true, src: ctx.options.clusterCIDR, dst: `${svc.spec!.clusterIP}/32`, proto, comment: `${svcName} cluster IP`, protoMatch: true, dport: sp.port, target: 'KUBE-MARK-MASQ' });
    endpointRules(name, proto, svcC, endpoints, nat, chains);
    if (!sp.nodePort && !externals.length) continue;
    const ext = extChain(name, proto);
    chains.add(ext);
    for (const ip of externals) serviceRules.push({ chain: 'KUBE-SERVICES', dst: `${ip}/32`, proto, comment: `${svcName} loadbalancer IP`, protoMatch: true, dport: sp.port, target: ext });
    if (sp.nodePort) nodePortRules.push({ chain: 'KUBE-NODEPORTS', proto, comment: svcName, protoMatch: true, dport: sp.nodePort, target: ext });
    if (svc.spec?.externalTrafficPolicy === 'Local') {
      const svl = svlChain(name, proto);
      chains.add(svl);
      nat.push(
        { chain: ext, src: ctx.options.clusterCIDR, comment: `pod traffic for ${svcName} external destinations`, target: svcC },
        { chain: ext, comment: `masquerade LOCAL traffic for ${svcName} external destinations`, addrType: { dir: 'src', type: 'LOCAL' }, target: 'KUBE-MARK-MASQ' },
        { chain: ext, comment: `route LOCAL traffic for ${svcName} external destinations`, addrType: { dir: 'src', type: 'LOCAL' }, target: svcC },
        { chain: ext, target: svl },
      );
      const local = endpoints.filter((e) => e.nodeName === node);
      if (local.length) endpointRules(name, proto, svl, local, nat, chains);
      else filter.push({ chain: 'KUBE-EXTERNAL-SERVICES', proto, comment: `${svcName} has no local endpoints`, addrType: { dir: 'dst', type: 'LOCAL' }, protoMatch: true, dport: sp.nodePort, target: 'DROP' });
    } else {
      nat.push({ chain: ext, comment: `masquerade traffic for ${svcName} external destinations`, target: 'KUBE-MARK-MASQ' }, { chain: ext, target: svcC });
    }
  }
  nat.push(...serviceRules, { chain: 'KUBE-SERVICES', comment: 'kubernetes service nodeports; NOTE: this must be the last rule in this chain', addrType: { dir: 'dst', type: 'LOCAL' }, target: 'KUBE-NODEPORTS' }, ...nodePortRules);
  const filterChains = ['KUBE-EXTERNAL-SERVICES', 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-KUBELET-CANARY', 'KUBE-NODEPORTS', 'KUBE-PROXY-CANARY', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES'];
  return [
    { name: 'nat', builtins: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], chains: [...chains].sort(), rules: nat },
    { name: 'filter', builtins: ['INPUT', 'FORWARD', 'OUTPUT'], chains: filterChains, rules: filter },
  ];
}
