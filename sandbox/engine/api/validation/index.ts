// Validation entry points for the write path (decode → defaults → validation → admission → commit).
// Each returns every error of the object, in the order the API server's Go code finds them; the
// caller turns a non-empty list into a 422 with errors.ts invalid(kind, name, errors).
import type { KubeObject } from '../../objects.js';
import { invalid, type FieldError } from '../field-errors.js';
import * as apps from './apps.js';
import { validateHPA, validateHPAUpdate, validateScale } from './autoscaling.js';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch.js';
import * as misc from './core-misc.js';
import { validatePod, validatePodUpdate } from './core-pod.js';
import { validateEndpoints, validateService, validateServiceUpdate } from './core-service.js';
import * as groups from './groups.js';
import { IS_NEGATIVE, p, validateImmutable, validateObjectMetaUpdate, type Obj } from './meta.js';
import * as net from './networking.js';
import * as rbac from './rbac.js';

type Create = (obj: Obj) => FieldError[];
type Update = (obj: Obj, old: Obj) => FieldError[];

interface KindRules {
  create: Create;
  /** Without its own update rules, a kind is checked as ObjectMetaUpdate plus its create rules. */
  update?: Update;
}

const withMetaUpdate = (create: Create): Update => (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...create(obj)];

const RULES: Record<string, KindRules> = {
  'v1/Pod': { create: validatePod, update: validatePodUpdate },
  'v1/Service': { create: validateService, update: validateServiceUpdate },
  'v1/Endpoints': { create: validateEndpoints },
  'v1/ConfigMap': {
    create: misc.validateConfigMap,
    update: (o, old) => [...validateObjectMetaUpdate(o.metadata, old.metadata), ...misc.validateImmutableData(o, old, ['data', 'binaryData']), ...misc.validateConfigMap(o)],
  },
  'v1/Secret': {
    create: misc.validateSecret,
    update: (o, old) => [
      ...validateObjectMetaUpdate(o.metadata, old.metadata),
      ...validateImmutable(o.type, old.type, p('type')),
      ...misc.validateImmutableData(o, old, ['data']),
      ...misc.validateSecret(o),
    ],
  },
  'v1/Namespace': { create: misc.validateNamespace },
  'v1/Node': { create: misc.validateNode },
  'v1/Event': { create: misc.validateEvent },
  'v1/ServiceAccount': { create: misc.validateServiceAccount },
  'v1/PersistentVolume': { create: misc.validatePersistentVolume, update: (o, old) => [...validateObjectMetaUpdate(o.metadata, old.metadata), ...misc.validatePersistentVolumeUpdate(o, old)] },
  'v1/PersistentVolumeClaim': { create: misc.validatePersistentVolumeClaim, update: (o, old) => [...validateObjectMetaUpdate(o.metadata, old.metadata), ...misc.validatePersistentVolumeClaimUpdate(o, old)] },
  'v1/ResourceQuota': { create: misc.validateResourceQuota },
  'v1/LimitRange': { create: misc.validateLimitRange },
  'apps/v1/Deployment': { create: apps.validateDeployment, update: apps.validateDeploymentUpdate },
  'apps/v1/ReplicaSet': { create: apps.validateReplicaSet, update: apps.validateReplicaSetUpdate },
  'apps/v1/DaemonSet': { create: apps.validateDaemonSet, update: apps.validateDaemonSetUpdate },
  'apps/v1/StatefulSet': { create: apps.validateStatefulSet, update: apps.validateStatefulSetUpdate },
  'apps/v1/ControllerRevision': { create: apps.validateControllerRevision, update: apps.validateControllerRevisionUpdate },
  'batch/v1/Job': { create: validateJob, update: validateJobUpdate },
  'batch/v1/CronJob': { create: validateCronJob, update: validateCronJobUpdate },
  'autoscaling/v2/HorizontalPodAutoscaler': { create: validateHPA, update: validateHPAUpdate },
  'autoscaling/v1/Scale': { create: validateScale },
  'networking.k8s.io/v1/Ingress': { create: net.validateIngress, update: net.validateIngressUpdate },
  'networking.k8s.io/v1/IngressClass': { create: net.validateIngressClass, update: net.validateIngressClassUpdate },
  'networking.k8s.io/v1/NetworkPolicy': { create: net.validateNetworkPolicy, update: net.validateNetworkPolicyUpdate },
  'discovery.k8s.io/v1/EndpointSlice': { create: net.validateEndpointSlice, update: net.validateEndpointSliceUpdate },
  'rbac.authorization.k8s.io/v1/Role': { create: rbac.validateRole, update: rbac.validateRoleUpdate },
  'rbac.authorization.k8s.io/v1/ClusterRole': { create: rbac.validateClusterRole, update: rbac.validateClusterRoleUpdate },
  'rbac.authorization.k8s.io/v1/RoleBinding': { create: rbac.validateRoleBinding, update: rbac.validateRoleBindingUpdate },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': { create: rbac.validateClusterRoleBinding, update: rbac.validateClusterRoleBindingUpdate },
  'storage.k8s.io/v1/StorageClass': { create: groups.validateStorageClass, update: groups.validateStorageClassUpdate },
  'coordination.k8s.io/v1/Lease': { create: groups.validateLease },
  'policy/v1/PodDisruptionBudget': { create: groups.validatePDB, update: groups.validatePDBUpdate },
  'events.k8s.io/v1/Event': { create: groups.validateEventsV1Event },
};

const rulesFor = (obj: KubeObject): KindRules | undefined => RULES[`${obj.apiVersion}/${obj.kind}`];

/** Kinds this module knows; other kinds (CRDs, …) are not validated here. */
export const validatedKinds = (): string[] => Object.keys(RULES);

export function validateCreate(obj: KubeObject): FieldError[] {
  return rulesFor(obj)?.create(obj as Obj) ?? [];
}

export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const rules = rulesFor(obj);
  if (!rules) return validateObjectMetaUpdate(obj.metadata as Obj, old.metadata as Obj);
  return (rules.update ?? withMetaUpdate(rules.create))(obj as Obj, old as Obj);
}

/**
 * Status updates: metadata rules plus the counters that must not go negative. (The strategies copy
 * the spec from the stored object first, so spec errors cannot appear here.)
 */
export function validateStatusUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata as Obj, old.metadata as Obj);
  const status = (obj as Obj).status;
  if (status && typeof status === 'object') {
    for (const [k, v] of Object.entries(status as Obj)) {
      if (typeof v === 'number' && v < 0) errs.push(invalid(`status.${k}`, v, IS_NEGATIVE));
    }
  }
  return errs;
}
