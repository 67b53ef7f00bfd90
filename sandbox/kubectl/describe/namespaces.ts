// Namespaces (with their quotas and limit ranges), ResourceQuotas and LimitRanges.
import type { KubeObject } from '../../engine/objects.js';
import { quantity, resourceNames, rfc1123z, printAnnotations, printLabels, type Json } from './format.js';
import { parseQuantity, unitValue } from './quantities.js';
import type { DescribeSettings } from './registry.js';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.js';

const QUOTAS = { group: '', version: 'v1', resource: 'resourcequotas' };
const LIMIT_RANGES = { group: '', version: 'v1', resource: 'limitranges' };

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

export async function describeNamespace(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const ns = obj as Json;
  const quotas = (await s.api.list({ ...QUOTAS, namespace: ns.metadata.name }, { limit: 500 })).items as Json[];
  const limits = (await s.api.list({ ...LIMIT_RANGES, namespace: ns.metadata.name }, { limit: 500 })).items as Json[];
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabels(w, 'Labels', ns.metadata.labels);
  printAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  if (ns.status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of ns.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, '\n');
  describeQuotas(w, quotas);
  w.write(LEVEL_0, '\n');
  describeLimitRanges(w, limits);
  return w.toString();
}

function sortedScopes(q: Json): string[] {
  return [...(q.spec?.scopes ?? [])].sort();
}

function describeQuotas(w: DescribeWriter, quotas: Json[]): void {
  if (!quotas.length) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes = sortedScopes(q);
    if (scopes.length) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const r of resourceNames(hard)) w.write(LEVEL_1, `${r}\t${quantity(q.status?.used?.[r] ?? '0')}\t${quantity(hard[r])}\n`);
  }
}

function describeLimitRanges(w: DescribeWriter, limits: Json[]): void {
  if (!limits.length) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limits) describeLimitRangeSpec(w, lr.spec, ' ');
}

/** One row per limit type and resource; Go iterates resources in map order, we sort them. */
function describeLimitRangeSpec(w: DescribeWriter, spec: Json, prefix: string): void {
  for (const item of spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort();
    for (const r of names) {
      const cells = lists.map((l) => (l?.[r] !== undefined ? quantity(l[r]) : '-'));
      w.write(LEVEL_0, `${prefix}${item.type ?? ''}\t${r}\t${cells.join('\t')}\n`);
    }
  }
}

export async function describeLimitRange(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const lr = obj as Json;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace}\n`);
  w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  describeLimitRangeSpec(w, lr.spec, '');
  return w.toString();
}

export async function describeResourceQuota(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const q = obj as Json;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace}\n`);
  const scopes = sortedScopes(q);
  if (scopes.length) {
    w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`);
  }
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
  w.write(LEVEL_0, '--------\t----\t----\n');
  const hard = q.status?.hard ?? {};
  for (const r of resourceNames(hard)) {
    const h = parseQuantity(hard[r]);
    const u = parseQuantity(q.status?.used?.[r] ?? '0');
    // A used value in another format than the hard one is re-expressed as a whole number in the hard one's format.
    const used = h.format !== u.format ? quantityIn(unitValue(u), hard[r]) : quantity(q.status?.used?.[r] ?? '0');
    w.write(LEVEL_0, `${r}\t${used}\t${quantity(hard[r])}\n`);
  }
  return w.toString();
}

function quantityIn(value: bigint, like: string): string {
  const f = parseQuantity(like).format;
  if (f === 'BinarySI' && value >= 1024n && value % 1024n === 0n) return quantity(`${value / 1024n}Ki`);
  return quantity(`${value}`);
}
