// Which describer prints which kind (describe.go's describerMap); kinds without one get the
// generic describer, which walks the object's fields.
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import type { KubeClient } from '../client.js';
import { describeCronJob, describeJob } from './batch.js';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config.js';
import { describeGeneric } from './generic.js';
import { describeNamespace, describeLimitRange, describeResourceQuota } from './namespaces.js';
import { describeEndpoints, describeEndpointSlice, describeService } from './network.js';
import { describeNode } from './nodes.js';
import { describeHpa } from './hpa.js';
import { describeIngress, describeIngressClass, describeNetworkPolicy } from './ingress.js';
import { describePdb, describePriorityClass } from './policy.js';
import { describePod } from './pods.js';
import { describeClusterRole, describeClusterRoleBinding, describeRole, describeRoleBinding } from './rbac.js';
import { describePv, describePvc, describeStorageClass } from './storage.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads.js';

export interface DescribeSettings {
  api: KubeClient;
  /** Ages are computed against this time (kubectl's own clock). */
  now: number;
  showEvents: boolean;
}

export type Describer = (s: DescribeSettings, obj: KubeObject, type: ResourceType) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/Endpoints': describeEndpoints,
  '/ReplicationController': describeReplicationController,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  '/PersistentVolume': describePv,
  '/PersistentVolumeClaim': describePvc,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/DaemonSet': describeDaemonSet,
  'apps/StatefulSet': describeStatefulSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHpa,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePdb,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
  'rbac.authorization.k8s.io/Role': describeRole,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBinding,
  'rbac.authorization.k8s.io/ClusterRole': describeClusterRole,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeClusterRoleBinding,
};

export function describeObject(s: DescribeSettings, type: ResourceType, obj: KubeObject): Promise<string> {
  const describer = DESCRIBERS[`${type.group}/${type.kind}`] ?? describeGeneric;
  return describer(s, obj, type);
}
