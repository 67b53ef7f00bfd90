// ResourceRefs and watch descriptors for the batch, stateful, storage, discovery and node
// lifecycle controllers (refs.ts holds the ones the first workload controllers share).
import type { ResourceRef } from '../api/types.js';

const ref = (group: string, version: string, resource: string) => (namespace?: string, name?: string, subresource?: string): ResourceRef => {
  const r: ResourceRef = { group, version, resource };
  if (namespace !== undefined) r.namespace = namespace;
  if (name !== undefined) r.name = name;
  if (subresource !== undefined) r.subresource = subresource;
  return r;
};
const clusterRef = (group: string, version: string, resource: string) => (name?: string, subresource?: string) => ref(group, version, resource)(undefined, name, subresource);

export const jobsRef = ref('batch', 'v1', 'jobs');
export const cronJobsRef = ref('batch', 'v1', 'cronjobs');
export const statefulSetsRef = ref('apps', 'v1', 'statefulsets');
export const controllerRevisionsRef = ref('apps', 'v1', 'controllerrevisions');
export const pvcsRef = ref('', 'v1', 'persistentvolumeclaims');
export const pvsRef = clusterRef('', 'v1', 'persistentvolumes');
export const storageClassesRef = clusterRef('storage.k8s.io', 'v1', 'storageclasses');
export const endpointsRef = ref('', 'v1', 'endpoints');
export const endpointSlicesRef = ref('discovery.k8s.io', 'v1', 'endpointslices');

export const GVR2 = {
  jobs: { group: 'batch', version: 'v1', resource: 'jobs' },
  cronJobs: { group: 'batch', version: 'v1', resource: 'cronjobs' },
  statefulSets: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  pvcs: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
  pvs: { group: '', version: 'v1', resource: 'persistentvolumes' },
  services: { group: '', version: 'v1', resource: 'services' },
  endpoints: { group: '', version: 'v1', resource: 'endpoints' },
  endpointSlices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' },
  leases: { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' },
} as const;

/** Reads an object, or undefined when it does not exist (any read error counts as absent). */
export function getOrUndefined<T>(read: () => unknown): T | undefined {
  try {
    return read() as T;
  } catch {
    return undefined;
  }
}
