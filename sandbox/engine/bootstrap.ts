// What a fresh kubeadm cluster holds besides nodes and pods: the four namespaces, the controller
// service accounts in kube-system, the `kubernetes` Service with its Endpoints and EndpointSlice,
// cluster-info in kube-public, the default RBAC roles and bindings, and the system priority
// classes. The control-plane controllers that keep namespaces furnished are registered here too.
import type { Engine } from './engine.js';
import type { ApiClient, ResourceRef } from './api/types.js';
import { garbageCollector } from './controllers/garbage-collector.js';
import { namespaceController } from './controllers/namespace-controller.js';
import { rootCAPublisher, serviceAccountController, CLUSTER_CA_PEM } from './controllers/serviceaccount-controller.js';
import { resourceQuotaController } from './controllers/resourcequota-controller.js';
import { CLUSTER_ROLES, CLUSTER_ROLE_BINDINGS } from './api/rbac-defaults.js';

export interface BootstrapOptions {
  /** The control-plane node's address: the `kubernetes` Service's endpoint. */
  apiServerAddress?: string;
  apiServerPort?: number;
}

export const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** kube-controller-manager's service accounts (one per controller) in kube-system. */
export const KUBE_SYSTEM_SERVICE_ACCOUNTS = [
  'attachdetach-controller',
  'bootstrap-signer',
  'certificate-controller',
  'clusterrole-aggregation-controller',
  'cronjob-controller',
  'daemon-set-controller',
  'deployment-controller',
  'disruption-controller',
  'endpoint-controller',
  'endpointslice-controller',
  'endpointslicemirroring-controller',
  'ephemeral-volume-controller',
  'expand-controller',
  'generic-garbage-collector',
  'horizontal-pod-autoscaler',
  'job-controller',
  'legacy-service-account-token-cleaner',
  'namespace-controller',
  'node-controller',
  'persistent-volume-binder',
  'pod-garbage-collector',
  'pv-protection-controller',
  'pvc-protection-controller',
  'replicaset-controller',
  'replication-controller',
  'resourcequota-controller',
  'root-ca-cert-publisher',
  'service-account-controller',
  'service-controller',
  'statefulset-controller',
  'token-cleaner',
  'ttl-after-finished-controller',
  'ttl-controller',
  'validatingadmissionpolicy-status-controller',
];

const core = (resource: string, namespace?: string): ResourceRef => ({ group: '', version: 'v1', resource, ...(namespace ? { namespace } : {}) });

/** The controllers of kube-controller-manager that keep the API's own objects in order. */
export function registerControlPlaneControllers(engine: Engine): void {
  for (const c of [garbageCollector(), namespaceController(), serviceAccountController(), rootCAPublisher(), resourceQuotaController()]) {
    engine.registerController(c);
  }
}

export function bootstrapControlPlaneObjects(engine: Engine, opts: BootstrapOptions = {}): void {
  const api = engine.client('kubeadm', 'cluster bootstrap');
  const address = opts.apiServerAddress ?? '172.30.1.2';
  const port = opts.apiServerPort ?? 6443;
  for (const name of NAMESPACES) api.create(core('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  // The serviceaccount controller furnishes each namespace; without it registered, do it here.
  engine.runUntilIdle();
  for (const name of NAMESPACES) if (!exists(api, core('serviceaccounts', name), 'default')) createServiceAccount(api, name, 'default');
  for (const name of KUBE_SYSTEM_SERVICE_ACCOUNTS) createServiceAccount(api, 'kube-system', name);
  createKubernetesService(engine.client('kube-apiserver', 'cluster bootstrap'), address, port);
  api.create(core('configmaps', 'kube-public'), {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cluster-info' },
    data: { kubeconfig: clusterInfoKubeconfig(address, port) },
  });
  const rbac = (resource: string): ResourceRef => ({ group: 'rbac.authorization.k8s.io', version: 'v1', resource });
  for (const role of CLUSTER_ROLES) api.create(rbac('clusterroles'), role);
  for (const binding of CLUSTER_ROLE_BINDINGS) api.create(rbac('clusterrolebindings'), binding);
  const pcs: ResourceRef = { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' };
  api.create(pcs, {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  });
  api.create(pcs, {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  });
  engine.runUntilIdle();
}

function exists(api: ApiClient, ref: ResourceRef, name: string): boolean {
  return api.list(ref, { fieldSelector: `metadata.name=${name}` }).items.length > 0;
}

function createServiceAccount(api: ApiClient, namespace: string, name: string): void {
  api.create(core('serviceaccounts', namespace), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
}

function createKubernetesService(api: ApiClient, address: string, port: number): void {
  api.create(core('services', 'default'), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  api.create(core('endpoints', 'default'), {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: address }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  });
  api.create(
    { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: 'default' },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [address], conditions: { ready: true } }],
      ports: [{ name: 'https', port, protocol: 'TCP' }],
    },
  );
}

function clusterInfoKubeconfig(address: string, port: number): string {
  const ca = base64(CLUSTER_CA_PEM);
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: https://${address}:${port}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;
}

function base64(s: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (i + 1 < s.length ? chars[(n >> 6) & 63] : '=') + (i + 2 < s.length ? chars[n & 63] : '=');
  }
  return out;
}
