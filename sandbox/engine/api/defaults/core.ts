// core/v1 defaults other than pods (pkg/apis/core/v1/defaults.go, 1.32), plus the IP family fields
// the Service REST storage fills in on a single-stack IPv4 cluster.
import { base64Encode } from '../continue-token.js';
import { child, list, setDefault, type Obj } from './util.js';

export function defaultService(svc: Obj): void {
  const spec = child(svc, 'spec');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  setDefault(spec, 'type', 'ClusterIP');
  for (const port of list(spec.ports)) {
    setDefault(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const external = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (external) setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  defaultIPFamilies(spec);
}

/**
 * Set by the Service storage on create for a single-stack IPv4 cluster: SingleStack/[IPv4], except
 * that headless Services without a selector prefer RequireDualStack (trimmed to the cluster's one family).
 */
function defaultIPFamilies(spec: Obj): void {
  if (spec.type === 'ExternalName') return;
  const headless = spec.clusterIP === 'None' || (spec.clusterIPs ?? [])[0] === 'None';
  const selectorless = !spec.selector || Object.keys(spec.selector).length === 0;
  if (spec.ipFamilyPolicy === undefined) spec.ipFamilyPolicy = headless && selectorless ? 'RequireDualStack' : 'SingleStack';
  if (!spec.ipFamilies || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
}

export function defaultNamespace(ns: Obj): void {
  const meta = child(ns, 'metadata');
  if (meta.name) child(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
  setDefault(child(ns, 'status'), 'phase', 'Active');
}

export function defaultSecret(secret: Obj): void {
  setDefault(secret, 'type', 'Opaque');
  foldStringData(secret);
}

/**
 * The v1 → internal conversion (Convert_v1_Secret_To_core_Secret) writes each stringData entry
 * into data, encoded, over any data entry of the same key; stringData itself is never stored.
 */
function foldStringData(secret: Obj): void {
  const stringData = secret.stringData as Record<string, unknown> | undefined;
  if (stringData === undefined) return;
  delete secret.stringData;
  if (stringData === null || typeof stringData !== 'object') return;
  const data = (secret.data ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(stringData)) data[key] = base64Encode(String(value));
  secret.data = data;
}

export function defaultPVCSpec(spec: Obj): void {
  setDefault(spec, 'volumeMode', 'Filesystem');
}

export function defaultPVC(pvc: Obj): void {
  defaultPVCSpec(child(pvc, 'spec'));
  setDefault(child(pvc, 'status'), 'phase', 'Pending');
}

export function defaultPV(pv: Obj): void {
  const spec = child(pv, 'spec');
  setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefault(spec, 'volumeMode', 'Filesystem');
  if (spec.hostPath && spec.hostPath.type === undefined) spec.hostPath.type = '';
  setDefault(child(pv, 'status'), 'phase', 'Pending');
}

export function defaultEndpoints(ep: Obj): void {
  for (const subset of list(ep.subsets)) for (const port of list(subset.ports)) setDefault(port, 'protocol', 'TCP');
}

export function defaultNode(node: Obj): void {
  const status = node.status;
  if (status?.capacity && status.allocatable === undefined) status.allocatable = { ...status.capacity };
}

/** Container items: default ← max, defaultRequest ← default, then ← min. */
export function defaultLimitRange(lr: Obj): void {
  for (const item of list(lr.spec?.limits)) {
    if (item.type !== 'Container') continue;
    const fill = (target: string, source: Obj | undefined) => {
      if (!source) return;
      for (const [k, v] of Object.entries(source)) {
        const t = child(item, target);
        if (t[k] === undefined) t[k] = v;
      }
    };
    fill('default', item.max);
    fill('defaultRequest', item.default);
    fill('defaultRequest', item.min);
  }
}
