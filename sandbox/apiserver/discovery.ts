// Discovery documents: aggregated (apidiscovery.k8s.io v2 and v2beta1 APIGroupDiscoveryList,
// served only when the Accept header asks for it, with exactly that Content-Type) and legacy
// (APIVersions, APIGroupList, APIGroup, APIResourceList), all from the resource registry.
import { GROUP_VERSIONS, RESOURCES, SERVED_EXTRA_VERSIONS, findResource } from '../engine/api/resources.js';
import type { ResourceType } from '../engine/api/types.js';
import { accepts } from './negotiate.js';

export type AggregatedVersion = 'v2' | 'v2beta1';

export const aggregatedContentType = (v: AggregatedVersion) => `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;

/** The aggregated version the client accepts, preferring v2, or undefined for legacy discovery. */
export function aggregatedVersionAccepted(accept: string | undefined): AggregatedVersion | undefined {
  for (const v of ['v2', 'v2beta1'] as const) if (accepts(accept, { g: 'apidiscovery.k8s.io', v, as: 'APIGroupDiscoveryList' })) return v;
  return undefined;
}

/** Resources of one group version, including versions served from another's table (autoscaling/v1). */
export function resourcesOf(group: string, version: string): ResourceType[] {
  const direct = RESOURCES.filter((r) => r.group === group && r.version === version);
  const extra = SERVED_EXTRA_VERSIONS.find((e) => e.group === group && e.version === version);
  return extra ? extra.resources.map((name) => findResource(group, version, name)!).filter(Boolean) : direct;
}

export const isServedGroupVersion = (group: string, version: string) =>
  GROUP_VERSIONS.some((g) => g.group === group && g.versions.includes(version));

function aggregatedResource(r: ResourceType) {
  const out: Record<string, unknown> = {
    resource: r.resource,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
  };
  if (r.shortNames.length) out.shortNames = r.shortNames;
  if (r.categories.length) out.categories = r.categories;
  if (r.subresources.length) {
    out.subresources = r.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group, version: s.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return out;
}

function aggregatedGroup(group: string, versions: string[]) {
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: versions.map((version) => ({ version, resources: resourcesOf(group, version).map(aggregatedResource), freshness: 'Current' })),
  };
}

/** `/api` (core only) or `/apis` (every other group) as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(core: boolean, v: AggregatedVersion) {
  const groups = GROUP_VERSIONS.filter((g) => (g.group === '') === core);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${v}`,
    metadata: {},
    items: groups.map((g) => aggregatedGroup(g.group, g.versions)),
  };
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(group: string, versions: string[]) {
  const gvs = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUP_VERSIONS.filter((g) => g.group).map((g) => apiGroup(g.group, g.versions)) };
}

export function apiGroupDocument(group: string) {
  const g = GROUP_VERSIONS.find((x) => x.group === group && group);
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g.group, g.versions) };
}

function legacyResources(r: ResourceType): Array<Record<string, unknown>> {
  const main: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
  if (r.shortNames.length) main.shortNames = r.shortNames;
  if (r.categories.length) main.categories = r.categories;
  const subs = r.subresources.map((s) => {
    const entry: Record<string, unknown> = { name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced };
    if (s.group !== r.group || s.version !== r.version) Object.assign(entry, { group: s.group, version: s.version });
    return { ...entry, kind: s.kind, verbs: s.verbs };
  });
  return [main, ...subs];
}

export function apiResourceList(group: string, version: string) {
  const groupVersion = group ? `${group}/${version}` : version;
  const resources = resourcesOf(group, version)
    .flatMap(legacyResources)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return group ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources } : { kind: 'APIResourceList', groupVersion, resources };
}
