// The EndpointSlice controller (pkg/controller/endpointslice): for each Service with a
// selector, EndpointSlices `<service>-<5 random>` (owned by the Service, labelled
// kubernetes.io/service-name and managed-by endpointslice-controller.k8s.io) listing the
// selected pods with their ready/serving/terminating conditions and nodeName (no zones here),
// one slice per set of resolved ports; a placeholder slice with no endpoints when none match.
// Not simulated: the 100-endpoint slice limit, topology hints, dual-stack.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice, Endpoint as SliceEndpoint } from 'kubernetes-types/discovery/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { GVR, servicesRef } from './refs.js';
import { endpointSlicesRef, getOrUndefined } from './refs-extra.js';
import { isPodReady } from './pod-helpers.js';
import { ownerRefTo } from './selectors.js';
import { countsReady, isHeadless, listServices, podPorts, selectedPods, SelectorCache, serviceLabels, TRIGGER_TIME, triggerTime, type ResolvedPort } from './service-pods.js';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';

function endpointFor(svc: Service, pod: Pod): SliceEndpoint {
  const terminating = !!pod.metadata?.deletionTimestamp;
  const e: SliceEndpoint = {
    addresses: [pod.status!.podIP!],
    conditions: { ready: countsReady(svc, pod), serving: isPodReady(pod) || !!svc.spec?.publishNotReadyAddresses, terminating },
  };
  if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name && isHeadless(svc)) e.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) e.nodeName = pod.spec.nodeName;
  e.targetRef = { kind: 'Pod', name: pod.metadata!.name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid };
  return e;
}

/** Desired slices' contents keyed by their ports; a placeholder (no ports, no endpoints) when empty. */
function desired(svc: Service, pods: Pod[]): Array<{ ports: ResolvedPort[] | null; endpoints: SliceEndpoint[] | null }> {
  const groups = new Map<string, { ports: ResolvedPort[] | null; endpoints: SliceEndpoint[] | null }>();
  for (const pod of pods) {
    const ports = podPorts(svc, pod).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    if (ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    const sig = JSON.stringify(ports);
    const g = groups.get(sig) ?? { ports: ports.length ? ports : null, endpoints: [] };
    groups.set(sig, g);
    g.endpoints!.push(endpointFor(svc, pod));
  }
  if (groups.size === 0) return [{ ports: null, endpoints: null }];
  return [...groups.values()];
}

export class EndpointSliceController implements Controller {
  readonly name = ENDPOINTSLICE_CONTROLLER;
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
    if (!svc || !svc.spec?.selector || svc.metadata?.deletionTimestamp) return; // the garbage collector removes owned slices
    const existing = (ctx.api.list(endpointSlicesRef(namespace)).items as unknown as EndpointSlice[]).filter(
      (s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name && s.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY,
    );
    const pods = selectedPods(svc, ctx);
    const labels = { ...serviceLabels(svc), [SERVICE_NAME_LABEL]: name!, [MANAGED_BY_LABEL]: MANAGED_BY };
    const trigger = rfc3339(Math.min(ctx.clock.now(), triggerTime(svc, pods)));
    const unused = [...existing];
    for (const want of desired(svc, pods)) {
      const sig = JSON.stringify(want.ports);
      const i = Math.max(0, unused.findIndex((s) => JSON.stringify(s.ports ?? null) === sig));
      const slice = unused.splice(i, 1)[0];
      this.write(svc, slice, want, labels, trigger, ctx);
    }
    for (const s of unused) getOrUndefined(() => ctx.api.delete(endpointSlicesRef(namespace, s.metadata!.name)));
  }

  private write(svc: Service, slice: EndpointSlice | undefined, want: { ports: ResolvedPort[] | null; endpoints: SliceEndpoint[] | null }, labels: Record<string, string>, trigger: string, ctx: ControllerContext): void {
    const ns = svc.metadata!.namespace!;
    if (slice && JSON.stringify(slice.endpoints ?? null) === JSON.stringify(want.endpoints) && JSON.stringify(slice.ports ?? null) === JSON.stringify(want.ports) && JSON.stringify(slice.metadata?.labels) === JSON.stringify(labels)) return;
    const metadata = slice
      ? { ...slice.metadata, labels, annotations: { ...(slice.metadata?.annotations ?? {}), [TRIGGER_TIME]: trigger } }
      : { generateName: `${svc.metadata!.name}-`, namespace: ns, labels, annotations: { [TRIGGER_TIME]: trigger }, ownerReferences: [ownerRefTo(svc as unknown as KubeObject)] };
    const body = { addressType: 'IPv4', apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, endpoints: want.endpoints, ports: want.ports };
    if (slice) ctx.api.update(endpointSlicesRef(ns, slice.metadata!.name), body);
    else ctx.api.create(endpointSlicesRef(ns), body);
  }
}
