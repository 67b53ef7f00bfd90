// What an object costs against a ResourceQuota (the quota evaluators): object counts
// (`pods`, `services`, `count/deployments.apps`, …), pod compute (requests.*, limits.*, cpu,
// memory), service node ports and load balancers, claim storage.
import type { KubeObject } from '../objects.js';
import type { ApiClient, ResourceType } from '../api/types.js';
import { RESOURCES } from '../api/resources.js';
import { add, count, parseList, type ResourceList } from './resources-math.js';

interface Container {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** Resources with a legacy short quota name besides `count/<resource>`. */
const LEGACY_COUNT: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

export const countName = (rt: ResourceType) => `count/${rt.group ? `${rt.resource}.${rt.group}` : rt.resource}`;

const terminal = (pod: KubeObject) => ['Succeeded', 'Failed'].includes((pod.status as { phase?: string } | undefined)?.phase ?? '');

/** Pod compute: containers summed, each init container's need taken as a floor (max). */
function podCompute(pod: KubeObject): ResourceList {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const out: ResourceList = {};
  const total = (cs: Container[] | undefined) => {
    const requests: ResourceList = {};
    const limits: ResourceList = {};
    for (const c of cs ?? []) {
      for (const [k, q] of Object.entries(parseList(c.resources?.requests))) add(requests, k, q);
      for (const [k, q] of Object.entries(parseList(c.resources?.limits))) add(limits, k, q);
    }
    return { requests, limits };
  };
  const main = total(spec.containers);
  for (const init of spec.initContainers ?? []) {
    const one = total([init]);
    for (const [k, q] of Object.entries(one.requests)) if (!main.requests[k] || main.requests[k].nanos < q.nanos) main.requests[k] = q;
    for (const [k, q] of Object.entries(one.limits)) if (!main.limits[k] || main.limits[k].nanos < q.nanos) main.limits[k] = q;
  }
  for (const [k, q] of Object.entries(main.requests)) {
    add(out, `requests.${k}`, q);
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') add(out, k, q);
  }
  for (const [k, q] of Object.entries(main.limits)) add(out, `limits.${k}`, q);
  return out;
}

/** The usage one object adds. */
export function usageOf(rt: ResourceType, obj: KubeObject): ResourceList {
  const out: ResourceList = {};
  if (rt.resource === 'pods' && !rt.group && terminal(obj)) return out;
  add(out, countName(rt), count(1));
  if (!rt.group && LEGACY_COUNT[rt.resource]) add(out, LEGACY_COUNT[rt.resource], count(1));
  if (rt.resource === 'pods' && !rt.group) Object.assign(out, podCompute(obj));
  if (rt.resource === 'services' && !rt.group) {
    const spec = (obj.spec ?? {}) as { type?: string; ports?: Array<{ nodePort?: number }> };
    if (spec.type === 'LoadBalancer') add(out, 'services.loadbalancers', count(1));
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') add(out, 'services.nodeports', count((spec.ports ?? []).length));
  }
  if (rt.resource === 'persistentvolumeclaims' && !rt.group) {
    const storage = parseList((obj.spec as { resources?: { requests?: Record<string, string> } } | undefined)?.resources?.requests).storage;
    if (storage) add(out, 'requests.storage', storage);
  }
  return out;
}

/** Everything counted in a namespace, limited to the resource names asked for. */
export function namespaceUsage(api: ApiClient, namespace: string, names: string[]): ResourceList {
  const wanted = new Set(names);
  const out: ResourceList = {};
  for (const rt of RESOURCES) {
    if (!rt.namespaced || rt.storedAs || !rt.verbs.includes('list')) continue;
    const relevant = [...wanted].some((n) => n === countName(rt) || n === LEGACY_COUNT[rt.group ? '' : rt.resource] || (rt.resource === 'pods' && !rt.group && /^(requests\.|limits\.|cpu$|memory$|ephemeral-storage$)/.test(n)) || (rt.resource === 'services' && n.startsWith('services.')) || (rt.resource === 'persistentvolumeclaims' && n === 'requests.storage'));
    if (!relevant) continue;
    for (const obj of api.list({ group: rt.group, version: rt.version, resource: rt.resource, namespace }).items) {
      for (const [k, q] of Object.entries(usageOf(rt, obj))) if (wanted.has(k)) add(out, k, q);
    }
  }
  return out;
}
