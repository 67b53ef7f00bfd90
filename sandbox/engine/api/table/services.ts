// Service networking: Services, Endpoints, EndpointSlices, Ingresses, IngressClasses and
// NetworkPolicies (printService, printEndpoints, printEndpointSlice, printIngress, …).
import type { Endpoints, LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, IngressRule, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { since } from './duration.js';
import { formatLabelSelector, formatLabels, joinHostPort, listWithMore } from './format.js';
import type { Printer } from './types.js';

/** Load-balancer ingress points: IPs or hostnames, de-duplicated and sorted (a Go string set). */
function loadBalancerAddresses(status: LoadBalancerStatus | undefined): string {
  const set = new Set<string>();
  for (const ing of status?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  // The server renders "wide", so the 16-character clipping of non-wide output never applies.
  return [...set].sort().join(',');
}

function externalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer);
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

const portString = (ports: ServicePort[] | undefined) =>
  (ports ?? []).map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');

export const servicePrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Type', 'string', 'core/v1 ServiceSpec.type'),
    docCol('Cluster-IP', 'string', 'core/v1 ServiceSpec.clusterIP'),
    docCol('External-IP', 'string', 'core/v1 ServiceSpec.externalIPs'),
    docCol('Port(s)', 'string', 'core/v1 ServiceSpec.ports'),
    ageCol(),
    docCol('Selector', 'string', 'core/v1 ServiceSpec.selector', 1),
  ],
  cells(obj, now) {
    const svc = obj as unknown as Service;
    return [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? '',
      // Older objects may carry only the singular field, which the real conversion mirrors into clusterIPs.
      svc.spec?.clusterIPs?.[0] ?? (svc.spec?.clusterIP || '<none>'),
      externalIP(svc),
      portString(svc.spec?.ports) || '<none>',
      since(svc.metadata?.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** `10.0.0.1:80,10.0.0.2:80 + 1 more...`: ready addresses only, each paired with every port. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const all: string[] = [];
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports: then only the IPs.
    if (!ss.ports?.length) all.push(...addresses.map((a) => a.ip));
    else for (const port of ss.ports) all.push(...addresses.map((a) => joinHostPort(a.ip, port.port)));
  }
  return listWithMore(all, 3, '');
}

export const endpointsPrinter: Printer = {
  columns: [nameCol(), docCol('Endpoints', 'string', 'core/v1 Endpoints.subsets'), ageCol()],
  cells: (obj, now) => [obj.metadata?.name ?? '', formatEndpoints(obj as unknown as Endpoints), since(obj.metadata?.creationTimestamp, now)],
};

export const endpointSlicePrinter: Printer = {
  columns: [
    nameCol(),
    docCol('AddressType', 'string', 'discovery/v1beta1 EndpointSlice.addressType'),
    docCol('Ports', 'string', 'discovery/v1beta1 EndpointSlice.ports'),
    docCol('Endpoints', 'string', 'discovery/v1beta1 EndpointSlice.endpoints'),
    ageCol(),
  ],
  cells(obj, now) {
    const es = obj as unknown as EndpointSlice;
    const ports = (es.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')));
    const addresses = (es.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [es.metadata?.name ?? '', es.addressType ?? '', listWithMore(ports, 3, '<unset>'), listWithMore(addresses, 3, '<unset>'), since(es.metadata?.creationTimestamp, now)];
  },
};

/** HOSTS: the first three hosts named by rules, then ` + N more...` counted in rules. */
function formatHosts(rules: IngressRule[] | undefined): string {
  const list = rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const rule of list) {
    if (hosts.length === 3) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - 3} more...` : hosts.join(',');
}

export const ingressPrinter: Printer = {
  columns: [
    nameCol(),
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    ageCol(),
  ],
  cells(obj, now) {
    const ing = obj as unknown as Ingress;
    return [
      ing.metadata?.name ?? '',
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing.spec?.rules),
      loadBalancerAddresses(ing.status?.loadBalancer as LoadBalancerStatus | undefined),
      ing.spec?.tls?.length ? '80, 443' : '80',
      since(ing.metadata?.creationTimestamp, now),
    ];
  },
};

export const ingressClassPrinter: Printer = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageCol(),
  ],
  cells(obj, now) {
    const ic = obj as unknown as IngressClass;
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [ic.metadata?.name ?? '', ic.spec?.controller ?? '', parameters, since(ic.metadata?.creationTimestamp, now)];
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [nameCol(), docCol('Pod-Selector', 'string', 'extensions/v1beta1 NetworkPolicySpec.podSelector'), ageCol()],
  cells(obj, now) {
    const np = obj as unknown as NetworkPolicy;
    // The pod selector is a value, never nil: an empty one selects every pod and prints <none>.
    return [np.metadata?.name ?? '', formatLabelSelector(np.spec?.podSelector ?? {}), since(np.metadata?.creationTimestamp, now)];
  },
};
