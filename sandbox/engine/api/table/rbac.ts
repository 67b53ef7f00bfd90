// RBAC bindings (printRoleBinding, printClusterRoleBinding). Roles and ClusterRoles have no
// printer in the real API server: they get the default Name / Created At table.
import type { RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { since } from './duration.js';
import type { Printer } from './types.js';

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
function subjectsStrings(subjects: Subject[] | undefined): [users: string, groups: string, sas: string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingPrinter(kind: 'roleBinding' | 'clusterRoleBinding'): Printer {
  const docKey = kind === 'roleBinding' ? 'rbac/v1beta1 RoleBinding.roleRef' : 'rbac/v1beta1 ClusterRoleBinding.roleRef';
  return {
    columns: [
      nameCol(),
      docCol('Role', 'string', docKey),
      ageCol(),
      col('Users', 'string', `Users in the ${kind}`, 1),
      col('Groups', 'string', `Groups in the ${kind}`, 1),
      col('ServiceAccounts', 'string', `ServiceAccounts in the ${kind}`, 1),
    ],
    cells(obj, now) {
      const rb = obj as unknown as RoleBinding;
      return [rb.metadata?.name ?? '', `${rb.roleRef?.kind ?? ''}/${rb.roleRef?.name ?? ''}`, since(rb.metadata?.creationTimestamp, now), ...subjectsStrings(rb.subjects)];
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');
