// Types shared by many kinds: ObjectMeta, LabelSelector, pod templates (k8s.io/api/core/v1 and meta/v1).
import {
  applyMapList,
  applySet,
  atomicList,
  atomicStruct,
  mapOf,
  mergedList,
  mergedSet,
  struct,
  type FieldType,
  type StructType,
} from './types.js';

export const objectMeta: StructType = struct({
  labels: mapOf(),
  annotations: mapOf(),
  // +listType=set, patchStrategy merge
  finalizers: mergedSet(),
  // +listType=map +listMapKey=uid, patchMergeKey uid
  ownerReferences: mergedList('uid'),
  managedFields: atomicList(),
});

/** metav1.LabelSelector is `+structType=atomic`. */
export const labelSelector = atomicStruct();

/** metav1.Condition lists: patchMergeKey type, +listType=map +listMapKey=type. */
export const conditions = (): FieldType => mergedList('type');

const containerPort = struct({});
const container = struct({
  // +listType=map +listMapKey=containerPort +listMapKey=protocol; patchMergeKey containerPort
  ports: mergedList('containerPort', containerPort, { keys: ['containerPort', 'protocol'], keyDefaults: { protocol: 'TCP' } }),
  env: mergedList('name'),
  volumeMounts: mergedList('mountPath'),
  volumeDevices: mergedList('devicePath'),
  resources: struct({ claims: applyMapList(['name']) }),
});

const nodeSelectorTerms = atomicStruct(); // v1.NodeSelector is +structType=atomic

const affinity = struct({
  nodeAffinity: struct({ requiredDuringSchedulingIgnoredDuringExecution: nodeSelectorTerms }),
});

export const podSpec: StructType = struct({
  // patchStrategy "merge,retainKeys", patchMergeKey name, +listType=map
  volumes: mergedList('name'),
  initContainers: mergedList('name', container),
  containers: mergedList('name', container),
  ephemeralContainers: mergedList('name', container),
  imagePullSecrets: mergedList('name'),
  hostAliases: mergedList('ip', struct({ hostnames: atomicList() })),
  // +listType=map +listMapKey=topologyKey +listMapKey=whenUnsatisfiable; patchMergeKey topologyKey
  topologySpreadConstraints: mergedList('topologyKey', undefined, { keys: ['topologyKey', 'whenUnsatisfiable'] }),
  // +mapType=atomic
  nodeSelector: mapOf(undefined, true),
  affinity,
  resourceClaims: mergedList('name'),
  schedulingGates: mergedList('name'),
  // +listType=atomic, no patch strategy: replaced by strategic merge, one value for apply
  tolerations: atomicList(),
  readinessGates: atomicList(),
});

export const podStatus: StructType = struct({
  conditions: conditions(),
  // patchMergeKey ip, +listType=atomic
  podIPs: mergedList('ip', undefined, { atomicForApply: true }),
  hostIPs: mergedList('ip', undefined, { atomicForApply: true }),
  resourceClaimStatuses: mergedList('name'),
});

export const podTemplateSpec: StructType = struct({ metadata: objectMeta, spec: podSpec });

/** The root of an object with the given spec and status types. */
export function kindRoot(fields: Record<string, FieldType>): StructType {
  return struct({ metadata: objectMeta, ...fields });
}

export { applySet };
