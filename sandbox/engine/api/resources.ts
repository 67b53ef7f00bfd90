// Every REST resource the engine serves, in the order the real API server's discovery lists
// them (groups in the apiserver's priority order, resources alphabetical within a version).
// Discovery, `kubectl api-resources`, `get all`, the OpenAPI documents and the store's etcd keys
// all come from this one table.
import type { ResourceType, SubresourceType } from './types.js';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

interface Spec {
  resource: string;
  kind: string;
  namespaced?: boolean; // default true
  shortNames?: string[];
  all?: boolean; // in category "all"
  verbs?: string[];
  sub?: Array<[name: string, kind?: string, group?: string, version?: string]>;
  prefix?: string; // etcd prefix when it differs from /registry/<resource>
  singular?: string;
  storedAs?: ResourceType['storedAs'];
}

const subVerbs: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  binding: ['create'],
  eviction: ['create'],
  ephemeralcontainers: ['get', 'patch', 'update'],
  resize: ['get', 'patch', 'update'],
  token: ['create'],
  finalize: ['update'],
};

const groupVersions: Array<{ group: string; version: string; specs: Spec[] }> = [
  {
    group: '',
    version: 'v1',
    specs: [
      { resource: 'bindings', kind: 'Binding', verbs: ['create'] },
      { resource: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'] },
      { resource: 'endpoints', kind: 'Endpoints', shortNames: ['ep'], prefix: '/registry/services/endpoints', singular: 'endpoints' },
      { resource: 'events', kind: 'Event', shortNames: ['ev'] },
      { resource: 'limitranges', kind: 'LimitRange', shortNames: ['limits'] },
      { resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: NO_COLLECTION_DELETE, sub: [['finalize'], ['status']] },
      { resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], prefix: '/registry/minions', sub: [['proxy', 'NodeProxyOptions'], ['status']] },
      { resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', shortNames: ['pvc'], sub: [['status']] },
      { resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], sub: [['status']] },
      {
        resource: 'pods',
        kind: 'Pod',
        shortNames: ['po'],
        all: true,
        sub: [
          ['attach', 'PodAttachOptions'],
          ['binding', 'Binding'],
          ['ephemeralcontainers'],
          ['eviction', 'Eviction', 'policy', 'v1'],
          ['exec', 'PodExecOptions'],
          ['log'],
          ['portforward', 'PodPortForwardOptions'],
          ['proxy', 'PodProxyOptions'],
          ['resize'],
          ['status'],
        ],
      },
      { resource: 'podtemplates', kind: 'PodTemplate' },
      { resource: 'replicationcontrollers', kind: 'ReplicationController', shortNames: ['rc'], all: true, prefix: '/registry/controllers', sub: [['scale', 'Scale', 'autoscaling', 'v1'], ['status']] },
      { resource: 'resourcequotas', kind: 'ResourceQuota', shortNames: ['quota'], sub: [['status']] },
      { resource: 'secrets', kind: 'Secret' },
      { resource: 'serviceaccounts', kind: 'ServiceAccount', shortNames: ['sa'], sub: [['token', 'TokenRequest', 'authentication.k8s.io', 'v1']] },
      { resource: 'services', kind: 'Service', shortNames: ['svc'], all: true, prefix: '/registry/services/specs', sub: [['proxy', 'ServiceProxyOptions'], ['status']] },
    ],
  },
  {
    group: 'apps',
    version: 'v1',
    specs: [
      { resource: 'controllerrevisions', kind: 'ControllerRevision' },
      { resource: 'daemonsets', kind: 'DaemonSet', shortNames: ['ds'], all: true, sub: [['status']] },
      { resource: 'deployments', kind: 'Deployment', shortNames: ['deploy'], all: true, sub: [['scale', 'Scale', 'autoscaling', 'v1'], ['status']] },
      { resource: 'replicasets', kind: 'ReplicaSet', shortNames: ['rs'], all: true, sub: [['scale', 'Scale', 'autoscaling', 'v1'], ['status']] },
      { resource: 'statefulsets', kind: 'StatefulSet', shortNames: ['sts'], all: true, sub: [['scale', 'Scale', 'autoscaling', 'v1'], ['status']] },
    ],
  },
  {
    group: 'events.k8s.io',
    version: 'v1',
    specs: [{ resource: 'events', kind: 'Event', shortNames: ['ev'], storedAs: { group: '', version: 'v1', resource: 'events' } }],
  },
  {
    group: 'authentication.k8s.io',
    version: 'v1',
    specs: [
      { resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, verbs: ['create'] },
      { resource: 'tokenreviews', kind: 'TokenReview', namespaced: false, verbs: ['create'] },
    ],
  },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    specs: [
      { resource: 'localsubjectaccessreviews', kind: 'LocalSubjectAccessReview', verbs: ['create'] },
      { resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: ['create'] },
      { resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, verbs: ['create'] },
      { resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, verbs: ['create'] },
    ],
  },
  {
    group: 'autoscaling',
    version: 'v2',
    specs: [{ resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', shortNames: ['hpa'], all: true, sub: [['status']] }],
  },
  {
    group: 'batch',
    version: 'v1',
    specs: [
      { resource: 'cronjobs', kind: 'CronJob', shortNames: ['cj'], all: true, sub: [['status']] },
      { resource: 'jobs', kind: 'Job', all: true, sub: [['status']] },
    ],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    specs: [
      { resource: 'ingressclasses', kind: 'IngressClass', namespaced: false },
      { resource: 'ingresses', kind: 'Ingress', shortNames: ['ing'], prefix: '/registry/ingress', sub: [['status']] },
      { resource: 'networkpolicies', kind: 'NetworkPolicy', shortNames: ['netpol'] },
    ],
  },
  {
    group: 'policy',
    version: 'v1',
    specs: [{ resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', shortNames: ['pdb'], sub: [['status']] }],
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    specs: [
      { resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
      { resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
      { resource: 'rolebindings', kind: 'RoleBinding' },
      { resource: 'roles', kind: 'Role' },
    ],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    specs: [{ resource: 'storageclasses', kind: 'StorageClass', namespaced: false, shortNames: ['sc'] }],
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1',
    specs: [{ resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] }],
  },
  {
    group: 'coordination.k8s.io',
    version: 'v1',
    specs: [{ resource: 'leases', kind: 'Lease' }],
  },
  {
    group: 'discovery.k8s.io',
    version: 'v1',
    specs: [{ resource: 'endpointslices', kind: 'EndpointSlice' }],
  },
];

/** autoscaling/v1 is served too (kubectl's scale uses autoscaling/v1 Scale); v2 is preferred. */
export const SERVED_EXTRA_VERSIONS = [{ group: 'autoscaling', version: 'v1', resources: ['horizontalpodautoscalers'] }];

function toResourceType(group: string, version: string, s: Spec): ResourceType {
  const subresources: SubresourceType[] = (s.sub ?? []).map(([name, kind, g, v]) => ({
    name,
    kind: kind ?? s.kind,
    group: g ?? group,
    version: v ?? version,
    verbs: subVerbs[name],
  }));
  return {
    group,
    version,
    resource: s.resource,
    kind: s.kind,
    listKind: `${s.kind}List`,
    singular: s.singular ?? s.kind.toLowerCase(),
    namespaced: s.namespaced ?? true,
    shortNames: s.shortNames ?? [],
    categories: s.all ? ['all'] : [],
    verbs: s.verbs ?? ALL_VERBS,
    subresources,
    storagePrefix: s.prefix ?? `/registry/${s.resource}`,
    ...(s.storedAs ? { storedAs: s.storedAs } : {}),
  };
}

export const RESOURCES: readonly ResourceType[] = groupVersions.flatMap(({ group, version, specs }) =>
  specs.map((s) => toResourceType(group, version, s)),
);

/** Group versions in discovery order, each with its preferred version first. */
export const GROUP_VERSIONS: ReadonlyArray<{ group: string; versions: string[] }> = (() => {
  const out: Array<{ group: string; versions: string[] }> = [];
  for (const { group, version } of groupVersions) {
    const existing = out.find((g) => g.group === group);
    if (existing) existing.versions.push(version);
    else out.push({ group, versions: [version] });
  }
  for (const extra of SERVED_EXTRA_VERSIONS) out.find((g) => g.group === extra.group)?.versions.push(extra.version);
  return out;
})();

export const apiVersionOf = (r: { group: string; version: string }) => (r.group ? `${r.group}/${r.version}` : r.version);

export function findResource(group: string, version: string, resource: string): ResourceType | undefined {
  const direct = RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
  if (direct) return direct;
  const extra = SERVED_EXTRA_VERSIONS.find((e) => e.group === group && e.version === version && e.resources.includes(resource));
  if (!extra) return undefined;
  const preferred = RESOURCES.find((r) => r.group === group && r.resource === resource);
  return preferred && { ...preferred, version };
}

export function findResourceByKind(apiVersion: string, kind: string): ResourceType | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return RESOURCES.find((r) => r.group === group && r.kind === kind && r.version === version) ??
    (SERVED_EXTRA_VERSIONS.some((e) => e.group === group && e.version === version)
      ? findResource(group, version, RESOURCES.find((r) => r.group === group && r.kind === kind)?.resource ?? '')
      : undefined);
}

/** `deployments.apps`, as error messages name a resource. */
export const qualifiedResource = (r: ResourceType) => ({ group: r.group, resource: r.resource });
/** `Deployment.apps`, as Invalid errors name a kind. */
export const qualifiedKind = (r: ResourceType) => ({ group: r.group, kind: r.kind });
