// A Service port's endpoints as kube-proxy and CoreDNS see them. They read EndpointSlices; when
// none exist for a Service yet (no EndpointSlice controller in this engine, or it has not synced),
// the endpoints are computed the way that controller would: ready, non-terminating pods matching
// the selector, targetPort resolved by number or by the container's port name.
// The choice is made in one place, serviceEndpoints().
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ClusterView } from './view.js';
import { isPodReady } from './view.js';

export interface ServiceEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  nodeName?: string;
  /** The pod behind the address (targetRef), when there is one. */
  pod?: Pod;
  /** The hostname a headless Service's DNS publishes (pod.spec.hostname with a matching subdomain). */
  hostname?: string;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

function podOf(view: ClusterView, ns: string | undefined, name: string | undefined): Pod | undefined {
  return name ? view.pods.find((p) => p.metadata?.namespace === ns && p.metadata?.name === name) : undefined;
}

function fromSlices(view: ClusterView, svc: Service, sp: ServicePort): ServiceEndpoint[] | undefined {
  const ns = svc.metadata?.namespace;
  const slices = view.endpointSlices.filter((s) => s.metadata?.namespace === ns && s.metadata?.labels?.[SERVICE_NAME_LABEL] === svc.metadata?.name);
  if (slices.length === 0) return undefined;
  const out: ServiceEndpoint[] = [];
  for (const s of slices) {
    if (s.addressType !== 'IPv4') continue;
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (!port?.port) continue;
    for (const e of s.endpoints ?? []) {
      const pod = e.targetRef?.kind === 'Pod' ? podOf(view, e.targetRef.namespace ?? ns, e.targetRef.name) : undefined;
      out.push({ ip: e.addresses[0], port: port.port, ready: e.conditions?.ready !== false, nodeName: e.nodeName, pod, hostname: e.hostname });
    }
  }
  return out;
}

function fromEndpointsObject(view: ClusterView, svc: Service, sp: ServicePort): ServiceEndpoint[] {
  const ep = view.endpoints.find((e) => e.metadata?.namespace === svc.metadata?.namespace && e.metadata?.name === svc.metadata?.name);
  const out: ServiceEndpoint[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = (subset.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? '') || (subset.ports ?? []).length === 1);
    if (!port) continue;
    for (const a of subset.addresses ?? []) out.push({ ip: a.ip, port: port.port, ready: true, nodeName: a.nodeName ?? undefined, pod: podOf(view, a.targetRef?.namespace, a.targetRef?.name), hostname: a.hostname });
    for (const a of subset.notReadyAddresses ?? []) out.push({ ip: a.ip, port: port.port, ready: false, nodeName: a.nodeName ?? undefined });
  }
  return out;
}

/** targetPort resolved in a pod: a number as is, a name through the containers' named ports. */
export function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const named = (c.ports ?? []).find((p) => p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (named) return named.containerPort;
  }
  return undefined;
}

function selects(selector: Record<string, string>, pod: Pod): boolean {
  return Object.entries(selector).every(([k, v]) => pod.metadata?.labels?.[k] === v);
}

function computed(view: ClusterView, svc: Service, sp: ServicePort): ServiceEndpoint[] {
  const selector = svc.spec?.selector ?? {};
  const out: ServiceEndpoint[] = [];
  for (const pod of view.pods) {
    if (pod.metadata?.namespace !== svc.metadata?.namespace || !selects(selector, pod)) continue;
    if (pod.metadata?.deletionTimestamp || !pod.status?.podIP || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    const port = resolveTargetPort(pod, sp);
    if (port === undefined) continue;
    const hostname = pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name ? pod.spec.hostname : undefined;
    out.push({ ip: pod.status.podIP, port, ready: isPodReady(pod) || svc.spec?.publishNotReadyAddresses === true, nodeName: pod.spec?.nodeName, pod, hostname });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

/** Every endpoint of one Service port, ready or not (EndpointSlices first, see the top). */
export function serviceEndpoints(view: ClusterView, svc: Service, sp: ServicePort): ServiceEndpoint[] {
  const slices = fromSlices(view, svc, sp);
  if (slices) return slices;
  return svc.spec?.selector ? computed(view, svc, sp) : fromEndpointsObject(view, svc, sp);
}

export const readyEndpoints = (view: ClusterView, svc: Service, sp: ServicePort) => serviceEndpoints(view, svc, sp).filter((e) => e.ready);
