// kubectl cordon, uncordon and drain (k8s.io/kubectl/pkg/cmd/drain and pkg/drain, v1.32): drain
// cordons, sorts the node's pods through kubectl's filters (DaemonSet-managed, mirror, local
// storage, unmanaged), evicts the rest through pods/eviction and waits for each to be gone.
import { isStatusError } from '../../engine/api/errors.js';
import type { KubeObject } from '../../engine/objects.js';
import { INTERRUPTED_STATUS } from '../../shell/io.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { parseDuration, watchUntil } from './waiting.js';

const NODES = { group: '', version: 'v1', resource: 'nodes' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const EVICT_RETRY_MS = 5_000;

const CORDON_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
];
const DRAIN_FLAGS: FlagSpec[] = [
  ...CORDON_FLAGS,
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
];

async function nodesFor(ctx: KubectlContext, positional: string[], selector: string | undefined, verb: string): Promise<KubeObject[]> {
  if (!positional.length && !selector) throw new UsageError(`USAGE: ${verb} NODE [flags]`, `See 'kubectl ${verb} -h' for help and examples`);
  if (selector) return (await ctx.host.api.list(NODES, { labelSelector: selector })).items;
  return Promise.all(positional.map((p) => ctx.host.api.get({ ...NODES, name: p.replace(/^(nodes?|no)\//, '') })));
}

/** Sets spec.unschedulable; prints `node/x cordoned` or `node/x already cordoned`. */
async function setUnschedulable(ctx: KubectlContext, node: KubeObject, desired: boolean): Promise<void> {
  const current = Boolean((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable);
  const word = desired ? 'cordoned' : 'uncordoned';
  if (current === desired) {
    ctx.io.out(`node/${node.metadata.name} already ${word}\n`);
    return;
  }
  await ctx.host.api.patch({ ...NODES, name: node.metadata.name }, 'strategic', { spec: { unschedulable: desired ? true : null } }, { actor: 'kubectl' });
  ctx.io.out(`node/${node.metadata.name} ${word}\n`);
}

function cordonCommand(desired: boolean, verb: string) {
  return async (ctx: KubectlContext, args: string[]): Promise<number> => {
    const { flags, positional } = parseFlags(args, CORDON_FLAGS, verb);
    for (const node of await nodesFor(ctx, positional, flags.selector as string | undefined, verb)) await setUnschedulable(ctx, node, desired);
    return 0;
  };
}

export const cordon = cordonCommand(true, 'cordon');
export const uncordon = cordonCommand(false, 'uncordon');

interface Sorted {
  evict: KubeObject[];
  warnings: Map<string, string[]>;
  errors: Map<string, string[]>;
}

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const LOCAL_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
// kubectl 1.32 says "cannot delete" twice for these (fixed in a later release).
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';

/** pkg/drain's filters in their order; the first that keeps a pod decides. */
async function sortPods(ctx: KubectlContext, pods: KubeObject[], flags: Record<string, unknown>): Promise<Sorted> {
  const out: Sorted = { evict: [], warnings: new Map(), errors: new Map() };
  const add = (m: Map<string, string[]>, msg: string, p: KubeObject) => m.set(msg, [...(m.get(msg) ?? []), `${p.metadata.namespace}/${p.metadata.name}`]);
  for (const pod of pods) {
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (controller?.kind === 'DaemonSet' && controller.apiVersion === 'apps/v1' && !finished) {
      const exists = await ctx.host.api.get({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: pod.metadata.namespace, name: controller.name }).then(() => true, () => false);
      if (!exists && !flags.force) add(out.errors, `daemonsets.apps "${controller.name}" not found`, pod);
      else if (!exists) (add(out.warnings, `daemonsets.apps "${controller.name}" not found`, pod), out.evict.push(pod));
      else if (!flags['ignore-daemonsets']) add(out.errors, DAEMONSET_FATAL, pod);
      else add(out.warnings, 'ignoring DaemonSet-managed Pods', pod);
      continue;
    }
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    const emptyDir = ((pod.spec as { volumes?: Array<{ emptyDir?: unknown }> }).volumes ?? []).some((v) => v.emptyDir);
    if (emptyDir && !finished) {
      if (!flags['delete-emptydir-data']) {
        add(out.errors, LOCAL_FATAL, pod);
        continue;
      }
      add(out.warnings, 'deleting Pods with local storage', pod);
    }
    if (!controller && !finished) {
      if (!flags.force) {
        add(out.errors, UNMANAGED_FATAL, pod);
        continue;
      }
      add(out.warnings, 'deleting Pods that declare no controller', pod);
    }
    out.evict.push(pod);
  }
  return out;
}

export async function drain(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, DRAIN_FLAGS, 'drain');
  const timeoutMs = parseDuration(String(flags.timeout), 'timeout');
  const nodes = await nodesFor(ctx, positional, flags.selector as string | undefined, 'drain');
  for (const node of nodes) await setUnschedulable(ctx, node, true);
  const pending: string[] = [];
  let fatal: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name!;
    const list = await ctx.host.api.list(PODS, { fieldSelector: `spec.nodeName=${name}`, labelSelector: flags['pod-selector'] as string | undefined });
    const sorted = await sortPods(ctx, list.items, flags);
    // Go prints these from a map (random order); the filters' order reads best.
    const rank = (msg: string) => [DAEMONSET_FATAL, LOCAL_FATAL, UNMANAGED_FATAL].indexOf(msg);
    const errors = [...sorted.errors].sort(([a], [b]) => rank(a) - rank(b)).map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
    if (errors.length) {
      ctx.io.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}, continuing command...\n`);
      pending.push(name);
      fatal = [...fatal, ...errors];
      continue;
    }
    const warnRank = (msg: string) => ['ignoring DaemonSet-managed Pods', 'deleting Pods with local storage', 'deleting Pods that declare no controller'].indexOf(msg);
    const warnings = [...sorted.warnings].sort(([a], [b]) => warnRank(a) - warnRank(b));
    if (warnings.length) ctx.io.err(`Warning: ${warnings.map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ')}\n`);
    const result = await evictAll(ctx, sorted.evict, flags, timeoutMs);
    if (result === 'interrupted') return INTERRUPTED_STATUS;
    if (result) {
      ctx.io.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${result}, continuing command...\n`);
      pending.push(name);
      fatal.push(result);
      continue;
    }
    ctx.io.out(`node/${name} drained\n`);
  }
  if (!pending.length) return 0;
  ctx.io.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`);
  ctx.io.err(fatal.map((f) => f + '\n').join(''));
  return 1;
}

/** Evicts every pod (retrying while a PodDisruptionBudget forbids it), then waits for each to go. */
async function evictAll(ctx: KubectlContext, given: KubeObject[], flags: Record<string, unknown>, timeoutMs: number): Promise<string | 'interrupted' | undefined> {
  // kubectl evicts in one goroutine per pod; Go runs the last one started first, then the
  // others in order, and the real output follows that order.
  const pods = given.length > 1 ? [given[given.length - 1], ...given.slice(0, -1)] : given;
  const grace = Number(flags['grace-period']);
  const deleteOptions = grace >= 0 ? { gracePeriodSeconds: grace } : undefined;
  const started = ctx.host.clock.now();
  for (const pod of pods) {
    const ref = { ...PODS, namespace: pod.metadata.namespace, name: pod.metadata.name };
    for (;;) {
      try {
        if (flags['disable-eviction']) await ctx.host.api.delete(ref, { ...deleteOptions, actor: 'kubectl' });
        else await ctx.host.api.create({ ...ref, subresource: 'eviction' }, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace }, ...(deleteOptions ? { deleteOptions } : {}) }, { actor: 'kubectl' });
        if (!flags['disable-eviction']) ctx.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
        break;
      } catch (e) {
        if (isStatusError(e) && e.code === 404) break;
        if (!isStatusError(e) || e.code !== 429) return `error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}: ${(e as Error).message}`;
        ctx.io.err(`error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)} (will retry after 5s): ${e.status.message}\n`);
        if (timeoutMs > 0 && ctx.host.clock.now() - started >= timeoutMs) return `error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}: global timeout reached: ${String(flags.timeout)}`;
        if (!ctx.host.sleep || ctx.io.interrupt.interrupted) return 'interrupted';
        await ctx.host.sleep(EVICT_RETRY_MS, ctx.io.interrupt);
        if (ctx.io.interrupt.interrupted) return 'interrupted';
      }
    }
  }
  for (const pod of pods) {
    const end = await watchUntil(ctx, { ...PODS, namespace: pod.metadata.namespace }, { fieldSelector: `metadata.name=${pod.metadata.name}`, timeoutMs }, (type, obj) => type === 'DELETED' || !obj || obj.metadata.uid !== pod.metadata.uid);
    if (end === 'interrupted') return 'interrupted';
    if (end === 'timeout') return `error when waiting for pod ${JSON.stringify(pod.metadata.name)} in namespace ${JSON.stringify(pod.metadata.namespace)} to terminate: global timeout reached: ${String(flags.timeout)}`;
    ctx.io.out(`pod/${pod.metadata.name} ${flags['disable-eviction'] ? 'deleted' : 'evicted'}\n`);
  }
  return undefined;
}
