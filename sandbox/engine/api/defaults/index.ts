// Defaulting for the write path: fills in what the real API server's defaulters set, so that
// `kubectl get -o yaml` of a created object reads like a real cluster's. Mutates in place.
import type { KubeObject } from '../../objects.js';
import { defaultEndpoints, defaultLimitRange, defaultNamespace, defaultNode, defaultPV, defaultPVC, defaultSecret, defaultService } from './core.js';
import { defaultBinding, defaultEndpointSlice, defaultHPA, defaultIngressClass, defaultNetworkPolicy, defaultStorageClass } from './groups.js';
import { defaultPod, defaultPodTemplate } from './pod.js';
import type { Obj } from './util.js';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './workloads.js';

export { generateJobSelector } from './workloads.js';

const DEFAULTERS: Record<string, (obj: Obj) => void> = {
  'v1/Pod': defaultPod,
  'v1/PodTemplate': (o) => defaultPodTemplate(o.template),
  'v1/ReplicationController': (o) => {
    if (o.spec && o.spec.replicas == null) o.spec.replicas = 1;
    defaultPodTemplate(o.spec?.template);
  },
  'v1/Service': defaultService,
  'v1/Endpoints': defaultEndpoints,
  'v1/Namespace': defaultNamespace,
  'v1/Secret': defaultSecret,
  'v1/Node': defaultNode,
  'v1/PersistentVolume': defaultPV,
  'v1/PersistentVolumeClaim': defaultPVC,
  'v1/LimitRange': defaultLimitRange,
  'apps/v1/Deployment': defaultDeployment,
  'apps/v1/ReplicaSet': defaultReplicaSet,
  'apps/v1/DaemonSet': defaultDaemonSet,
  'apps/v1/StatefulSet': defaultStatefulSet,
  'batch/v1/Job': defaultJob,
  'batch/v1/CronJob': defaultCronJob,
  'autoscaling/v2/HorizontalPodAutoscaler': defaultHPA,
  'networking.k8s.io/v1/NetworkPolicy': defaultNetworkPolicy,
  'networking.k8s.io/v1/IngressClass': defaultIngressClass,
  'discovery.k8s.io/v1/EndpointSlice': defaultEndpointSlice,
  'rbac.authorization.k8s.io/v1/RoleBinding': defaultBinding,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': defaultBinding,
  'storage.k8s.io/v1/StorageClass': defaultStorageClass,
  // SetDefaults_PriorityClass: an unset policy means the scheduler may preempt (also the system classes).
  'scheduling.k8s.io/v1/PriorityClass': (o) => {
    if (o.preemptionPolicy == null) o.preemptionPolicy = 'PreemptLowerPriority';
  },
};

/** Applies the defaults of the object's apiVersion and kind; kinds without defaults are left as they are. */
export function applyDefaults(obj: KubeObject): void {
  DEFAULTERS[`${obj.apiVersion}/${obj.kind}`]?.(obj as Obj);
}
