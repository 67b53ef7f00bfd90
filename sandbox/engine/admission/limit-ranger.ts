// LimitRanger: fills container requests and limits from the namespace's LimitRanges
// (default / defaultRequest, noted in the kubernetes.io/limit-ranger annotation) and enforces
// min, max and maxLimitRequestRatio per Container and per Pod with the real messages.
import { failure } from '../api/errors-extra.js';
import type { KubeObject } from '../objects.js';
import { parseQuantity } from '../api/validation/quantity.js';
import { add, parseList, text, type RawResourceList, type ResourceList } from './resources-math.js';
import { isResource, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types.js';

interface LimitItem {
  type: string;
  min?: RawResourceList;
  max?: RawResourceList;
  default?: RawResourceList;
  defaultRequest?: RawResourceList;
  maxLimitRequestRatio?: RawResourceList;
}
interface Container {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
}

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

const creatingPod = (a: AdmissionAttributes) => a.operation === 'CREATE' && !a.subresource && isResource(a, '', 'pods') && !!a.object;

function limitItems(a: AdmissionAttributes, ctx: AdmissionContext): LimitItem[] {
  const ranges = ctx.api.list({ group: '', version: 'v1', resource: 'limitranges', namespace: a.namespace }).items;
  return ranges.flatMap((r) => ((r.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []));
}

function fillDefaults(c: Container, items: LimitItem[], prefix: string): string[] {
  const defaults: Record<string, string> = {};
  const defaultRequests: Record<string, string> = {};
  for (const item of items.filter((i) => i.type === 'Container')) {
    Object.assign(defaultRequests, Object.fromEntries(Object.entries(item.defaultRequest ?? {}).map(([k, v]) => [k, String(v)])));
    Object.assign(defaults, Object.fromEntries(Object.entries(item.default ?? {}).map(([k, v]) => [k, String(v)])));
  }
  const resources = (c.resources ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults)) {
    if (resources.limits?.[k] === undefined) {
      resources.limits = { ...(resources.limits ?? {}), [k]: v };
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defaultRequests)) {
    if (resources.requests?.[k] === undefined) {
      resources.requests = { ...(resources.requests ?? {}), [k]: v };
      setRequests.push(k);
    }
  }
  const notes: string[] = [];
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  return notes;
}

function checkItem(kind: string, item: LimitItem, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const min = parseList(item.min);
  const max = parseList(item.max);
  const ratio = parseList(item.maxLimitRequestRatio);
  for (const k of Object.keys(min).sort()) {
    const enforced = text(min[k]);
    if (!requests[k]) errs.push(`minimum ${k} usage per ${kind} is ${enforced}.  No request is specified`);
    else if (requests[k].nanos < min[k].nanos) errs.push(`minimum ${k} usage per ${kind} is ${enforced}, but request is ${text(requests[k])}`);
    else if (limits[k] && limits[k].nanos < min[k].nanos) errs.push(`minimum ${k} usage per ${kind} is ${enforced}, but limit is ${text(limits[k])}`);
  }
  for (const k of Object.keys(max).sort()) {
    const enforced = text(max[k]);
    if (!limits[k]) errs.push(`maximum ${k} usage per ${kind} is ${enforced}.  No limit is specified`);
    else if (limits[k].nanos > max[k].nanos) errs.push(`maximum ${k} usage per ${kind} is ${enforced}, but limit is ${text(limits[k])}`);
    else if (requests[k] && requests[k].nanos > max[k].nanos) errs.push(`maximum ${k} usage per ${kind} is ${enforced}, but request is ${text(requests[k])}`);
  }
  for (const k of Object.keys(ratio).sort()) {
    const enforced = text(ratio[k]);
    if (!requests[k] || requests[k].nanos === 0n) errs.push(`${k} max limit to request ratio per ${kind} is ${enforced}, but no request is specified or request is 0`);
    else if (!limits[k] || limits[k].nanos === 0n) errs.push(`${k} max limit to request ratio per ${kind} is ${enforced}, but no limit is specified or limit is 0`);
    else {
      const observed = Number(limits[k].nanos) / Number(requests[k].nanos);
      if (observed * 1000 > Number(ratio[k].nanos) / 1e6) errs.push(`${k} max limit to request ratio per ${kind} is ${enforced}, but provided ratio is ${observed.toFixed(6)}`);
    }
  }
}

const forbiddenPod = (a: AdmissionAttributes, errs: string[]) => {
  const why = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return failure(403, 'Forbidden', a.name ? `pods ${JSON.stringify(a.name)} is forbidden: ${why}` : `pods is forbidden: ${why}`, {
    ...(a.name ? { name: a.name } : {}),
    kind: 'pods',
  });
};

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, ctx) {
    if (!creatingPod(a)) return;
    const items = limitItems(a, ctx);
    if (!items.length) return;
    const pod = a.object as KubeObject;
    const spec = (pod.spec ?? {}) as PodSpec;
    const notes = [
      ...(spec.initContainers ?? []).flatMap((c) => fillDefaults(c, items, 'init container')),
      ...(spec.containers ?? []).flatMap((c) => fillDefaults(c, items, 'container')),
    ];
    if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  },
  validate(a, ctx) {
    if (!creatingPod(a)) return;
    const items = limitItems(a, ctx);
    if (!items.length) return;
    const spec = ((a.object as KubeObject).spec ?? {}) as PodSpec;
    const errs: string[] = [];
    const podRequests: ResourceList = {};
    const podLimits: ResourceList = {};
    for (const c of spec.containers ?? []) {
      const requests = parseList(c.resources?.requests);
      const limits = parseList(c.resources?.limits);
      for (const [k, q] of Object.entries(requests)) add(podRequests, k, q);
      for (const [k, q] of Object.entries(limits)) add(podLimits, k, q);
      for (const item of items.filter((i) => i.type === 'Container')) checkItem('Container', item, requests, limits, errs);
    }
    for (const item of items.filter((i) => i.type === 'Pod')) checkItem('Pod', item, podRequests, podLimits, errs);
    if (errs.length) throw forbiddenPod(a, errs);
  },
};

export { parseQuantity };
