// The HorizontalPodAutoscaler controller (kube-controller-manager's horizontal-pod-autoscaler):
// every 15 s it reads the target's scale subresource, the pods' resource metrics from the metrics
// API (metrics/index.ts, which follows the simulated load), computes the replica count
// (hpa-replicas.ts) and writes the scale and the HPA's status with the real conditions and events.
// Resource metrics only (cpu/memory, Utilization or AverageValue); others report as unsupported.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Container } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext, ReconcileResult } from './runtime-contract.js';
import { objectKey, splitKey } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { rfc3339 } from '../clock.js';
import { metricsAvailable, podMetrics } from '../metrics/index.js';
import { resourceAmount } from '../scheduler/quantity.js';
import { clampReplicas, replicasForUtilization, stabilize, type Condition, type PodSample, type Recommendation } from './hpa-replicas.js';

export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';
export const HPA_SYNC_MS = 15_000;

const HPAS = { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const SCALABLE: Record<string, { group: string; version: string; resource: string }> = {
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments' },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets' },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  ReplicationController: { group: '', version: 'v1', resource: 'replicationcontrollers' },
};

const NO_METRICS_API = 'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

interface Scale {
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

/** What one metric gives: a replica count and the status to show, or an error. */
interface MetricResult {
  replicas: number;
  status: MetricStatus;
  name: string;
}

const DEFAULT_METRICS: MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

function metricName(spec: MetricSpec): string {
  const r = spec.resource!;
  return r.target.type === 'Utilization' ? `${r.name} resource utilization (percentage of request)` : `${r.name} resource`;
}

function quantity(resource: string, value: number): string {
  return resource === 'cpu' ? `${Math.round(value)}m` : String(Math.round(value));
}

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = HPA_CONTROLLER;
  readonly watches = [{ ...HPAS, keysFor: (obj: KubeObject) => [objectKey(obj)] }];
  /** Per HPA: recent recommendations (scale-down stabilization) and when it last synced. */
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly lastSync = new Map<string, number>();

  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    let hpa: HorizontalPodAutoscaler;
    try {
      hpa = ctx.api.get({ ...HPAS, namespace, name }) as unknown as HorizontalPodAutoscaler;
    } catch {
      this.recommendations.delete(key);
      this.lastSync.delete(key);
      return;
    }
    const now = ctx.clock.now();
    const last = this.lastSync.get(key);
    // Our own status writes come back through the watch: sync on the 15 s period only.
    if (last !== undefined && now - last < HPA_SYNC_MS) return { requeueAfterMs: last + HPA_SYNC_MS - now };
    this.lastSync.set(key, now);
    this.sync(key, hpa, ctx);
    return { requeueAfterMs: HPA_SYNC_MS };
  }

  private sync(key: string, hpa: HorizontalPodAutoscaler, ctx: ControllerContext): void {
    const ref = hpa.spec!.scaleTargetRef;
    const gvr = SCALABLE[ref.kind];
    const scaleRef = gvr && { ...gvr, namespace: hpa.metadata!.namespace, name: ref.name, subresource: 'scale' };
    let scale: Scale;
    try {
      if (!scaleRef) throw new Error(`unrecognized resource`);
      scale = ctx.api.get(scaleRef) as unknown as Scale;
    } catch {
      const msg = `the HPA controller was unable to get the target's current scale: ${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`;
      ctx.recordEvent(hpa as unknown as KubeObject, 'Warning', 'FailedGetScale', `${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`);
      this.writeStatus(hpa, ctx, { currentReplicas: 0, desiredReplicas: 0 }, [{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: msg }]);
      return;
    }
    const current = scale.spec?.replicas ?? 0;
    const able: Condition = { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" };
    if (current === 0) {
      this.writeStatus(hpa, ctx, { currentReplicas: 0, desiredReplicas: 0 }, [able, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }]);
      return;
    }
    const metrics = hpa.spec!.metrics?.length ? hpa.spec!.metrics : DEFAULT_METRICS;
    const results = metrics.map((m) => this.evaluate(m, current, hpa, scale, ctx));
    const errors = results.filter((r): r is string => typeof r === 'string');
    const ok = results.filter((r): r is MetricResult => typeof r !== 'string');
    const currentMetrics = results.map((r) => (typeof r === 'string' ? ({ type: '' } as unknown as MetricStatus) : r.status));
    if (ok.length === 0) {
      ctx.recordEvent(hpa as unknown as KubeObject, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (${errors.length} invalid out of ${metrics.length}), first error is: ${errors[0]}`);
      const active: Condition = { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${errors[0]}` };
      this.writeStatus(hpa, ctx, { currentReplicas: current, desiredReplicas: hpa.status?.desiredReplicas ?? 0, currentMetrics }, [able, active]);
      return;
    }
    const best = ok.reduce((a, b) => (b.replicas > a.replicas ? b : a));
    const { replicas: stabilized, history } = stabilize(this.recommendations.get(key) ?? [], ctx.clock.now(), best.replicas);
    this.recommendations.set(key, history);
    const ableNow: Condition = stabilized !== best.replicas
      ? { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
    const { replicas: desired, limited } = clampReplicas(current, stabilized, hpa.spec!.minReplicas ?? 1, hpa.spec!.maxReplicas);
    const active: Condition = { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${best.name}` };
    let lastScaleTime = hpa.status?.lastScaleTime;
    let abl = ableNow;
    if (desired !== current) {
      ctx.api.update(scaleRef!, { ...(scale as object), spec: { replicas: desired } });
      const reason = desired > current ? `${best.name} above target` : 'All metrics below target';
      ctx.recordEvent(hpa as unknown as KubeObject, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      abl = { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` };
      lastScaleTime = rfc3339(ctx.clock.now());
    }
    this.writeStatus(hpa, ctx, { currentReplicas: current, desiredReplicas: desired, currentMetrics, lastScaleTime }, [abl, active, limited]);
  }

  /** One metric's replica count, or the error text the HPA reports for it. */
  private evaluate(m: MetricSpec, current: number, hpa: HorizontalPodAutoscaler, scale: Scale, ctx: ControllerContext): MetricResult | string {
    if (m.type !== 'Resource' || !m.resource) return `the metric type ${m.type} is not supported by this simulated cluster`;
    const resource = m.resource.name;
    if (!metricsAvailable(ctx.api)) {
      const err = `failed to get ${resource} utilization: unable to get metrics for resource ${resource}: ${NO_METRICS_API}`;
      ctx.recordEvent(hpa as unknown as KubeObject, 'Warning', 'FailedGetResourceMetric', err);
      return err;
    }
    const samples = this.samples(hpa.metadata!.namespace!, scale.status?.selector ?? '', resource, ctx);
    const target = m.resource.target;
    if (target.type === 'Utilization') {
      const r = replicasForUtilization(current, target.averageUtilization ?? 80, resource, samples);
      if (typeof r === 'string') {
        const err = `failed to get ${resource} utilization: ${r}`;
        ctx.recordEvent(hpa as unknown as KubeObject, 'Warning', 'FailedGetResourceMetric', err);
        return err;
      }
      return { replicas: r.replicas, name: metricName(m), status: { type: 'Resource', resource: { name: resource, current: { averageUtilization: r.utilization, averageValue: quantity(resource, r.averageValue) } } } };
    }
    const measured = samples.filter((s) => s.usage !== undefined);
    if (!measured.length) return `failed to get ${resource} usage: did not receive metrics for targeted pods (pods might be unready)`;
    const average = measured.reduce((a, s) => a + s.usage!, 0) / measured.length;
    const wanted = resourceAmount(resource, target.averageValue ?? '0');
    const ratio = average / wanted;
    const replicas = Math.abs(1 - ratio) <= 0.1 ? current : Math.ceil(ratio * measured.length);
    return { replicas, name: metricName(m), status: { type: 'Resource', resource: { name: resource, current: { averageValue: quantity(resource, average) } } } };
  }

  private samples(namespace: string, selector: string, resource: string, ctx: ControllerContext): PodSample[] {
    const usage = new Map<string, number>();
    for (const pm of podMetrics(ctx.api, ctx.clock.now(), namespace, selector)) {
      const containers = (pm as unknown as { containers: Array<{ usage: Record<string, string> }> }).containers;
      usage.set(pm.metadata.name!, containers.reduce((a, c) => a + resourceAmount(resource, c.usage[resource]), 0));
    }
    const pods = ctx.api.list({ ...PODS, namespace }, { labelSelector: selector }).items;
    return pods
      .filter((p) => !p.metadata.deletionTimestamp && !['Failed', 'Succeeded'].includes((p.status as { phase?: string } | undefined)?.phase ?? ''))
      .map((p) => ({
        name: p.metadata.name!,
        ready: ((p.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        usage: usage.get(p.metadata.name!),
        containers: (p.spec as { containers: Container[] }).containers,
      }));
  }

  private writeStatus(hpa: HorizontalPodAutoscaler, ctx: ControllerContext, fields: Partial<NonNullable<HorizontalPodAutoscaler['status']>>, conditions: Condition[]): void {
    const now = rfc3339(ctx.clock.now());
    const old = hpa.status?.conditions ?? [];
    const conds: HorizontalPodAutoscalerCondition[] = conditions.map((c) => {
      const prev = old.find((o) => o.type === c.type);
      return { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now };
    });
    const status = { ...fields, conditions: conds } as NonNullable<HorizontalPodAutoscaler['status']>;
    if (!status.lastScaleTime) delete status.lastScaleTime;
    if (!status.currentMetrics) delete status.currentMetrics;
    if (JSON.stringify(status) === JSON.stringify(hpa.status)) return;
    ctx.api.update({ ...HPAS, namespace: hpa.metadata!.namespace, name: hpa.metadata!.name, subresource: 'status' }, { ...hpa, status } as unknown as KubeObject);
  }
}
