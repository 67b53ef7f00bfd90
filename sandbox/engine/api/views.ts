// Resources that are another version's objects seen differently (the real API server converts
// between versions around its storage): events.k8s.io/v1 Events are stored as core/v1 Events.
import { clone, type KubeObject } from '../objects.js';
import type { ResourceType } from './types.js';

export interface View {
  /** The object as this resource serves it, from the stored one. */
  fromStored(obj: KubeObject): KubeObject;
  /** The stored object, from one written through this resource. */
  toStored(obj: KubeObject): KubeObject;
}

type Loose = Record<string, unknown>;

/** Renames fields (view name → stored name), keeping the rest; undefined values are dropped. */
function rename(obj: Loose, map: Record<string, string>, apiVersion: string): KubeObject {
  const out: Loose = { apiVersion, kind: 'Event' };
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || v === undefined) continue;
    out[map[k] ?? k] = clone(v);
  }
  return out as KubeObject;
}

const CORE_TO_EVENTS: Record<string, string> = {
  involvedObject: 'regarding',
  message: 'note',
  reportingComponent: 'reportingController',
  source: 'deprecatedSource',
  firstTimestamp: 'deprecatedFirstTimestamp',
  lastTimestamp: 'deprecatedLastTimestamp',
  count: 'deprecatedCount',
};
const EVENTS_TO_CORE = Object.fromEntries(Object.entries(CORE_TO_EVENTS).map(([a, b]) => [b, a]));

const eventsView: View = {
  fromStored: (obj) => rename(obj as Loose, CORE_TO_EVENTS, 'events.k8s.io/v1'),
  toStored: (obj) => rename(obj as Loose, EVENTS_TO_CORE, 'v1'),
};

interface Hpa {
  metadata: KubeObject['metadata'];
  spec?: Loose & { metrics?: Array<Loose & { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number } } }> };
  status?: Loose & { currentMetrics?: Array<{ type?: string; resource?: { name?: string; current?: { averageUtilization?: number } } }> };
}

const cpuTarget = (h: Hpa) =>
  h.spec?.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization')?.resource?.target?.averageUtilization;

/** autoscaling/v1 HorizontalPodAutoscalers: the v2 objects with only the CPU utilization target. */
const hpaV1View: View = {
  fromStored(obj) {
    const h = obj as unknown as Hpa;
    const { metrics: _m, behavior: _b, ...spec } = (h.spec ?? {}) as Loose;
    const { currentMetrics: _cm, conditions: _c, ...status } = (h.status ?? {}) as Loose;
    const target = cpuTarget(h);
    const current = h.status?.currentMetrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.current?.averageUtilization;
    return clone({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: obj.metadata,
      spec: { ...spec, ...(target !== undefined ? { targetCPUUtilizationPercentage: target } : {}) },
      status: { ...status, ...(current !== undefined ? { currentCPUUtilizationPercentage: current } : {}) },
    }) as KubeObject;
  },
  toStored(obj) {
    const { targetCPUUtilizationPercentage: target, ...spec } = ((obj.spec ?? {}) as Loose) as Loose & { targetCPUUtilizationPercentage?: number };
    const { currentCPUUtilizationPercentage: _cur, ...status } = ((obj.status ?? {}) as Loose) as Loose & { currentCPUUtilizationPercentage?: number };
    const metrics = target !== undefined ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }] : undefined;
    return clone({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: obj.metadata,
      spec: { ...spec, ...(metrics ? { metrics } : {}) },
      ...(obj.status !== undefined ? { status } : {}),
    }) as KubeObject;
  },
};

export interface ViewOf {
  view: View;
  stored: { group: string; version: string; resource: string };
}

export function viewOf(rt: ResourceType): ViewOf | undefined {
  if (rt.group === 'events.k8s.io' && rt.resource === 'events') return { view: eventsView, stored: { group: '', version: 'v1', resource: 'events' } };
  if (rt.group === 'autoscaling' && rt.version === 'v1' && rt.resource === 'horizontalpodautoscalers') {
    return { view: hpaV1View, stored: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' } };
  }
  return undefined;
}
