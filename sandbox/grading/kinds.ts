// Which API resource holds each kind a lab's checks may name. Checks say `kind: Deployment`;
// grading lists `deployments.apps` for them. Extensionless imports: the lab catalog (read by the
// Next.js app) reaches this file, and Turbopack does not map `./x.js` to `./x.ts`.
import type { ResourceRef } from '../engine/api/types';

interface KindInfo {
  ref: ResourceRef;
  namespaced: boolean;
}

const core = (resource: string, namespaced = true): KindInfo => ({ ref: { group: '', version: 'v1', resource }, namespaced });
const apps = (resource: string): KindInfo => ({ ref: { group: 'apps', version: 'v1', resource }, namespaced: true });

export const KINDS: Record<string, KindInfo> = {
  Pod: core('pods'),
  Service: core('services'),
  Endpoints: core('endpoints'),
  ConfigMap: core('configmaps'),
  Secret: core('secrets'),
  ServiceAccount: core('serviceaccounts'),
  PersistentVolumeClaim: core('persistentvolumeclaims'),
  Event: core('events'),
  ResourceQuota: core('resourcequotas'),
  LimitRange: core('limitranges'),
  Namespace: core('namespaces', false),
  Node: core('nodes', false),
  PersistentVolume: core('persistentvolumes', false),
  Deployment: apps('deployments'),
  ReplicaSet: apps('replicasets'),
  DaemonSet: apps('daemonsets'),
  StatefulSet: apps('statefulsets'),
  Job: { ref: { group: 'batch', version: 'v1', resource: 'jobs' }, namespaced: true },
  CronJob: { ref: { group: 'batch', version: 'v1', resource: 'cronjobs' }, namespaced: true },
  HorizontalPodAutoscaler: { ref: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' }, namespaced: true },
  Ingress: { ref: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' }, namespaced: true },
  NetworkPolicy: { ref: { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' }, namespaced: true },
  StorageClass: { ref: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, namespaced: false },
};

export const KNOWN_KINDS = Object.keys(KINDS);

export function isNamespacedKind(kind: string): boolean {
  return KINDS[kind]?.namespaced ?? true;
}

/** The resources to list for a set of kinds, each once. */
export function resourcesForKinds(kinds: Iterable<string>): ResourceRef[] {
  const refs = new Map<string, ResourceRef>();
  for (const kind of kinds) {
    const info = KINDS[kind];
    if (!info) throw new Error(`grading does not know the kind ${kind}; add it to sandbox/grading/kinds.ts`);
    refs.set(`${info.ref.group}/${info.ref.resource}`, info.ref);
  }
  return [...refs.values()];
}
