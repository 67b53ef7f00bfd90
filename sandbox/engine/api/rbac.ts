// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when a rule of a
// Role or ClusterRole bound to the user, one of its groups, or its service account covers it.
// Used by the access reviews (kubectl auth can-i) and by the HTTP front for impersonated users.
import type { KubeObject } from '../objects.js';
import type { Store } from '../store/store.js';
import { selectorFromSpec, type LabelSelectorSpec } from './label-selector.js';
import { RESOURCES } from './resources.js';
import { failure } from './errors-extra.js';
import type { UserInfo } from './types.js';

export interface ResourceAttributes {
  verb: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}
export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
interface Binding extends KubeObject {
  roleRef: { kind: string; name: string };
  subjects?: Subject[];
}

/** The admin of a kubeadm cluster, as admin.conf authenticates. */
export const CLUSTER_ADMIN_USER: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

const prefixOf = (group: string, resource: string) => RESOURCES.find((r) => r.group === group && r.resource === resource)!.storagePrefix;

function matchesSubject(s: Subject, user: UserInfo, bindingNamespace?: string): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return user.groups.includes(s.name);
  if (s.kind === 'ServiceAccount') return user.username === `system:serviceaccount:${s.namespace ?? bindingNamespace}:${s.name}`;
  return false;
}

function clusterRoleRules(store: Store, name: string): PolicyRule[] {
  const role = store.get(`${prefixOf('rbac.authorization.k8s.io', 'clusterroles')}/${name}`) as (KubeObject & { rules?: PolicyRule[]; aggregationRule?: { clusterRoleSelectors?: LabelSelectorSpec[] } }) | undefined;
  if (!role) return [];
  const rules = [...(role.rules ?? [])];
  // Aggregated roles: the union of the roles their selectors pick (what the aggregation controller keeps).
  for (const sel of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const pick = selectorFromSpec(sel);
    for (const other of store.list(`${prefixOf('rbac.authorization.k8s.io', 'clusterroles')}/`)) {
      if (other.metadata.name !== name && pick.matches(other.metadata.labels as Record<string, string>)) rules.push(...(((other as { rules?: PolicyRule[] }).rules) ?? []));
    }
  }
  return rules;
}

interface Grant {
  rules: PolicyRule[];
  via: string;
}

/** Every rule that applies to the user in a namespace (or cluster-wide only, without one). */
export function rulesFor(store: Store, user: UserInfo, namespace?: string): Grant[] {
  const grants: Grant[] = [];
  for (const b of store.list(`${prefixOf('rbac.authorization.k8s.io', 'clusterrolebindings')}/`) as Binding[]) {
    const subject = (b.subjects ?? []).find((s) => matchesSubject(s, user));
    if (subject) grants.push({ rules: clusterRoleRules(store, b.roleRef.name), via: `ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${b.roleRef.name}" to ${subject.kind} "${subject.name}"` });
  }
  if (!namespace) return grants;
  for (const b of store.list(`${prefixOf('rbac.authorization.k8s.io', 'rolebindings')}/${namespace}/`) as Binding[]) {
    const subject = (b.subjects ?? []).find((s) => matchesSubject(s, user, namespace));
    if (!subject) continue;
    const rules =
      b.roleRef.kind === 'ClusterRole'
        ? clusterRoleRules(store, b.roleRef.name)
        : (((store.get(`${prefixOf('rbac.authorization.k8s.io', 'roles')}/${namespace}/${b.roleRef.name}`) as { rules?: PolicyRule[] } | undefined)?.rules) ?? []);
    grants.push({ rules, via: `RoleBinding "${b.metadata.name}/${namespace}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${subject.kind} "${subject.name}"` });
  }
  return grants;
}

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

function resourceMatches(rule: PolicyRule, resource: string, subresource?: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some((r) => r === '*' || r === combined || (subresource !== undefined && r === `*/${subresource}`));
}

export function ruleAllows(rule: PolicyRule, a: ResourceAttributes): boolean {
  return (
    has(rule.verbs, a.verb) &&
    has(rule.apiGroups, a.group ?? '') &&
    resourceMatches(rule, a.resource ?? '', a.subresource) &&
    (!rule.resourceNames?.length || (!!a.name && rule.resourceNames.includes(a.name)))
  );
}

export function nonResourceRuleAllows(rule: PolicyRule, a: NonResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
}

export interface Decision {
  allowed: boolean;
  reason?: string;
}

export function authorize(store: Store, user: UserInfo, a: ResourceAttributes | NonResourceAttributes): Decision {
  if (user.groups.includes('system:masters')) return { allowed: true };
  const isResource = !('path' in a);
  for (const g of rulesFor(store, user, isResource ? (a as ResourceAttributes).namespace : undefined)) {
    const ok = g.rules.some((r) => (isResource ? ruleAllows(r, a as ResourceAttributes) : nonResourceRuleAllows(r, a as NonResourceAttributes)));
    if (ok) return { allowed: true, reason: `RBAC: allowed by ${g.via}` };
  }
  return { allowed: false };
}

/** The 403 the API server answers an unauthorized request with. */
export function forbiddenFor(user: UserInfo, a: ResourceAttributes) {
  const qualified = a.group ? `${a.resource}.${a.group}` : (a.resource ?? '');
  const what = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const subject = a.name ? `${qualified} ${JSON.stringify(a.name)}` : qualified;
  return failure(403, 'Forbidden', `${subject} is forbidden: User "${user.username}" cannot ${a.verb} resource "${what}" in API group "${a.group ?? ''}" ${scope}`, {
    ...(a.name ? { name: a.name } : {}),
    ...(a.group ? { group: a.group } : {}),
    kind: a.resource,
  });
}
