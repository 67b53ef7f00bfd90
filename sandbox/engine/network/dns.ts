// CoreDNS's kubernetes plugin, as kubeadm configures it (`kubernetes cluster.local in-addr.arpa
// ip6.arpa { pods insecure … }`), and the stub resolver in front of it (resolv.conf search list and
// ndots). Names outside the cluster domain go to the `forward` upstream, which a sandbox does not
// have: they do not resolve (NXDOMAIN).
import type { Service } from 'kubernetes-types/core/v1';
import { readyEndpoints } from './endpoints.js';
import type { NetworkContext } from './view.js';

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  /** The fully qualified name asked, without the trailing dot. */
  name: string;
  /** ExternalName Services answer with a CNAME first. */
  cname?: string;
  addresses: string[];
  /** CoreDNS is authoritative for the cluster domain (no "Non-authoritative answer:"). */
  authoritative: boolean;
}

/** What a resolv.conf says: the search list, ndots, and whether the server is CoreDNS. */
export interface ResolverConfig {
  nameserver: string;
  search: string[];
  ndots: number;
  /** false: a node's systemd-resolved, which knows nothing of the cluster domain. */
  clusterDns: boolean;
}

export function podResolver(namespace: string, domain: string, dnsIP: string): ResolverConfig {
  return { nameserver: dnsIP, search: [`${namespace}.svc.${domain}`, `svc.${domain}`, domain], ndots: 5, clusterDns: true };
}

const nx = (name: string, authoritative = true): DnsAnswer => ({ rcode: 'NXDOMAIN', name, addresses: [], authoritative });

function serviceNamed(ctx: NetworkContext, ns: string, name: string): Service | undefined {
  return ctx.view.services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name);
}

function serviceAnswer(ctx: NetworkContext, fqdn: string, svc: Service): DnsAnswer {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return { rcode: 'NOERROR', name: fqdn, cname: spec.externalName, addresses: [], authoritative: true };
  if (spec.clusterIP === 'None') {
    const ips = new Set<string>();
    for (const sp of spec.ports?.length ? spec.ports : [{ port: 0 }]) for (const e of readyEndpoints(ctx.view, svc, sp)) ips.add(e.ip);
    return ips.size ? { rcode: 'NOERROR', name: fqdn, addresses: [...ips], authoritative: true } : nx(fqdn);
  }
  return { rcode: 'NOERROR', name: fqdn, addresses: spec.clusterIP ? [spec.clusterIP] : [], authoritative: true };
}

/** A headless Service's named endpoint: `web-0.nginx.default.svc.cluster.local`. */
function hostnameAnswer(ctx: NetworkContext, fqdn: string, host: string, svc: Service): DnsAnswer {
  if (svc.spec?.clusterIP !== 'None') return nx(fqdn);
  for (const sp of svc.spec?.ports?.length ? svc.spec.ports : [{ port: 0 }]) {
    const e = readyEndpoints(ctx.view, svc, sp).find((x) => x.hostname === host || x.ip.replace(/\./g, '-') === host);
    if (e) return { rcode: 'NOERROR', name: fqdn, addresses: [e.ip], authoritative: true };
  }
  return nx(fqdn);
}

/** One query to CoreDNS for a fully qualified name (with or without the trailing dot). */
export function queryCoreDns(ctx: NetworkContext, name: string): DnsAnswer {
  const fqdn = name.replace(/\.$/, '').toLowerCase();
  const domain = ctx.options.clusterDomain;
  if (fqdn !== domain && !fqdn.endsWith(`.${domain}`)) return nx(fqdn, false);
  const labels = fqdn.slice(0, -(domain.length + 1)).split('.');
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(labels[0]);
    return ip ? { rcode: 'NOERROR', name: fqdn, addresses: [ip.slice(1).join('.')], authoritative: true } : nx(fqdn);
  }
  if (labels.length === 3 && labels[2] === 'svc') {
    const svc = serviceNamed(ctx, labels[1], labels[0]);
    return svc ? serviceAnswer(ctx, fqdn, svc) : nx(fqdn);
  }
  if (labels.length === 4 && labels[3] === 'svc') {
    const svc = serviceNamed(ctx, labels[2], labels[1]);
    return svc ? hostnameAnswer(ctx, fqdn, labels[0], svc) : nx(fqdn);
  }
  return nx(fqdn);
}

/** The names the stub resolver tries, in order (glibc/musl: ndots decides search-first or as-is-first). */
export function candidates(name: string, conf: ResolverConfig): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

export interface Resolution {
  answer: DnsAnswer;
  /** Every query sent, in order (the last is the one that answered or failed last). */
  tried: string[];
}

/** Resolves as getaddrinfo does: the first candidate with an address wins. */
export function resolveName(ctx: NetworkContext, name: string, conf: ResolverConfig): Resolution {
  const tried: string[] = [];
  let last: DnsAnswer = nx(name);
  for (const c of candidates(name, conf)) {
    tried.push(c);
    last = conf.clusterDns ? queryCoreDns(ctx, c) : nx(c, false);
    if (last.rcode === 'NOERROR' && (last.addresses.length || last.cname)) return { answer: last, tried };
  }
  return { answer: last, tried };
}
