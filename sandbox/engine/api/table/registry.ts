// Which printer renders which resource. Resources without a printer in the real API server
// (roles, clusterroles, limitranges, bindings…) get the default Name / Created At table.
import type { KubeObject } from '../../objects.js';
import type { ResourceType } from '../types.js';
import { cronJobPrinter, hpaPrinter, jobPrinter } from './batch.js';
import { col, nameCol } from './columns.js';
import { configMapPrinter, namespacePrinter, nodePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core.js';
import { doc } from './docs.js';
import { eventPrinter } from './events.js';
import { leasePrinter, podDisruptionBudgetPrinter, priorityClassPrinter } from './misc.js';
import { podPrinter, podTemplatePrinter } from './pods.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.js';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './services.js';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage.js';
import type { Printer } from './types.js';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads.js';

/** Keyed by `group/resource` (every served version of a resource prints the same). */
const PRINTERS: Record<string, Printer> = {
  '/pods': podPrinter,
  '/podtemplates': podTemplatePrinter,
  '/services': servicePrinter,
  '/endpoints': endpointsPrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/namespaces': namespacePrinter,
  '/nodes': nodePrinter,
  '/events': eventPrinter,
  'events.k8s.io/events': eventPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/persistentvolumes': persistentVolumePrinter,
  '/persistentvolumeclaims': persistentVolumeClaimPrinter,
  '/resourcequotas': resourceQuotaPrinter,
  '/replicationcontrollers': replicationControllerPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/controllerrevisions': controllerRevisionPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'autoscaling/horizontalpodautoscalers': hpaPrinter,
  'networking.k8s.io/ingresses': ingressPrinter,
  'networking.k8s.io/ingressclasses': ingressClassPrinter,
  'networking.k8s.io/networkpolicies': networkPolicyPrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
  'rbac.authorization.k8s.io/rolebindings': roleBindingPrinter,
  'rbac.authorization.k8s.io/clusterrolebindings': clusterRoleBindingPrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'policy/poddisruptionbudgets': podDisruptionBudgetPrinter,
  'scheduling.k8s.io/priorityclasses': priorityClassPrinter,
};

/** RFC 3339 in UTC, as Go formats a metav1.Time (the zero time included). */
function createdAt(obj: KubeObject): string {
  const t = obj.metadata?.creationTimestamp;
  const ms = typeof t === 'string' ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? '0001-01-01T00:00:00Z' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** apiserver's default table convertor (k8s.io/apiserver/pkg/registry/rest/table.go). */
export const defaultPrinter: Printer = {
  columns: [nameCol(), col('Created At', 'date', doc('meta/v1 ObjectMeta.creationTimestamp'))],
  cells: (obj) => [obj.metadata?.name ?? '', createdAt(obj)],
};

export function printerFor(resource: Pick<ResourceType, 'group' | 'resource'>): Printer {
  return PRINTERS[`${resource.group}/${resource.resource}`] ?? defaultPrinter;
}

/** Whether a resource has its own printer (false: the default Name / Created At table). */
export const hasPrinter = (resource: Pick<ResourceType, 'group' | 'resource'>): boolean => `${resource.group}/${resource.resource}` in PRINTERS;
