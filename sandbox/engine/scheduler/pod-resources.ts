// What a pod asks of a node (resource.PodRequests): the larger of the sum over its containers and
// its largest init container, plus overhead. cpu in millicores, memory and others in base units.
import type { Pod, Container } from 'kubernetes-types/core/v1';
import { resourceAmount } from './quantity.js';

export type Resources = Record<string, number>;

function containerRequests(c: Container): Resources {
  const out: Resources = {};
  // An unset request defaults to the limit (the API server defaults it; be robust if it did not).
  const src = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
  for (const [name, q] of Object.entries(src)) out[name] = resourceAmount(name, q as string);
  return out;
}

function addInto(into: Resources, add: Resources): void {
  for (const [k, v] of Object.entries(add)) into[k] = (into[k] ?? 0) + v;
}

const memo = new WeakMap<object, Resources>();

/** Memoised per pod object (objects from the API are frozen, so this never goes stale). */
export function podRequests(pod: Pod): Resources {
  let r = memo.get(pod);
  if (!r) memo.set(pod, (r = computePodRequests(pod)));
  return r;
}

function computePodRequests(pod: Pod): Resources {
  const total: Resources = {};
  for (const c of pod.spec?.containers ?? []) addInto(total, containerRequests(c));
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries(containerRequests(c))) if (v > (total[k] ?? 0)) total[k] = v;
  }
  for (const [k, q] of Object.entries(pod.spec?.overhead ?? {})) total[k] = (total[k] ?? 0) + resourceAmount(k, q as string);
  return total;
}

/** Scoring treats a container without requests as asking 100m cpu and 200Mi (schedutil.GetNonzeroRequests). */
export function nonZeroRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = containerRequests(c);
    cpu += r.cpu ?? 100;
    memory += r.memory ?? 200 * 1024 * 1024;
  }
  return { cpu, memory };
}
