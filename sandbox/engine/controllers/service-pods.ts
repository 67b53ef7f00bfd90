// What the Endpoints and EndpointSlice controllers share: the pods a Service selects, which
// services a pod change concerns, each pod's ports for the Service (targetPort by name or
// number) and the last-change-trigger-time annotation.
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ControllerContext } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { podsRef, servicesRef } from './refs.js';
import { mapMatches } from './selectors.js';
import { isPodReady } from './pod-helpers.js';

export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

export interface ResolvedPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/**
 * The selectors of the Services a controller has seen (its informer cache), so that a pod
 * change maps to the services it concerns. Until it has listed them (a fresh or restored
 * engine), a pod change asks for a resync of the pod's whole namespace instead.
 */
export class SelectorCache {
  private selectors = new Map<string, Record<string, string> | undefined>();
  primed = false;

  static readonly RESYNC = '*namespace/';

  observe(obj: KubeObject): string[] {
    this.selectors.set(`${obj.metadata.namespace}/${obj.metadata.name}`, (obj as unknown as Service).spec?.selector);
    return [`${obj.metadata.namespace}/${obj.metadata.name}`];
  }

  forget(obj: KubeObject): string[] {
    this.selectors.delete(`${obj.metadata.namespace}/${obj.metadata.name}`);
    return [`${obj.metadata.namespace}/${obj.metadata.name}`];
  }

  prime(services: Service[]): void {
    for (const s of services) this.observe(s as unknown as KubeObject);
    this.primed = true;
  }

  /** Service keys whose selector matched the pod before or after the change. */
  keysForPod(obj: KubeObject, old?: KubeObject): string[] {
    if (!this.primed) return [`${SelectorCache.RESYNC}${obj.metadata.namespace}`];
    const prefix = `${obj.metadata.namespace}/`;
    const labels = [obj.metadata.labels, old?.metadata.labels];
    const keys: string[] = [];
    for (const [key, selector] of this.selectors) {
      if (key.startsWith(prefix) && selector && labels.some((l) => l && mapMatches(selector, l))) keys.push(key);
    }
    return keys;
  }
}

/** Pods the Service's endpoints come from: selected, with an IP, not finished. */
export function selectedPods(svc: Service, ctx: ControllerContext): Pod[] {
  return (ctx.api.list(podsRef(svc.metadata!.namespace)).items as unknown as Pod[]).filter(
    (p) => mapMatches(svc.spec!.selector, p.metadata?.labels) && p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
  );
}

/** podutil.FindPort: a number is the port itself; a name is looked up in the pod's containers. */
function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const p = c.ports?.find((x) => x.name === target && (x.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (p) return p.containerPort;
  }
  return undefined;
}

/** The pod's ports for every service port it can serve (a pod lacking a named port skips that port). */
export function podPorts(svc: Service, pod: Pod): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const r: ResolvedPort = { port, protocol: sp.protocol ?? 'TCP' };
    if (sp.name) r.name = sp.name;
    if (sp.appProtocol) r.appProtocol = sp.appProtocol;
    out.push(r);
  }
  return out;
}

/** An address counts as ready if the pod is ready (or the Service publishes not-ready addresses). */
export function countsReady(svc: Service, pod: Pod): boolean {
  return !!svc.spec?.publishNotReadyAddresses || (isPodReady(pod) && !pod.metadata?.deletionTimestamp);
}

/** The latest change among the service and its pods (EndpointsChangeTracker's trigger time). */
export function triggerTime(svc: Service, pods: Pod[]): number {
  const times = [Date.parse(svc.metadata!.creationTimestamp!)];
  for (const p of pods) {
    times.push(Date.parse(p.metadata!.creationTimestamp!));
    for (const c of p.status?.conditions ?? []) if (c.lastTransitionTime) times.push(Date.parse(c.lastTransitionTime));
    if (p.metadata?.deletionTimestamp) times.push(Date.parse(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
  }
  return Math.max(...times);
}

export const isHeadless = (svc: Service) => svc.spec?.clusterIP === 'None';

/** Labels copied from the Service, plus the headless marker. */
export function serviceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

export function listServices(ctx: ControllerContext, namespace?: string): Service[] {
  return ctx.api.list(servicesRef(namespace)).items as unknown as Service[];
}
