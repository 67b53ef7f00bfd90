// The two rollout strategies (rolling.go, recreate.go) and old ReplicaSet clean-up (sync.go).
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { replicaSetsRef } from './refs.js';
import { scaleReplicaSet, type RolloutEnv } from './deployment-scale.js';
import { specReplicas, sumSpec, sumStatus, surgeAndUnavailable } from './deployment-util.js';

/** reconcileNewReplicaSet: grow the new ReplicaSet within maxSurge (or shrink it past replicas). */
function reconcileNew(env: RolloutEnv, newRS: ReplicaSet): ReplicaSet {
  const replicas = env.d.spec?.replicas ?? 1;
  const current = specReplicas(newRS);
  if (current > replicas) return scaleReplicaSet(env, newRS, replicas);
  if (current === replicas) return scaleReplicaSet(env, newRS, replicas); // keeps annotations current
  const maxTotal = replicas + surgeAndUnavailable(env.d).maxSurge;
  const all = sumSpec(env.olds) + current;
  if (all >= maxTotal) return newRS;
  return scaleReplicaSet(env, newRS, current + Math.min(maxTotal - all, replicas - current));
}

/** reconcileOldReplicaSets: shrink old ReplicaSets while keeping minAvailable pods available. */
function reconcileOld(env: RolloutEnv, newRS: ReplicaSet): void {
  const replicas = env.d.spec?.replicas ?? 1;
  if (sumSpec(env.olds) === 0) return;
  const minAvailable = replicas - surgeAndUnavailable(env.d).maxUnavailable;
  const allPods = sumSpec(env.olds) + specReplicas(newRS);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  let maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return;
  // First old pods that are not available anyway (cleanupUnhealthyReplicas).
  for (let i = 0; i < env.olds.length && maxScaledDown > 0; i++) {
    const rs = env.olds[i];
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown, unhealthy);
    env.olds[i] = scaleReplicaSet(env, rs, specReplicas(rs) - down);
    maxScaledDown -= down;
  }
  // Then available ones, oldest first, down to minAvailable across all ReplicaSets.
  const available = sumStatus([...env.olds, newRS], 'availableReplicas');
  let budget = available - minAvailable;
  for (let i = 0; i < env.olds.length && budget > 0; i++) {
    const rs = env.olds[i];
    if (specReplicas(rs) === 0) continue;
    const down = Math.min(specReplicas(rs), budget);
    env.olds[i] = scaleReplicaSet(env, rs, specReplicas(rs) - down);
    budget -= down;
  }
}

export function rolloutRolling(env: RolloutEnv, newRS: ReplicaSet | undefined): void {
  if (!newRS) return;
  const scaled = reconcileNew(env, newRS);
  reconcileOld(env, scaled);
  if (sumSpec(env.olds) === 0 && sumStatus(env.olds, 'replicas') === 0) cleanupOld(env);
}

export function rolloutRecreate(env: RolloutEnv, newRS: ReplicaSet | undefined): void {
  for (let i = 0; i < env.olds.length; i++) if (specReplicas(env.olds[i]) > 0) env.olds[i] = scaleReplicaSet(env, env.olds[i], 0);
  if (!newRS) return;
  if (env.olds.some((rs) => (rs.status?.replicas ?? 0) > 0)) return; // old pods still running
  scaleReplicaSet(env, newRS, env.d.spec?.replicas ?? 1);
  cleanupOld(env);
}

/** cleanupDeployment: delete the oldest empty ReplicaSets beyond revisionHistoryLimit. */
function cleanupOld(env: RolloutEnv): void {
  const limit = env.d.spec?.revisionHistoryLimit ?? 10;
  const empty = env.olds.filter((rs) => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata?.deletionTimestamp);
  for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) {
    try {
      env.ctx.api.delete(replicaSetsRef(rs.metadata!.namespace, rs.metadata!.name));
    } catch {
      // already gone
    }
  }
}
