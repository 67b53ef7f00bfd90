// The HPA's arithmetic (pkg/controller/podautoscaler replica_calculator.go and horizontal.go), as
// pure functions: utilization of a resource as a percentage of the pods' requests, the 0.1
// tolerance, pods without metrics counted against the direction of scaling, the default scale-up
// rate (double or +4 pods per 15 s, whichever is more), min/max clamping with its conditions, and
// the scale-down stabilization window (the highest recommendation of the last 5 minutes wins).
import type { Container } from 'kubernetes-types/core/v1';
import { resourceAmount } from '../scheduler/quantity.js';

export const TOLERANCE = 0.1;
export const SCALE_DOWN_WINDOW_MS = 5 * 60_000;

export interface PodSample {
  name: string;
  ready: boolean;
  /** Usage of the resource (millicores for cpu, bytes otherwise); undefined without metrics. */
  usage?: number;
  containers: Container[];
}

export interface UtilizationResult {
  replicas: number;
  utilization: number;
  /** Average usage over the pods with metrics (for status.currentMetrics averageValue). */
  averageValue: number;
}

/** The pods' total request of a resource, or the error the HPA reports when a container has none. */
function requestOf(pod: PodSample, resource: string): number | string {
  let sum = 0;
  for (const c of pod.containers) {
    const r = c.resources?.requests?.[resource];
    if (r === undefined) return `missing request for ${resource} in container ${c.name} of Pod ${pod.name}`;
    sum += resourceAmount(resource, r);
  }
  return sum;
}

/** Desired replicas for a utilization target; a string is the error the HPA reports. */
export function replicasForUtilization(current: number, target: number, resource: string, pods: PodSample[]): UtilizationResult | string {
  if (pods.length === 0) return 'No pods found';
  const requests = new Map<string, number>();
  for (const p of pods) {
    const r = requestOf(p, resource);
    if (typeof r === 'string') return r;
    requests.set(p.name, r);
  }
  const measured = pods.filter((p) => p.usage !== undefined && p.ready);
  const missing = pods.filter((p) => p.usage === undefined);
  const unready = pods.filter((p) => p.usage !== undefined && !p.ready);
  if (measured.length === 0 && unready.length === 0) return `did not receive metrics for targeted pods (pods might be unready)`;
  const sumUsage = (ps: PodSample[], extra: (p: PodSample) => number) => ps.reduce((a, p) => a + (p.usage ?? extra(p)), 0);
  const sumRequest = (ps: PodSample[]) => ps.reduce((a, p) => a + requests.get(p.name)!, 0);
  const usage = sumUsage(measured, () => 0);
  const utilization = measured.length ? (usage * 100) / sumRequest(measured) : 0;
  const averageValue = measured.length ? usage / measured.length : 0;
  let ratio = utilization / target;
  if (missing.length === 0 && unready.length === 0) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return { replicas: current, utilization: Math.floor(utilization), averageValue };
    return { replicas: Math.ceil(ratio * measured.length), utilization: Math.floor(utilization), averageValue };
  }
  // Pods without metrics count as 100% when scaling down and 0% when scaling up; unready ones as 0% up.
  const up = ratio > 1;
  const assumed = [...measured, ...missing, ...(up ? unready : [])];
  const total = measured.reduce((a, p) => a + p.usage!, 0) + missing.reduce((a, p) => a + (up ? 0 : requests.get(p.name)!), 0);
  const newRatio = (total * 100) / sumRequest(assumed) / target;
  if (Math.abs(1 - newRatio) <= TOLERANCE || (up && newRatio < 1) || (!up && newRatio > 1)) return { replicas: current, utilization: Math.floor(utilization), averageValue };
  ratio = newRatio;
  const desired = Math.ceil(ratio * assumed.length);
  if ((up && desired < current) || (!up && desired > current)) return { replicas: current, utilization: Math.floor(utilization), averageValue };
  return { replicas: desired, utilization: Math.floor(utilization), averageValue };
}

export interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/** Scale-up rate (default behavior): at most max(2× current, current + 4) per period. */
export function scaleUpLimit(current: number): number {
  return Math.max(2 * current, current + 4);
}

/** Clamps the stabilized recommendation to min/max and the scale-up rate; says why (ScalingLimited). */
export function clampReplicas(current: number, desired: number, min: number, max: number): { replicas: number; limited: Condition } {
  const upLimit = Math.min(scaleUpLimit(current), max);
  if (desired > upLimit) {
    if (upLimit < max) return { replicas: upLimit, limited: { type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' } };
    return { replicas: max, limited: { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' } };
  }
  if (desired < min) return { replicas: min, limited: { type: 'ScalingLimited', status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' } };
  return { replicas: desired, limited: { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' } };
}

export interface Recommendation {
  at: number;
  replicas: number;
}

/** Keeps the last 5 minutes of recommendations and returns the highest: scale-down waits, scale-up does not. */
export function stabilize(history: Recommendation[], now: number, recommended: number): { replicas: number; history: Recommendation[] } {
  const kept = [...history.filter((r) => now - r.at < SCALE_DOWN_WINDOW_MS), { at: now, replicas: recommended }];
  return { replicas: Math.max(...kept.map((r) => r.replicas)), history: kept };
}
