// Deployment status and its Available/Progressing conditions with the real reasons and messages
// (pkg/controller/deployment/progress.go, sync.go calculateStatus).
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { rfc3339 } from '../clock.js';
import { specReplicas, sumSpec, sumStatus, surgeAndUnavailable } from './deployment-util.js';

type Cond = DeploymentCondition;

function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: number): Cond {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps the transition time; the condition moves last. */
export function setCondition(status: DeploymentStatus, c: Cond): void {
  const conditions = status.conditions ?? [];
  const current = conditions.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...conditions.filter((x) => x.type !== c.type), c];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((x) => x.type !== type);
}

export function getCondition(status: DeploymentStatus | undefined, type: string): Cond | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** calculateStatus: counts over all the Deployment's ReplicaSets, and the Available condition. */
export function calculateStatus(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const replicas = d.spec?.replicas ?? 1;
  const available = sumStatus(all, 'availableReplicas');
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    // Spec replicas of all ReplicaSets minus available, never negative (it is while scaling down).
    unavailableReplicas: Math.max(0, sumSpec(all) - available),
    conditions: [...(d.status?.conditions ?? [])],
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const minAvailable = replicas - surgeAndUnavailable(d).maxUnavailable;
  if (available >= minAvailable) setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  else setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  return status;
}

/** util.DeploymentComplete */
export function isComplete(d: Deployment, s: DeploymentStatus): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return s.updatedReplicas === replicas && s.replicas === replicas && s.availableReplicas === replicas && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/** util.DeploymentProgressing: did this sync move the rollout forward? */
function isProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** syncRolloutStatus's Progressing condition; returns when the progress deadline would pass, if pending. */
export function applyProgress(d: Deployment, s: DeploymentStatus, newRS: ReplicaSet | undefined, now: number): number | undefined {
  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  if (deadline === 2147483647) return undefined; // math.MaxInt32: no deadline
  const name = newRS?.metadata?.name ?? '';
  const current = getCondition(s, 'Progressing');
  if (isComplete(d, s)) {
    setCondition(s, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet ${JSON.stringify(name)} has successfully progressed.`, now));
    return undefined;
  }
  if (isProgressing(d, s)) {
    const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet ${JSON.stringify(name)} is progressing.`, now);
    if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
    removeCondition(s, 'Progressing');
    setCondition(s, c);
    return now + deadline * 1000;
  }
  if (current && current.reason !== 'NewReplicaSetAvailable' && current.status === 'True') {
    const from = Date.parse(current.lastUpdateTime ?? current.lastTransitionTime ?? '');
    if (now >= from + deadline * 1000) {
      setCondition(s, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet ${JSON.stringify(name)} has timed out progressing.`, now));
      return undefined;
    }
    return from + deadline * 1000;
  }
  return undefined;
}

/** The API omits zero counts (omitempty). */
export function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== 0 && v !== undefined) out[k] = v;
  return out as DeploymentStatus;
}

export { specReplicas };
