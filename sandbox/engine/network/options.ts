// The cluster's network choices, per engine: the CNI plugin (whether NetworkPolicies are enforced),
// kube-proxy's mode, the cluster domain and the pool a simulated cloud (or MetalLB in a kind lab)
// hands LoadBalancer IPs out of. Kept beside the engine in a WeakMap, like cluster.ts's handles,
// so the cluster module can set them from its options without the API store knowing.

export type Cni = 'calico' | 'flannel' | 'cilium' | 'weave';
export type ProxyMode = 'iptables' | 'ipvs';

export interface NetworkOptions {
  cni: Cni;
  proxyMode: ProxyMode;
  clusterDomain: string;
  /** The cluster-wide pod network (kubeadm --pod-network-cidr, flannel's default). */
  clusterCIDR: string;
  serviceCIDR: string;
  /**
   * LoadBalancer IPs the cloud controller assigns, in order. 172.30.255.200–250 sits in the lab's
   * node network (172.30.0.0/16) the way MetalLB pools do in kind/kubeadm labs (an L2 range of
   * the node subnet), so the shell on a node reaches them directly.
   */
  loadBalancerPool: { first: string; last: string };
  /** Whether a cloud (cloud-controller-manager or MetalLB) serves LoadBalancer Services at all. */
  cloud: boolean;
  /**
   * Whether the nodes' own resolver knows cluster.local. On a real kubeadm node it does not
   * (systemd-resolved at 127.0.0.53 forwards upstream), so `curl web` from the node fails to
   * resolve while the ClusterIP works; some lab platforms point nodes at CoreDNS. Default false.
   */
  nodeUsesClusterDns: boolean;
}

/** Which CNI plugins implement NetworkPolicy (Flannel only routes packets). */
export const CNI_ENFORCES_NETWORK_POLICY: Record<Cni, boolean> = { calico: true, flannel: false, cilium: true, weave: true };

export const DEFAULT_NETWORK: NetworkOptions = {
  cni: 'calico',
  proxyMode: 'iptables',
  clusterDomain: 'cluster.local',
  clusterCIDR: '10.244.0.0/16',
  serviceCIDR: '10.96.0.0/12',
  loadBalancerPool: { first: '172.30.255.200', last: '172.30.255.250' },
  cloud: true,
  nodeUsesClusterDns: false,
};

/** kube-dns's ClusterIP as kubeadm sets it (the 10th address of the service CIDR). */
export const CLUSTER_DNS_IP = '10.96.0.10';

const byHost = new WeakMap<object, NetworkOptions>();

export function setNetworkOptions(host: object, opts: Partial<NetworkOptions>): NetworkOptions {
  const merged = { ...(byHost.get(host) ?? DEFAULT_NETWORK), ...opts };
  byHost.set(host, merged);
  return merged;
}

export function networkOptionsOf(host: object | undefined): NetworkOptions {
  return (host && byHost.get(host)) || DEFAULT_NETWORK;
}
