// The cluster network: see README.md. installNetwork() is what a cluster calls with its options.
import type { ClusterHost } from '../cluster.js';
import { LoadBalancerController } from './load-balancer-controller.js';
import { networkOptionsOf, setNetworkOptions, type NetworkOptions } from './options.js';

export { CNI_ENFORCES_NETWORK_POLICY, CLUSTER_DNS_IP, DEFAULT_NETWORK, networkOptionsOf, setNetworkOptions, type Cni, type NetworkOptions, type ProxyMode } from './options.js';
export { connect, type ConnectOutcome, type Source } from './route.js';
export { lookupHost, networkContext, pingable, requestFrom, resolverFor, type NetworkHost, type RequestOutcome } from './request.js';
export { queryCoreDns, resolveName, type DnsAnswer, type ResolverConfig } from './dns.js';
export { LoadBalancerController } from './load-balancer-controller.js';

/** Sets the engine's network options and registers the cloud's LoadBalancer controller. */
export function installNetwork(engine: object & Pick<ClusterHost, 'registerController'>, opts: Partial<NetworkOptions> = {}): NetworkOptions {
  const options = setNetworkOptions(engine, opts);
  engine.registerController(new LoadBalancerController(() => networkOptionsOf(engine)));
  return options;
}
