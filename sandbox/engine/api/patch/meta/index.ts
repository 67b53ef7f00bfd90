// patchMetaFor: the patch metadata of a served kind, by apiVersion and kind.
import { appsKinds, autoscalingKinds, batchKinds } from './apps.js';
import { coreKinds } from './core.js';
import { coordinationKinds, discoveryKinds, networkingKinds, policyKinds, rbacKinds, storageKinds } from './other.js';
import { DEDUCED, type PatchMeta, type StructType } from './types.js';

export * from './types.js';

const byGroup: Record<string, Record<string, StructType>> = {
  '': coreKinds,
  apps: appsKinds,
  batch: batchKinds,
  autoscaling: autoscalingKinds,
  'networking.k8s.io': networkingKinds,
  'discovery.k8s.io': discoveryKinds,
  'rbac.authorization.k8s.io': rbacKinds,
  'storage.k8s.io': storageKinds,
  'coordination.k8s.io': coordinationKinds,
  policy: policyKinds,
};

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

// `containers` has no omitempty: the zero value carries it as null, so a create adds no `.` for it.
const podSpec = () => ({ containers: null });
const podTemplate = () => ({ metadata: {}, spec: podSpec() });

/** Non-pointer structs of the Go zero value, per kind (fields not listed here are pointers or omitted). */
function skeletonFor(kind: string, root: StructType | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = { metadata: {} };
  if (!root) return base;
  switch (kind) {
    case 'Deployment':
      return { ...base, spec: { template: podTemplate(), strategy: {} }, status: {} };
    case 'DaemonSet':
    case 'StatefulSet':
      return { ...base, spec: { template: podTemplate(), updateStrategy: {} }, status: {} };
    case 'ReplicaSet':
    case 'Job':
      return { ...base, spec: { template: podTemplate() }, status: {} };
    case 'CronJob':
      return { ...base, spec: { jobTemplate: { metadata: {}, spec: { template: podTemplate() } } }, status: {} };
    case 'Pod':
      return { ...base, spec: podSpec(), status: {} };
    case 'Service':
      return { ...base, spec: {}, status: { loadBalancer: {} } };
    case 'Node':
      return { ...base, spec: {}, status: { daemonEndpoints: { kubeletEndpoint: {} }, nodeInfo: {} } };
    case 'Ingress':
      return { ...base, spec: {}, status: { loadBalancer: {} } };
    case 'Event':
      return { ...base, involvedObject: {}, source: {} };
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return { ...base, roleRef: {} };
    case 'EndpointSlice':
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
    case 'Endpoints':
    case 'ControllerRevision':
    case 'Role':
    case 'ClusterRole':
    case 'StorageClass':
      return base;
    default:
      return 'spec' in root.fields || 'status' in root.fields ? { ...base, spec: {}, status: {} } : { ...base, spec: {} };
  }
}

export function patchMetaFor(apiVersion: string, kind: string): PatchMeta {
  const root = byGroup[groupOf(apiVersion)]?.[kind];
  return { apiVersion, kind, known: root !== undefined, root: root ?? DEDUCED, skeleton: skeletonFor(kind, root) };
}
