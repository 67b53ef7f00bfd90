// What RBAC lets a service account do, read from the Roles, ClusterRoles and their bindings in a
// grading state: exam checks ask "may ci/deploy-bot create deployments in ci?" so that any valid
// set of roles and bindings passes (a Role or a ClusterRole bound by a RoleBinding, one rule or
// several), as `kubectl auth can-i --as` would answer. Rules match with the engine's own ruleAllows.
import { ruleAllows, type PolicyRule, type ResourceAttributes } from '../sandbox/engine/api/rbac';
import type { KubeObject } from '../sandbox/engine/objects';
import type { GradingState } from '../sandbox/grading/check';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
interface Binding extends KubeObject {
  roleRef?: { kind: string; name: string };
  subjects?: Subject[];
}

export const RBAC_KINDS = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];

function bindsServiceAccount(binding: Binding, namespace: string, name: string): boolean {
  return (binding.subjects ?? []).some(
    (s) =>
      (s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? binding.metadata.namespace) === namespace) ||
      (s.kind === 'Group' && (s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${namespace}` || s.name === 'system:authenticated')) ||
      (s.kind === 'User' && s.name === `system:serviceaccount:${namespace}:${name}`),
  );
}

function rulesOf(state: GradingState, roleRef: { kind: string; name: string }, namespace?: string): PolicyRule[] {
  const role = state.objects.find((o) => o.kind === roleRef.kind && o.metadata.name === roleRef.name && (roleRef.kind === 'ClusterRole' || o.metadata.namespace === namespace));
  return ((role as unknown as { rules?: PolicyRule[] } | undefined)?.rules ?? []);
}

/** May the service account `namespace/name` do this (namespaced attributes need `a.namespace`)? */
export function serviceAccountMay(state: GradingState, namespace: string, name: string, a: ResourceAttributes): boolean {
  const bindings = state.objects.filter((o): o is Binding => o.kind === 'ClusterRoleBinding' || (o.kind === 'RoleBinding' && o.metadata.namespace === a.namespace)) as Binding[];
  return bindings.some((b) => {
    if (!b.roleRef || !bindsServiceAccount(b, namespace, name)) return false;
    const where = b.kind === 'RoleBinding' ? b.metadata.namespace : undefined;
    return rulesOf(state, b.roleRef, where).some((rule) => ruleAllows(rule, a));
  });
}
