// Names the real OpenAPI documents derive from a group version (kube-openapi / apiserver installer):
// operation ids `listAppsV1NamespacedDeployment`, tags `apps_v1`, REST paths.
import type { ResourceType } from '../api/types.js';

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** `rbac.authorization.k8s.io` → `RbacAuthorization`, `` → `Core`, `apps` → `Apps`. */
export function groupPascal(group: string): string {
  if (!group) return 'Core';
  return group.replace(/\.k8s\.io$/, '').split('.').map(capitalize).join('');
}

/** `rbacAuthorization_v1`, `core_v1`, `apps_v1`. */
export function tagOf(group: string, version: string): string {
  const pascal = groupPascal(group);
  return `${pascal[0].toLowerCase()}${pascal.slice(1)}_${version}`;
}

/** `AppsV1`, the infix of every operation id. */
export const operationInfix = (group: string, version: string) => `${groupPascal(group)}${capitalize(version)}`;

/** `/apis/apps/v1` or `/api/v1`. */
export const groupVersionPath = (group: string, version: string) => (group ? `/apis/${group}/${version}` : `/api/${version}`);

/** `api/v1` or `apis/apps/v1`: the key in the /openapi/v3 root. */
export const groupVersionKey = (group: string, version: string) => groupVersionPath(group, version).slice(1);

/** The collection path, namespaced or not. */
export function collectionPath(r: ResourceType): string {
  const base = groupVersionPath(r.group, r.version);
  return r.namespaced ? `${base}/namespaces/{namespace}/${r.resource}` : `${base}/${r.resource}`;
}

export const apiVersionOf = (group: string, version: string) => (group ? `${group}/${version}` : version);
