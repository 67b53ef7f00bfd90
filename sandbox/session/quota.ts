// Registers kubelab's sandbox quota (sandbox/engine/admission/sandbox-quota.ts) on a learner's
// cluster. The engine takes admission plugins as an option (EngineOptions.admission) but
// createDefaultCluster does not pass one through yet, so until it does the plugin is appended to
// the running API's admission chain; objects are counted from the store's index (cheap).
import { DEFAULT_SANDBOX_QUOTA, sandboxQuota, type SandboxQuotaLimits } from '../engine/admission/sandbox-quota.js';
import type { AdmissionPlugin } from '../engine/admission/types.js';

interface EngineInternals {
  store?: { count(prefix: string): number };
  impl?: { core?: { admission?: AdmissionPlugin[] } };
}

/** True when the quota is now enforced on this engine. */
export function installSandboxQuota(engine: object, limits: SandboxQuotaLimits = DEFAULT_SANDBOX_QUOTA): boolean {
  const e = engine as EngineInternals;
  const chain = e.impl?.core?.admission;
  const store = e.store;
  if (!chain || !store) return false;
  if (chain.some((p) => p.name === 'KubelabSandboxQuota')) return true;
  chain.push(sandboxQuota(limits, () => store.count('/registry/') - store.count('/registry/events/')));
  return true;
}
