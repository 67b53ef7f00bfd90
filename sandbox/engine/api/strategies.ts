// Per-resource behaviour of the write path, as the real registry strategies define it
// (pkg/registry/*/*/strategy.go): which kinds count generations, which may be created by an
// update, what create and update reset, and whether delete answers with the object.
import { clone, type KubeObject } from '../objects.js';
import type { ResourceType } from './types.js';
import { metaOf } from './request.js';

const key = (rt: { group: string; resource: string }) => (rt.group ? `${rt.resource}.${rt.group}` : rt.resource);

/** Kinds whose metadata.generation starts at 1 and grows with every spec change. */
const TRACKS_GENERATION = new Set([
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'replicationcontrollers',
  'jobs.batch',
  'cronjobs.batch',
  'horizontalpodautoscalers.autoscaling',
  'poddisruptionbudgets.policy',
  'networkpolicies.networking.k8s.io',
  'ingresses.networking.k8s.io',
  'ingressclasses.networking.k8s.io',
  'priorityclasses.scheduling.k8s.io',
]);

/** rest.RESTCreateUpdateStrategy.AllowCreateOnUpdate() == true. */
const CREATE_ON_UPDATE = new Set([
  'services',
  'endpoints',
  'events',
  'events.events.k8s.io',
  'limitranges',
  'replicationcontrollers',
  'serviceaccounts',
  'podtemplates',
  'roles.rbac.authorization.k8s.io',
  'rolebindings.rbac.authorization.k8s.io',
  'clusterroles.rbac.authorization.k8s.io',
  'clusterrolebindings.rbac.authorization.k8s.io',
  'leases.coordination.k8s.io',
  'endpointslices.discovery.k8s.io',
]);

/** Storage with ReturnDeletedObject: delete answers with the object rather than a Success Status. */
const RETURNS_DELETED_OBJECT = new Set(['pods', 'services', 'namespaces', 'serviceaccounts', 'storageclasses.storage.k8s.io']);

export const tracksGeneration = (rt: ResourceType) => TRACKS_GENERATION.has(key(rt));
export const allowCreateOnUpdate = (rt: ResourceType) => CREATE_ON_UPDATE.has(key(rt));
export const returnsDeletedObject = (rt: ResourceType) => RETURNS_DELETED_OBJECT.has(key(rt));
export const hasStatusSubresource = (rt: ResourceType) => rt.subresources.some((s) => s.name === 'status');

type Obj = KubeObject & { spec?: any; status?: any };

/** The status a create leaves (Go zero values of the fields that are not omitempty). */
const EMPTY_STATUS: Record<string, Record<string, unknown>> = {
  'deployments.apps': {},
  'replicasets.apps': { replicas: 0 },
  'statefulsets.apps': { replicas: 0, availableReplicas: 0 },
  'daemonsets.apps': { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  replicationcontrollers: { replicas: 0 },
  'jobs.batch': {},
  'cronjobs.batch': {},
  'horizontalpodautoscalers.autoscaling': { desiredReplicas: 0 },
  'poddisruptionbudgets.policy': { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  'ingresses.networking.k8s.io': { loadBalancer: {} },
};

/** PrepareForCreate: what a create resets, per kind. */
export function prepareForCreate(rt: ResourceType, obj: Obj): void {
  if (hasStatusSubresource(rt) && rt.resource !== 'namespaces' && rt.resource !== 'pods') delete obj.status;
  if (tracksGeneration(rt)) metaOf(obj).generation = 1;
  switch (key(rt)) {
    case 'pods':
      obj.status = { phase: 'Pending', qosClass: qosClass(obj.spec) };
      break;
    case 'namespaces':
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      break;
    case 'services':
      obj.status = { loadBalancer: {} };
      break;
    // A new claim reads back Pending (SetDefaults_PersistentVolumeClaim); a volume starts VolumePending.
    case 'persistentvolumeclaims':
    case 'persistentvolumes':
      obj.status = { phase: 'Pending' };
      break;
    default:
      if (EMPTY_STATUS[key(rt)]) obj.status = clone(EMPTY_STATUS[key(rt)]);
      break;
  }
}

/** PrepareForUpdate of the main resource: status is kept from the stored object. */
export function prepareForUpdate(rt: ResourceType, obj: Obj, old: Obj): void {
  if (hasStatusSubresource(rt)) {
    if (old.status === undefined) delete obj.status;
    else obj.status = old.status;
  }
  if (tracksGeneration(rt)) {
    const changed = JSON.stringify(specOf(obj)) !== JSON.stringify(specOf(old));
    metaOf(obj).generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
  } else if (old.metadata.generation !== undefined) metaOf(obj).generation = old.metadata.generation;
}

/** PrepareForUpdate of the status subresource: everything but status is kept from the stored object. */
export function prepareForStatusUpdate(obj: Obj, old: Obj): Obj {
  const next: Obj = { ...old, metadata: { ...old.metadata } } as Obj;
  if (obj.status === undefined) delete next.status;
  else next.status = obj.status;
  // Labels and annotations may change through status (the real strategies keep the rest of metadata).
  if (obj.metadata.labels !== undefined) next.metadata.labels = obj.metadata.labels;
  if (obj.metadata.annotations !== undefined) next.metadata.annotations = obj.metadata.annotations;
  metaOf(next).resourceVersion = obj.metadata.resourceVersion;
  if (obj.metadata.managedFields !== undefined) next.metadata.managedFields = obj.metadata.managedFields;
  return next;
}

/** The part of an object whose change bumps generation: everything but metadata and status. */
function specOf(obj: Obj): unknown {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

interface Resources {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

/** The pod's QoS class (pkg/apis/core/helper/qos), from cpu and memory requests and limits. */
export function qosClass(spec: { containers?: Array<{ resources?: Resources }>; initContainers?: Array<{ resources?: Resources }> } | undefined): string {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const request = req[r] ?? lim[r];
      if (request !== undefined || lim[r] !== undefined) anySet = true;
      if (lim[r] === undefined || String(request) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
