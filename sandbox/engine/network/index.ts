// The cluster network: see README.md. installNetwork() is what a cluster calls with its options.
import type { ClusterHost } from '../cluster.js';
import { iptablesList, iptablesSave } from './iptables-format.js';
import { ipvsadmList, ipvsServices } from './ipvs.js';
import { iptablesRules } from './kube-proxy.js';
import type { NetworkContext } from './view.js';
import { IngressNginxController } from './ingress-controller.js';
import { LoadBalancerController } from './load-balancer-controller.js';
import { networkOptionsOf, setNetworkOptions, type NetworkOptions } from './options.js';

export { CNI_ENFORCES_NETWORK_POLICY, CLUSTER_DNS_IP, DEFAULT_NETWORK, networkOptionsOf, setNetworkOptions, type Cni, type NetworkOptions, type ProxyMode } from './options.js';
export { connect, type ConnectOutcome, type Source } from './route.js';
export { lookupHost, networkContext, pingable, requestFrom, resolverFor, type NetworkHost, type RequestOutcome } from './request.js';
export { queryCoreDns, resolveName, type DnsAnswer, type ResolverConfig } from './dns.js';
export { LoadBalancerController } from './load-balancer-controller.js';
export { IngressNginxController } from './ingress-controller.js';
export { installIngressNginx } from './ingress-install.js';
export { iptablesRules, type IptRule, type IptTable } from './kube-proxy.js';
export { iptablesList, iptablesSave } from './iptables-format.js';
export { ipvsadmList, ipvsServices } from './ipvs.js';

/**
 * Sets the engine's network options and registers the cloud's LoadBalancer controller and the
 * ingress-nginx control loop (idle until an ingress-nginx controller pod runs).
 */
export function installNetwork(engine: object & Pick<ClusterHost, 'registerController'>, opts: Partial<NetworkOptions> = {}): NetworkOptions {
  const options = setNetworkOptions(engine, opts);
  engine.registerController(new LoadBalancerController(() => networkOptionsOf(engine)));
  engine.registerController(new IngressNginxController());
  return options;
}

/**
 * What a shell on `node` prints for kube-proxy's rules (the `ssh node` shell calls this):
 * `iptables-save`, `iptables -t nat|filter -L [chain] -n`, `ipvsadm -Ln`. In IPVS mode the
 * iptables tables are not the iptables-mode chains (kube-proxy then uses ipsets): not modelled.
 */
export function renderProxyRules(ctx: NetworkContext & { now: number }, node: string, what: { command: 'iptables-save' } | { command: 'iptables-list'; table: 'nat' | 'filter'; chain?: string } | { command: 'ipvsadm' }): string {
  if (what.command === 'ipvsadm') return ipvsadmList(ctx.options.proxyMode === 'ipvs' ? ipvsServices(ctx, node) : []);
  const tables = ctx.options.proxyMode === 'iptables' ? iptablesRules(ctx, node) : [];
  if (what.command === 'iptables-save') return iptablesSave(tables, ctx.now);
  const table = tables.find((t) => t.name === what.table) ?? { name: what.table, builtins: what.table === 'nat' ? ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'] : ['INPUT', 'FORWARD', 'OUTPUT'], chains: [], rules: [] };
  return iptablesList(table, what.chain);
}
