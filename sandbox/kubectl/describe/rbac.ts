// Roles, ClusterRoles and their bindings. Rules are broken down to one verb per resource and
// compacted back per resource (kubectl's util/rbac), then sorted by their Go String() form.
import type { KubeObject } from '../../engine/objects.js';
import { printAnnotations, printLabels, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<Rule>): Rule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

function breakdown(r: Json): Rule[] {
  const out: Rule[] = [];
  for (const group of r.apiGroups ?? []) {
    for (const resource of r.resources ?? []) {
      for (const verb of r.verbs ?? []) {
        if (r.resourceNames?.length) for (const name of r.resourceNames) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] }));
        else out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb] }));
      }
    }
  }
  for (const url of r.nonResourceURLs ?? []) for (const verb of r.verbs ?? []) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** Simple rules (one group, one resource, at most one name) on the same target merge their verbs. */
function compact(rules: Rule[]): Rule[] {
  const complex: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if (r.nonResourceURLs.length || r.resourceNames.length > 1 || r.apiGroups.length !== 1 || r.resources.length !== 1) {
      complex.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...complex, ...simple.values()];
}

const goList = (items: string[]) => `[${items.join(' ')}]`;
const ruleString = (r: Rule) => `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function resourceGroup(resources: string[], groups: string[]): string {
  if (!resources.length) return '';
  const [name, sub] = resources[0].split(/\/(.*)/s);
  let out = name;
  if (groups[0]) out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

async function describeRoleLike(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const role = obj as Json;
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const sorted = rules.map((r) => ({ r, key: ruleString(r) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
  printLabels(w, 'Labels', role.metadata.labels);
  printAnnotations(w, 'Annotations', role.metadata.annotations);
  w.write(LEVEL_0, 'PolicyRule:\n');
  w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
  for (const { r } of sorted) w.write(LEVEL_1, `${resourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  return w.toString();
}

async function describeBindingLike(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const b = obj as Json;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${b.metadata.name}\n`);
  printLabels(w, 'Labels', b.metadata.labels);
  printAnnotations(w, 'Annotations', b.metadata.annotations);
  w.write(LEVEL_0, 'Role:\n');
  w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(LEVEL_0, 'Subjects:\n');
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
  w.write(LEVEL_1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  return w.toString();
}

export const describeRole = describeRoleLike;
export const describeClusterRole = describeRoleLike;
export const describeRoleBinding = describeBindingLike;
export const describeClusterRoleBinding = describeBindingLike;
