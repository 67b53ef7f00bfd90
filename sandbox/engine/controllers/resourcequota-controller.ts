// The resource quota controller: keeps each ResourceQuota's status (hard, used) equal to what
// its namespace holds, recalculated whenever something countable in the namespace changes.
import type { KubeObject } from '../objects.js';
import { namespaceUsage } from '../admission/quota-usage.js';
import { parseList, toRaw, zero } from '../admission/resources-math.js';
import type { Controller, ControllerContext } from './runtime-contract.js';
import { COLLECTED_RESOURCES } from './garbage-collector.js';

const QUOTAS = { group: '', version: 'v1', resource: 'resourcequotas' };

function reconcile(namespace: string, ctx: ControllerContext): void {
  const quotas = ctx.api.list({ ...QUOTAS, namespace }).items;
  for (const quota of quotas) {
    const hard = parseList((quota.spec as { hard?: Record<string, string> } | undefined)?.hard);
    const names = Object.keys(hard);
    const used = namespaceUsage(ctx.api, namespace, names);
    for (const k of names) used[k] ??= zero();
    const status = { hard: toRaw(hard), used: toRaw(used) };
    if (JSON.stringify(status) === JSON.stringify(quota.status)) continue;
    ctx.api.update({ ...QUOTAS, namespace, name: quota.metadata.name, subresource: 'status' }, { ...quota, status });
  }
}

const namespaceOf = (obj: KubeObject) => (obj.metadata.namespace ? [obj.metadata.namespace] : []);

export function resourceQuotaController(): Controller {
  return {
    name: 'resourcequota-controller',
    watches: COLLECTED_RESOURCES.filter((r) => r.namespaced && !(r.resource === 'events' && !r.group)).map((r) => ({
      group: r.group,
      version: r.version,
      resource: r.resource,
      keysFor: namespaceOf,
    })),
    reconcile,
  };
}
