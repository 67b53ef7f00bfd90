// Kubelab's own limits on one learner's sandbox (not a Kubernetes plugin): at most so many
// objects, replicas per workload and bytes per object, so a runaway `kubectl scale
// --replicas=1000000` or a loop of creates is refused at once with a clear message instead of
// filling a shared machine. The session registers it (sandbox/session/quota.ts); it is not in
// the default list, so the engine alone behaves as a plain cluster.
import { forbidden } from '../api/errors.js';
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

export interface SandboxQuotaLimits {
  /** Objects in the store, Events not counted (they expire on their own). */
  maxObjects: number;
  /** spec.replicas of any workload (Deployment, ReplicaSet, StatefulSet, RC, and their scale). */
  maxReplicas: number;
  /** The object as JSON, in bytes (the real API server refuses requests over 3 MiB). */
  maxObjectBytes: number;
}

export const DEFAULT_SANDBOX_QUOTA: SandboxQuotaLimits = { maxObjects: 3000, maxReplicas: 100, maxObjectBytes: 1024 * 1024 };

const WORKLOADS = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

export function sandboxQuota(limits: SandboxQuotaLimits, countObjects: () => number): AdmissionPlugin {
  return {
    name: 'KubelabSandboxQuota',
    validate(a) {
      if (a.operation === 'DELETE' || !a.object) return;
      const refuse = (why: string) => forbidden({ group: a.resource.group, resource: a.resource.resource }, a.name, `${why} (kubelab sandbox limit)`);
      const replicas = requestedReplicas(a);
      if (replicas !== undefined && replicas > limits.maxReplicas) {
        throw refuse(`requested ${replicas} replicas, but this sandbox runs at most ${limits.maxReplicas} replicas per workload`);
      }
      const bytes = jsonBytes(a.object);
      if (bytes > limits.maxObjectBytes) {
        throw refuse(`the object is ${Math.ceil(bytes / 1024)} KiB, but this sandbox stores at most ${limits.maxObjectBytes / 1024} KiB per object`);
      }
      if (a.operation === 'CREATE' && !a.subresource && a.resource.resource !== 'events' && countObjects() >= limits.maxObjects) {
        throw refuse(`this sandbox holds at most ${limits.maxObjects} objects; delete some first`);
      }
    },
  };
}

function requestedReplicas(a: AdmissionAttributes): number | undefined {
  if (!WORKLOADS.has(a.resource.resource) || (a.subresource && a.subresource !== 'scale')) return undefined;
  const replicas = (a.object?.spec as { replicas?: unknown } | undefined)?.replicas;
  return typeof replicas === 'number' ? replicas : undefined;
}

/** UTF-8 bytes of the object's JSON, counted without a TextEncoder (the engine has no DOM). */
function jsonBytes(obj: unknown): number {
  const s = JSON.stringify(obj);
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
