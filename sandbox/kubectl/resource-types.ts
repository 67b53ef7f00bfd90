// Resolving what the learner typed (`po`, `pods`, `Pod`, `deployments.apps`, `deploy.v1.apps`)
// to a served resource, as kubectl's RESTMapper does from discovery.
import { RESOURCES } from '../engine/api/resources.js';
import type { ResourceType } from '../engine/api/types.js';
import { UsageError } from './host.js';

export function resolveType(typed: string): ResourceType {
  const lower = typed.toLowerCase();
  const [name, ...rest] = lower.split('.');
  const qualifier = rest.join('.');
  const matches = RESOURCES.filter((r) => {
    const names = [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames];
    if (!names.includes(name)) return false;
    if (!qualifier) return true;
    return qualifier === r.group || qualifier === `${r.version}.${r.group}` || (r.group === '' && qualifier === r.version);
  });
  // Core and apps first, as kubectl's priority order prefers them (e.g. `events` → core/v1).
  const found = matches[0];
  if (!found || !found.verbs.includes('get')) throw new UsageError(`the server doesn't have a resource type "${typed}"`);
  return found;
}

export function resourcesInCategory(category: string): ResourceType[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}

/** `deployment.apps` / `pod`: how kubectl names a kind in `type/name` output. */
export function kindPrefix(r: ResourceType): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `deployments.apps` / `pods`: how the API names a resource in messages. */
export function qualifiedResourceName(r: ResourceType): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export const refOf = (r: ResourceType, namespace?: string, name?: string) => ({
  group: r.group,
  version: r.version,
  resource: r.resource,
  namespace: r.namespaced ? namespace : undefined,
  name,
});
