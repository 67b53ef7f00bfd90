// One consistent read of what the network depends on, taken per request: kube-proxy, CoreDNS and
// the CNI each watch these objects; reading them at the moment of the request is the same as a
// proxy whose rules are in sync (kube-proxy syncs within a second of a change).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ApiClient, ResourceRef } from '../api/types.js';
import type { Random } from '../clock.js';
import type { NetworkOptions } from './options.js';

export interface ClusterView {
  nodes: Node[];
  pods: Pod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  endpoints: Endpoints[];
  policies: NetworkPolicy[];
  namespaces: Namespace[];
  /** For the ingress controller (optional: views built by hand in tests may leave them out). */
  ingresses?: Ingress[];
  ingressClasses?: IngressClass[];
}

/** What a request needs: the cluster's objects, its network options and the proxy's dice. */
export interface NetworkContext {
  view: ClusterView;
  options: NetworkOptions;
  random: Random;
}

function listOrEmpty<T>(api: ApiClient, ref: ResourceRef): T[] {
  try {
    return api.list(ref).items as unknown as T[];
  } catch {
    return []; // a resource this engine does not serve yet
  }
}

export function readView(api: ApiClient): ClusterView {
  return {
    nodes: listOrEmpty(api, { group: '', version: 'v1', resource: 'nodes' }),
    pods: listOrEmpty(api, { group: '', version: 'v1', resource: 'pods' }),
    services: listOrEmpty(api, { group: '', version: 'v1', resource: 'services' }),
    endpointSlices: listOrEmpty(api, { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' }),
    endpoints: listOrEmpty(api, { group: '', version: 'v1', resource: 'endpoints' }),
    policies: listOrEmpty(api, { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' }),
    namespaces: listOrEmpty(api, { group: '', version: 'v1', resource: 'namespaces' }),
    ingresses: listOrEmpty(api, { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' }),
    ingressClasses: listOrEmpty(api, { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' }),
  };
}

export const nodeInternalIP = (n: Node) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;

export function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** A pod holding an IP on the pod network (its sandbox exists and it is not host-network). */
export function podByIP(view: ClusterView, ip: string): Pod | undefined {
  return view.pods.find((p) => !p.spec?.hostNetwork && p.status?.podIP === ip && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}
