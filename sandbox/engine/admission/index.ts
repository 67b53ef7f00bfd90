// The admission chain, in the real API server's default plugin order (the subset a learner meets):
// NamespaceLifecycle, LimitRanger, ServiceAccount, DefaultTolerationSeconds, Priority, DefaultStorageClass,
// DefaultIngressClass, ResourceQuota.
import type { AdmissionPlugin } from './types.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';
import { limitRanger } from './limit-ranger.js';
import { serviceAccountAdmission } from './service-account.js';
import { defaultTolerationSeconds, priorityAdmission } from './pod-defaults.js';
import { resourceQuota } from './resource-quota.js';
import { defaultStorageClass } from './default-storage-class.js';
import { defaultIngressClass } from '../network/ingress-admission.js';

export function defaultAdmissionPlugins(): AdmissionPlugin[] {
  return [namespaceLifecycle, limitRanger, serviceAccountAdmission, defaultTolerationSeconds, priorityAdmission, defaultStorageClass, defaultIngressClass, resourceQuota];
}

export { namespaceLifecycle, limitRanger, serviceAccountAdmission, defaultTolerationSeconds, priorityAdmission, defaultStorageClass, resourceQuota };
export type { AdmissionPlugin };
