// ResourceRefs the workload controllers, scheduler and kubelet read and write, so call sites say
// what they touch instead of spelling group/version/resource each time.
import type { ResourceRef } from '../api/types.js';

const ref = (group: string, version: string, resource: string) => (namespace?: string, name?: string, subresource?: string): ResourceRef => {
  const r: ResourceRef = { group, version, resource };
  if (namespace !== undefined) r.namespace = namespace;
  if (name !== undefined) r.name = name;
  if (subresource !== undefined) r.subresource = subresource;
  return r;
};

export const podsRef = ref('', 'v1', 'pods');
export const nodesRef = (name?: string, subresource?: string) => ref('', 'v1', 'nodes')(undefined, name, subresource);
export const replicaSetsRef = ref('apps', 'v1', 'replicasets');
export const deploymentsRef = ref('apps', 'v1', 'deployments');
export const daemonSetsRef = ref('apps', 'v1', 'daemonsets');
export const leasesRef = ref('coordination.k8s.io', 'v1', 'leases');
export const servicesRef = ref('', 'v1', 'services');

/** The watch descriptors for controllers (runtime-contract WatchedResource without keysFor). */
export const GVR = {
  pods: { group: '', version: 'v1', resource: 'pods' },
  nodes: { group: '', version: 'v1', resource: 'nodes' },
  replicaSets: { group: 'apps', version: 'v1', resource: 'replicasets' },
  deployments: { group: 'apps', version: 'v1', resource: 'deployments' },
  daemonSets: { group: 'apps', version: 'v1', resource: 'daemonsets' },
} as const;
