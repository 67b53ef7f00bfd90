// create serviceaccount|role|clusterrole|rolebinding|clusterrolebinding (create_role.go,
// create_clusterrole.go, create_rolebinding.go, …): rules grouped by API group in sorted group
// order, resources resolved like the RESTMapper, subjects users → groups → service accounts.
import type { KubeObject } from '../../../engine/objects.js';
import type { FlagSpec } from '../../flags.js';
import { BareError, UsageError } from '../../host.js';
import { resolveType } from '../../resource-types.js';
import { meta, sliceFlag, sortedMap, stringList, type Generator, type GeneratorInput } from './generator.js';

const RBAC = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
/** Verbs only some resources take; anything else is refused (`can not perform …`). */
const SPECIAL_VERBS: Record<string, Array<[string, string]>> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC_GROUP, 'roles'], [RBAC_GROUP, 'clusterroles']],
  escalate: [[RBAC_GROUP, 'roles'], [RBAC_GROUP, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

interface TypedResource {
  group: string;
  resource: string;
}

/** `pods`, `deploy.apps`, `pods/log`: the group and full resource name, as the mapper finds them. */
function mapResource(typed: string, verbs: string[]): TypedResource {
  const [resourcePart, sub] = typed.split('/', 2);
  const dot = resourcePart.indexOf('.');
  const plain = { resource: dot < 0 ? resourcePart : resourcePart.slice(0, dot), group: dot < 0 ? '' : resourcePart.slice(dot + 1) };
  if (!plain.resource) throw new UsageError('resource must be specified if apiGroup/subresource specified');
  let mapped = plain;
  let mapError: unknown;
  if (plain.resource !== '*') {
    try {
      const t = resolveType(resourcePart);
      mapped = { resource: t.resource, group: t.group };
    } catch (e) {
      mapError = e;
    }
  }
  for (const verb of verbs) {
    const allowed = SPECIAL_VERBS[verb];
    if (allowed && !allowed.some(([g, r]) => (g === mapped.group || mapped.group === '*') && (r === mapped.resource || mapped.resource === '*'))) {
      throw new UsageError(`can not perform '${verb}' on '${mapped.resource}' in group '${mapped.group}'`);
    }
  }
  // The RESTMapper's error reaches checkErr unwrapped: printed without `error: `.
  if (mapError && plain.resource !== '*') throw new BareError((mapError as Error).message);
  return { group: mapped.group, resource: sub ? `${mapped.resource}/${sub}` : mapped.resource };
}

function rules(verbs: string[], resources: string[], resourceNames: string[], nonResourceURLs: string[]): Array<Record<string, unknown>> {
  const byGroup = new Map<string, string[]>();
  for (const typed of resources) {
    const { group, resource } = mapResource(typed, verbs);
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const out: Array<Record<string, unknown>> = [...byGroup.keys()].sort().map((g) => {
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (resourceNames.length) rule.resourceNames = resourceNames;
    return rule;
  });
  if (nonResourceURLs.length) out.push({ verbs, nonResourceURLs });
  return out;
}

function roleInput(input: GeneratorInput, cluster: boolean) {
  const f = input.flags;
  const verbs = sliceFlag(f.verb);
  const resources = sliceFlag(f.resource);
  const nonResourceURLs = sliceFlag(f['non-resource-url']);
  const aggregation = sliceFlag(f['aggregation-rule']);
  if (cluster && aggregation.length) {
    if (verbs.length || resources.length || nonResourceURLs.length) throw new UsageError('aggregation rule must be specified without nonResourceURLs, resources, verbs');
    return { aggregation, verbs, resources, nonResourceURLs };
  }
  if (!verbs.length) throw new UsageError('at least one verb must be specified');
  if (cluster && !resources.length && !nonResourceURLs.length) throw new UsageError('one of resource or nonResourceURL must be specified');
  if (!cluster && !resources.length) throw new UsageError('at least one resource must be specified');
  // Unknown verbs are allowed (custom resources may define their own); kubectl only warns.
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v) && resources.length) input.ctx.io.err(`Warning: '${v}' is not a standard resource verb\n`);
  for (const url of nonResourceURLs) if (!url.startsWith('/')) throw new UsageError(`'${url}' is not a valid non-resource URL`);
  return { aggregation, verbs, resources, nonResourceURLs };
}

function role(input: GeneratorInput, cluster: boolean): KubeObject {
  const r = roleInput(input, cluster);
  const kind = cluster ? 'ClusterRole' : 'Role';
  const obj: Record<string, unknown> = { kind, apiVersion: RBAC, metadata: meta(input.name, cluster ? undefined : input.explicitNamespace) };
  if (r.aggregation.length) {
    obj.rules = null;
    const matchLabels = sortedMap(r.aggregation.map((kv) => kv.split('=', 2) as [string, string]));
    obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels }] };
  } else obj.rules = rules(r.verbs, r.resources, sliceFlag(input.flags['resource-name']), r.nonResourceURLs);
  return obj as unknown as KubeObject;
}

