// ResourceQuota admission: a create that would take a namespace over a quota's hard limits is
// refused with the real `exceeded quota: …, requested: …, used: …, limited: …` text; a pod that
// leaves cpu or memory unspecified under a compute quota gets `must specify …`.
import { failure } from '../api/errors-extra.js';
import { qualifiedResource } from '../api/resources.js';
import { qualifiedResourceString } from '../api/errors.js';
import type { KubeObject } from '../objects.js';
import { namespaceUsage, usageOf } from './quota-usage.js';
import { parseList, prettyPrint, zero, type ResourceList } from './resources-math.js';
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

/** Per-container resources whose absence fails a compute quota (the pod evaluator's validationSet). */
const CONSTRAINED = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

interface Container {
  name: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

function forbidden(a: AdmissionAttributes, why: string) {
  const r = qualifiedResource(a.resource);
  return failure(403, 'Forbidden', a.name ? `${qualifiedResourceString(r)} ${JSON.stringify(a.name)} is forbidden: ${why}` : `${qualifiedResourceString(r)} is forbidden: ${why}`, {
    ...(a.name ? { name: a.name } : {}),
    ...(r.group ? { group: r.group } : {}),
    kind: r.resource,
  });
}

/** `must specify limits.cpu for: a,b; requests.memory for: a` or undefined. */
function missingCompute(pod: KubeObject, hard: string[]): string | undefined {
  const required = hard.filter((h) => CONSTRAINED.includes(h));
  if (!required.length) return undefined;
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const missing = new Map<string, Set<string>>();
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const r of required) {
      const isLimit = r.startsWith('limits.');
      const name = r.replace(/^(requests|limits)\./, '');
      const list = isLimit ? c.resources?.limits : c.resources?.requests;
      if (list?.[name] === undefined) {
        if (!missing.has(r)) missing.set(r, new Set());
        missing.get(r)!.add(c.name);
      }
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !a.namespace || !a.object) return;
    const quotas = ctx.api.list({ group: '', version: 'v1', resource: 'resourcequotas', namespace: a.namespace }).items;
    if (!quotas.length) return;
    const delta = usageOf(a.resource, a.object);
    for (const quota of quotas) {
      const hard = parseList((quota.spec as { hard?: Record<string, string> } | undefined)?.hard);
      const relevant = Object.keys(delta).filter((k) => hard[k]);
      const isPod = a.resource.resource === 'pods' && !a.resource.group;
      if (isPod) {
        const missing = missingCompute(a.object, Object.keys(hard));
        if (missing) throw forbidden(a, `failed quota: ${quota.metadata.name}: ${missing}`);
      }
      if (!relevant.length) continue;
      const used = namespaceUsage(ctx.api, a.namespace, relevant);
      const requested: ResourceList = {};
      const failedUsed: ResourceList = {};
      const limited: ResourceList = {};
      for (const k of relevant) {
        const now = used[k] ?? zero();
        if (now.nanos + delta[k].nanos > hard[k].nanos) {
          requested[k] = delta[k];
          failedUsed[k] = now;
          limited[k] = hard[k];
        }
      }
      if (Object.keys(requested).length) {
        throw forbidden(a, `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(requested)}, used: ${prettyPrint(failedUsed)}, limited: ${prettyPrint(limited)}`);
      }
    }
  },
};
