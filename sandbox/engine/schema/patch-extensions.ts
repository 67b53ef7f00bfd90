// The patch and list-type extensions the real OpenAPI spec carries on list fields (from the
// `+patchMergeKey`, `+patchStrategy`, `+listType`, `+listMapKey` tags in k8s.io/api types.go).
// kubernetes-models drops them, so scripts/gen-schemas.ts adds them from this table.
// The patch-metadata table in sandbox/engine/api/patch/ is the authority for patching; this one
// only makes the published documents look like the real ones. Hard-coded for the main fields.

export interface ListExtensions {
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
}

const merge = (key: string, strategy = 'merge'): ListExtensions => ({
  'x-kubernetes-patch-merge-key': key,
  'x-kubernetes-patch-strategy': strategy,
});
const mapList = (keys: string[], patchKey = keys[0], strategy = 'merge'): ListExtensions => ({
  'x-kubernetes-list-map-keys': keys,
  'x-kubernetes-list-type': 'map',
  ...merge(patchKey, strategy),
});
const conditions = merge('type');
const atomicConditions: ListExtensions = { ...merge('type'), 'x-kubernetes-list-type': 'atomic' };
const mapConditions = mapList(['type']);

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';

/** definition name → property → extensions. */
export const PATCH_EXTENSIONS: Record<string, Record<string, ListExtensions>> = {
  [`${CORE}.PodSpec`]: {
    containers: merge('name'),
    initContainers: merge('name'),
    ephemeralContainers: merge('name'),
    volumes: merge('name', 'merge,retainKeys'),
    imagePullSecrets: merge('name'),
    hostAliases: mapList(['ip']),
    schedulingGates: mapList(['name']),
    resourceClaims: mapList(['name'], 'name', 'merge,retainKeys'),
    topologySpreadConstraints: mapList(['topologyKey', 'whenUnsatisfiable'], 'topologyKey'),
  },
  [`${CORE}.Container`]: {
    ports: mapList(['containerPort', 'protocol'], 'containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
    resizePolicy: { 'x-kubernetes-list-type': 'atomic' },
  },
  [`${CORE}.EphemeralContainer`]: {
    ports: mapList(['containerPort', 'protocol'], 'containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
    resizePolicy: { 'x-kubernetes-list-type': 'atomic' },
  },
  [`${CORE}.PodStatus`]: {
    conditions,
    podIPs: merge('ip'),
    hostIPs: { ...merge('ip'), 'x-kubernetes-list-type': 'atomic' },
  },
  [`${CORE}.ServiceSpec`]: { ports: mapList(['port', 'protocol'], 'port') },
  [`${CORE}.ServiceStatus`]: { conditions: mapConditions },
  [`${CORE}.NodeStatus`]: { conditions, addresses: merge('type') },
  [`${CORE}.NamespaceStatus`]: { conditions },
  [`${CORE}.PersistentVolumeClaimStatus`]: { conditions },
  [`${CORE}.ReplicationControllerStatus`]: { conditions },
  [`${CORE}.ServiceAccount`]: { secrets: merge('name') },
  [`${CORE}.NodeSpec`]: { podCIDRs: { 'x-kubernetes-patch-strategy': 'merge' } },
  ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']: {
    ownerReferences: merge('uid'),
    finalizers: { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
  },
  [`${APPS}.DeploymentStatus`]: { conditions },
  [`${APPS}.ReplicaSetStatus`]: { conditions },
  [`${APPS}.DaemonSetStatus`]: { conditions },
  [`${APPS}.StatefulSetStatus`]: { conditions },
  ['io.k8s.api.batch.v1.JobStatus']: { conditions: atomicConditions },
  ['io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus']: { conditions: mapConditions },
  ['io.k8s.api.policy.v1.PodDisruptionBudgetStatus']: { conditions: mapConditions },
};

/** Extensions the real spec puts on a struct-valued field rather than a list. */
export const FIELD_PATCH_STRATEGIES: Record<string, Record<string, string>> = {
  [`${APPS}.DeploymentSpec`]: { strategy: 'retainKeys' },
};
