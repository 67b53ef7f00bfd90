// Creating and scaling a Deployment's ReplicaSets, with the ScalingReplicaSet events and the
// desired-replicas/max-replicas annotations the real controller keeps on every ReplicaSet.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ControllerContext } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { clone } from '../objects.js';
import { replicaSetsRef } from './refs.js';
import { ownerRefTo } from './selectors.js';
import { copiedAnnotations, DESIRED_REPLICAS, MAX_REPLICAS, POD_TEMPLATE_HASH, REVISION, specReplicas, sumSpec, surgeAndUnavailable } from './deployment-util.js';

export interface RolloutEnv {
  d: Deployment;
  ctx: ControllerContext;
  /** The Deployment's other ReplicaSets, oldest first. */
  olds: ReplicaSet[];
  maxOldRevision: number;
}

function replicaAnnotations(d: Deployment): Record<string, string> {
  const replicas = d.spec?.replicas ?? 1;
  return { [DESIRED_REPLICAS]: String(replicas), [MAX_REPLICAS]: String(replicas + surgeAndUnavailable(d).maxSurge) };
}

/** NewRSNewReplicas: how many replicas a new ReplicaSet starts with. */
function initialReplicas(env: RolloutEnv): number {
  const replicas = env.d.spec?.replicas ?? 1;
  if (env.d.spec?.strategy?.type === 'Recreate') return replicas;
  const maxTotal = replicas + surgeAndUnavailable(env.d).maxSurge;
  const current = sumSpec(env.olds);
  return Math.max(0, Math.min(maxTotal - current, replicas));
}

function recordScale(env: RolloutEnv, rs: ReplicaSet, from: number, to: number): void {
  const op = to > from ? 'up' : 'down';
  env.ctx.recordEvent(env.d as unknown as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata!.name} from ${from} to ${to}`);
}

export function createReplicaSet(env: RolloutEnv, hash: string, revision: number): ReplicaSet {
  const d = env.d;
  const template = clone(d.spec!.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(d.spec!.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const replicas = initialReplicas(env);
  const spec: Record<string, unknown> = { replicas, selector, template };
  if (d.spec?.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
  const rs = env.ctx.api.create(replicaSetsRef(d.metadata!.namespace), {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata!.name}-${hash}`,
      namespace: d.metadata!.namespace,
      labels: template.metadata.labels,
      annotations: { ...copiedAnnotations(d), ...replicaAnnotations(d), [REVISION]: String(revision) },
      ownerReferences: [ownerRefTo(d as unknown as KubeObject)],
    },
    spec,
  }) as unknown as ReplicaSet;
  if (replicas > 0) recordScale(env, rs, 0, replicas);
  return rs;
}

/** Sets a ReplicaSet's replicas (and its replica annotations); records the event when the count changes. */
export function scaleReplicaSet(env: RolloutEnv, rs: ReplicaSet, to: number): ReplicaSet {
  const from = specReplicas(rs);
  const annotations = { ...(rs.metadata?.annotations ?? {}), ...replicaAnnotations(env.d) };
  const sameAnnotations = JSON.stringify(annotations) === JSON.stringify(rs.metadata?.annotations ?? {});
  if (from === to && sameAnnotations) return rs;
  const updated = env.ctx.api.update(replicaSetsRef(rs.metadata!.namespace, rs.metadata!.name), {
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...rs.spec, replicas: to },
  }) as unknown as ReplicaSet;
  if (from !== to) recordScale(env, updated, from, to);
  return updated;
}
