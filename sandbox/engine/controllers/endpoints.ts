// The Endpoints controller (pkg/controller/endpoint, kube-controller-manager's
// endpoint-controller): for each Service with a selector, an Endpoints object of the same name
// whose subsets list the selected pods' IPs, ready ones in `addresses` and the others in
// `notReadyAddresses`, with the ports the Service's targetPorts resolve to on each pod.
// Services without a selector are left alone (their Endpoints are the user's).
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, servicesRef } from './refs.js';
import { endpointsRef, getOrUndefined } from './refs-extra.js';
import { countsReady, isHeadless, listServices, podPorts, selectedPods, SelectorCache, serviceLabels, TRIGGER_TIME, triggerTime } from './service-pods.js';

export const ENDPOINT_CONTROLLER = 'endpoint-controller';

function address(svc: Service, pod: Pod): EndpointAddress {
  const a: EndpointAddress = { ip: pod.status!.podIP! };
  if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name && isHeadless(svc)) a.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', name: pod.metadata!.name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid };
  return a;
}

const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip === b.ip ? String(a.targetRef?.uid).localeCompare(String(b.targetRef?.uid)) : a.ip.localeCompare(b.ip, undefined, { numeric: true }));

/** RepackSubsets: pods with the same ports share a subset; addresses sorted by IP. */
export function subsetsFor(svc: Service, pods: Pod[]): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp && !svc.spec?.publishNotReadyAddresses) continue;
    const ports = podPorts(svc, pod).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    if (ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    const sig = JSON.stringify(ports);
    const g = groups.get(sig) ?? { ports, ready: [], notReady: [] };
    groups.set(sig, g);
    (countsReady(svc, pod) ? g.ready : g.notReady).push(address(svc, pod));
  }
  return [...groups.values()].map((g) => {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}

export class EndpointsController implements Controller {
  readonly name = ENDPOINT_CONTROLLER;
  private readonly cache = new SelectorCache();
  readonly watches = [
    { ...GVR.pods, keysFor: (obj: KubeObject, old?: KubeObject) => this.cache.keysForPod(obj, old), keysForDeleted: (obj: KubeObject) => this.cache.keysForPod(obj) },
    { group: '', version: 'v1', resource: 'services', keysFor: (obj: KubeObject) => this.cache.observe(obj), keysForDeleted: (obj: KubeObject) => this.cache.forget(obj) },
  ];

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    if (!this.cache.primed) this.cache.prime(listServices(ctx));
    if (key.startsWith(SelectorCache.RESYNC)) {
      for (const s of listServices(ctx, key.slice(SelectorCache.RESYNC.length))) this.reconcile(`${s.metadata!.namespace}/${s.metadata!.name}`, ctx);
      return;
    }
    const { namespace, name } = splitKey(key);
    const svc = getOrUndefined<Service>(() => ctx.api.get(servicesRef(namespace, name)));
    const current = getOrUndefined<Endpoints>(() => ctx.api.get(endpointsRef(namespace, name)));
    if (!svc) {
      if (current) getOrUndefined(() => ctx.api.delete(endpointsRef(namespace, name)));
      return;
    }
    if (!svc.spec?.selector) return;
    const pods = selectedPods(svc, ctx);
    const subsets = subsetsFor(svc, pods);
    const labels = serviceLabels(svc);
    const sameLabels = JSON.stringify(current?.metadata?.labels ?? {}) === JSON.stringify(labels);
    if (current && sameLabels && JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets)) return;
    const annotations = { ...(current?.metadata?.annotations ?? {}), [TRIGGER_TIME]: rfc3339(Math.min(ctx.clock.now(), triggerTime(svc, pods))) };
    const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'Endpoints', metadata: { ...(current?.metadata ?? { name, namespace }), labels, annotations } };
    if (subsets.length) body.subsets = subsets;
    if (current) ctx.api.update(endpointsRef(namespace, name), body);
    else ctx.api.create(endpointsRef(namespace), body);
  }
}