function subjects(input: GeneratorInput): Array<Record<string, unknown>> {
  const f = input.flags;
  const named = (kind: string) => (name: string) => ({ kind, apiGroup: RBAC_GROUP, name });
  const serviceAccounts = stringList(f.serviceaccount).map((sa) => {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError('serviceaccount must be <namespace>:<name>');
    return { kind: 'ServiceAccount', name: parts[1], namespace: parts[0] };
  });
  return [...sliceFlag(f.user).map(named('User')), ...sliceFlag(f.group).map(named('Group')), ...serviceAccounts];
}

function binding(input: GeneratorInput, cluster: boolean): KubeObject {
  const f = input.flags as Record<string, string | undefined>;
  if (!cluster && !f.role === !f.clusterrole) throw new UsageError('exactly one of clusterrole or role must be specified');
  const subs = subjects(input);
  const roleRef = f.role ? { apiGroup: RBAC_GROUP, kind: 'Role', name: f.role } : { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: f.clusterrole };
  const obj: Record<string, unknown> = { kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding', apiVersion: RBAC, metadata: meta(input.name, cluster ? undefined : input.explicitNamespace) };
  if (subs.length) obj.subjects = subs;
  obj.roleRef = roleRef;
  return obj as unknown as KubeObject;
}

const SUBJECT_FLAGS: FlagSpec[] = [
  { name: 'user', type: 'stringArray' },
  { name: 'group', type: 'stringArray' },
  { name: 'serviceaccount', type: 'stringArray' },
];
const ROLE_FLAGS: FlagSpec[] = [
  { name: 'verb', type: 'stringArray' },
  { name: 'resource', type: 'stringArray' },
  { name: 'resource-name', type: 'stringArray' },
];

export const RBAC_GENERATORS: Record<string, Generator> = {
  serviceaccount: { flags: [], build: (i) => ({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(i.name, i.explicitNamespace) }) as unknown as KubeObject, wrapErrors: 'failed to create serviceaccount: ' },
  role: { flags: ROLE_FLAGS, build: (i) => role(i, false) },
  clusterrole: { flags: [...ROLE_FLAGS, { name: 'non-resource-url', type: 'stringArray' }, { name: 'aggregation-rule', type: 'stringArray' }], build: (i) => role(i, true) },
  rolebinding: { flags: [{ name: 'role', type: 'string' }, { name: 'clusterrole', type: 'string' }, ...SUBJECT_FLAGS], build: (i) => binding(i, false), wrapErrors: 'failed to create rolebinding: ' },
  clusterrolebinding: { flags: [{ name: 'clusterrole', type: 'string' }, ...SUBJECT_FLAGS], build: (i) => binding(i, true), wrapErrors: 'failed to create clusterrolebinding: ', required: ['clusterrole'] },
};
