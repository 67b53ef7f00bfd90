// kubectl autoscale (k8s.io/kubectl/pkg/cmd/autoscale, v1.32): an autoscaling/v1
// HorizontalPodAutoscaler for each object that has a scale subresource — kubectl 1.32 still
// builds and posts the v1 object (targetCPUUtilizationPercentage), the server stores it as v2.
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { findResource } from '../../engine/api/resources.js';
import { refOf } from '../resource-types.js';
import { resolveTargets } from './targets.js';
import { parseDryRun, reportWrite } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'min', type: 'int', default: -1 },
  { name: 'max', type: 'int', default: -1 },
  { name: 'cpu-percent', type: 'int', default: -1 },
  { name: 'name', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-autoscale' },
];

interface Limits {
  min: number;
  max: number;
  cpuPercent: number;
  name: string;
}

/** kubectl's Validate: --max is required (cobra's check first), at least 1 and not below --min. */
function limitsOf(args: string[], flags: Record<string, unknown>): Limits {
  if (!args.some((a) => a === '--max' || a.startsWith('--max='))) throw new UsageError('required flag(s) "max" not set');
  const limits = { min: Number(flags.min), max: Number(flags.max), cpuPercent: Number(flags['cpu-percent']), name: String(flags.name) };
  if (limits.max < 1) throw new UsageError(`--max=MAXPODS is required and must be at least 1, max: ${limits.max}`);
  if (limits.max < limits.min) throw new UsageError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${limits.max}, min: ${limits.min}`);
  return limits;
}

/** The HPA as kubectl's createHorizontalPodAutoscaler builds it, in Go struct field order. */
export function horizontalPodAutoscaler(target: ResourceType, targetName: string, limits: Limits): KubeObject {
  const spec: Record<string, unknown> = {
    scaleTargetRef: { kind: target.kind, name: targetName, apiVersion: target.group ? `${target.group}/${target.version}` : target.version },
  };
  if (limits.min > 0) spec.minReplicas = limits.min;
  spec.maxReplicas = limits.max;
  if (limits.cpuPercent >= 0) spec.targetCPUUtilizationPercentage = limits.cpuPercent;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name: limits.name || targetName, creationTimestamp: null },
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  } as unknown as KubeObject;
}

export async function autoscale(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'autoscale');
  const dryRun = parseDryRun(flags['dry-run'], ctx);
  const limits = limitsOf(args, flags);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const targets = await resolveTargets(ctx, positional, { namespace }, 'autoscale');
  const hpaType = findResource('autoscaling', 'v1', 'horizontalpodautoscalers')!;
  for (const { type, object } of targets) {
    if (!type.subresources.some((s) => s.name === 'scale')) {
      throw new UsageError(`cannot autoscale a ${type.kind}: could not find scale subresource for ${type.group}/${type.version}, Resource=${type.resource} in discovery information`);
    }
    const hpa = horizontalPodAutoscaler(type, object.metadata.name!, limits);
    if (dryRun === 'client') {
      reportWrite(ctx, hpa, 'created', String(flags.output), dryRun, true);
      continue;
    }
    const created = await ctx.host.api.create(refOf(hpaType, namespace), hpa, { fieldManager: String(flags['field-manager']), dryRun: dryRun === 'server', actor: 'kubectl' });
    reportWrite(ctx, created, 'autoscaled', String(flags.output), dryRun, true);
  }
  if (!targets.length) throw new UsageError('no objects passed to autoscale');
  return 0;
}
