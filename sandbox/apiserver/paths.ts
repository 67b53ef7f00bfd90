// Resource paths: `/api/v1/namespaces/ns/pods/name/status`, `/apis/apps/v1/deployments`,
// and the legacy `/api/v1/watch/…` form, turned into a ResourceRef and its ResourceType.
import { findResource } from '../engine/api/resources.js';
import type { ResourceRef, ResourceType } from '../engine/api/types.js';

export interface ResourcePath {
  ref: ResourceRef;
  type: ResourceType;
  /** `/watch/` prefix in the path (deprecated but served). */
  legacyWatch: boolean;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'group'; group: string }
  | { kind: 'none' };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseApiPath(pathname: string): ParsedPath {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) [group, version, rest] = ['', parts[1], parts.slice(2)];
  else if (parts[0] === 'apis' && parts.length >= 3) [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
  else if (parts[0] === 'apis' && parts.length === 2) return { kind: 'group', group: parts[1] };
  else return { kind: 'none' };
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  const legacyWatch = rest[0] === 'watch';
  if (legacyWatch) rest = rest.slice(1);
  const ref = refOf(group, version, rest);
  if (!ref) return { kind: 'none' };
  const type = findResource(group, version, ref.resource);
  if (!type) return { kind: 'none' };
  if (ref.namespace !== undefined && !type.namespaced) return { kind: 'none' };
  if (ref.subresource && !type.subresources.some((s) => s.name === ref.subresource)) return { kind: 'none' };
  return { kind: 'resource', path: { ref, type, legacyWatch } };
}

function refOf(group: string, version: string, rest: string[]): ResourceRef | undefined {
  const namespacedForm = rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]));
  const [namespace, resource, name, subresource, extra] = namespacedForm ? rest.slice(1) : [undefined, ...rest];
  if (extra !== undefined || !resource) return undefined;
  const ref: ResourceRef = { group, version, resource };
  if (namespace !== undefined) ref.namespace = namespace;
  if (name !== undefined) ref.name = name;
  if (subresource !== undefined) ref.subresource = subresource;
  return ref;
}
