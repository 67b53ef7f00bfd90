// The admission chain, in the real API server's default plugin order (the subset a learner meets).
import type { AdmissionPlugin } from './types.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';

export function defaultAdmissionPlugins(): AdmissionPlugin[] {
  return [namespaceLifecycle];
}

export type { AdmissionPlugin };
