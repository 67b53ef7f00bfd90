// kubectl rollout status|history|undo|restart|pause|resume, with kubectl's messages
// (k8s.io/kubectl/pkg/cmd/rollout and polymorphichelpers: status viewers, history viewers,
// rollbackers, pausers, restarters).
import type { ResourceType } from '../../engine/api/types.js';
import { rfc3339 } from '../../engine/clock.js';
import type { KubeObject } from '../../engine/objects.js';
import { INTERRUPTED_STATUS } from '../../shell/io.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { kindPrefix, qualifiedResourceName, refOf } from '../resource-types.js';
import { parseTargets } from './get.js';
import { rolloutHistory, rolloutUndo } from './rollout-history.js';
import { parseDuration, watchUntil } from './waiting.js';

const FLAGS: FlagSpec[] = [
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'to-revision', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

export interface RolloutTarget {
  type: ResourceType;
  namespace: string;
  name: string;
}

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

export async function rollout(ctx: KubectlContext, args: string[]): Promise<number> {
  const sub = args.find((a) => !a.startsWith('-'));
  if (!sub) {
    ctx.io.out('Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets\n\n');
    return 0;
  }
  if (!SUBCOMMANDS.includes(sub)) throw new UsageError(`unknown command "${sub}" for "kubectl rollout"`);
  const rest = args.filter((a, i) => i !== args.indexOf(sub));
  const { flags, positional } = parseFlags(rest, FLAGS, `rollout ${sub}`);
  const namespace = String(flags.namespace ?? ctx.namespace);
  if (!positional.length) throw new UsageError('required resource not specified');
  const targets: RolloutTarget[] = parseTargets(positional).flatMap((r) => r.names.map((name) => ({ type: r.type, namespace, name })));
  if (!targets.length) throw new UsageError('required resource not specified');
  let status = 0;
  for (const t of targets) {
    const code = await runOne(ctx, sub, t, flags);
    if (code !== 0) status = code;
  }
  return status;
}

async function runOne(ctx: KubectlContext, sub: string, t: RolloutTarget, flags: Record<string, unknown>): Promise<number> {
  const obj = await ctx.host.api.get(refOf(t.type, t.namespace, t.name));
  switch (sub) {
    case 'status':
      return status(ctx, t, flags);
    case 'history':
      ctx.io.out(`${kindPrefix(t.type)}/${t.name} ${await rolloutHistory(ctx, t, obj, Number(flags.revision))}\n`);
      return 0;
    case 'undo':
      ctx.io.out(`${kindPrefix(t.type)}/${t.name} ${await rolloutUndo(ctx, t, obj, Number(flags['to-revision']))}\n`);
      return 0;
    case 'pause':
    case 'resume':
      return pauseOrResume(ctx, t, obj, sub === 'pause');
    default:
      return restart(ctx, t, obj);
  }
}

function requireDeploymentLike(t: RolloutTarget, what: string, kinds = ['Deployment']): void {
  if (!kinds.includes(t.type.kind)) throw new UsageError(`${what} is not supported on given object`);
}

async function pauseOrResume(ctx: KubectlContext, t: RolloutTarget, obj: KubeObject, pause: boolean): Promise<number> {
  if (t.type.kind !== 'Deployment') throw new UsageError(`${pause ? 'pausing' : 'resuming'} is not supported`);
  const paused = Boolean((obj.spec as { paused?: boolean }).paused);
  if (paused === pause) throw new UsageError(`${qualifiedResourceName(t.type)} ${JSON.stringify(t.name)} ${pause ? 'is already paused' : 'is not paused'}`);
  await ctx.host.api.patch(refOf(t.type, t.namespace, t.name), 'merge', { spec: { paused: pause ? true : null } }, { actor: 'kubectl' });
  ctx.io.out(`${kindPrefix(t.type)}/${t.name} ${pause ? 'paused' : 'resumed'}\n`);
  return 0;
}

async function restart(ctx: KubectlContext, t: RolloutTarget, obj: KubeObject): Promise<number> {
  requireDeploymentLike(t, 'restarting', ['Deployment', 'DaemonSet', 'StatefulSet']);
  if ((obj.spec as { paused?: boolean }).paused) throw new UsageError(`${qualifiedResourceName(t.type)} ${JSON.stringify(t.name)} can't restart paused deployment (run rollout resume first)`);
  const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.host.clock.now()) } } } } };
  await ctx.host.api.patch(refOf(t.type, t.namespace, t.name), 'strategic', patch, { actor: 'kubectl' });
  ctx.io.out(`${kindPrefix(t.type)}/${t.name} restarted\n`);
  return 0;
}

interface DeploymentLike {
  metadata: { generation?: number };
  spec: { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    currentReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: Array<{ type: string; reason?: string }>;
    desiredNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

/** The status viewers: the line to print and whether the rollout is complete. */
export function rolloutStatusLine(kind: string, name: string, obj: KubeObject): { text: string; done: boolean } {
  const d = obj as unknown as DeploymentLike;
  const s = d.status ?? {};
  const observed = (d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0);
  if (kind === 'DaemonSet') {
    if ((d.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new UsageError('rollout status is only available for RollingUpdate strategy type');
    if (!observed) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((s.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { text: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  if (kind === 'StatefulSet') return statefulSetStatus(d);
  if (!observed) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) throw new UsageError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
  const updated = s.updatedReplicas ?? 0;
  if (d.spec.replicas !== undefined && updated < d.spec.replicas) return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated) return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { text: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

/** StatefulSetStatusViewer: ready pods first, then the partition (the API defaults it to 0), else revisions. */
function statefulSetStatus(d: DeploymentLike): { text: string; done: boolean } {
  const s = d.status ?? {};
  const strategy = d.spec.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new UsageError('rollout status is only available for RollingUpdate strategy type');
  if (!s.observedGeneration || (d.metadata.generation ?? 0) > s.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = d.spec.replicas;
  if (replicas !== undefined && (s.readyReplicas ?? 0) < replicas) return { text: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const updated = s.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { text: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) return { text: `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision ?? ''}...\n`, done: false };
  return { text: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...\n`, done: true };
}

async function status(ctx: KubectlContext, t: RolloutTarget, flags: Record<string, unknown>): Promise<number> {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.type.kind)) throw new UsageError(`no status viewer has been implemented for ${t.type.kind}`);
  const timeoutMs = parseDuration(String(flags.timeout), 'timeout');
  let failure: unknown;
  const end = await watchUntil(ctx, refOf(t.type, t.namespace), { fieldSelector: `metadata.name=${t.name}`, timeoutMs }, (type, obj) => {
    if (type === 'DELETED') {
      failure = new UsageError('object has been deleted');
      return true;
    }
    try {
      const line = rolloutStatusLine(t.type.kind, t.name, obj!);
      ctx.io.out(line.text);
      return line.done || !flags.watch;
    } catch (e) {
      failure = e;
      return true;
    }
  });
  if (end === 'interrupted') return INTERRUPTED_STATUS;
  if (end === 'timeout') throw new UsageError('timed out waiting for the condition');
  if (failure) throw failure;
  return 0;
}
