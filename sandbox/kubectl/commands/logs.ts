// kubectl logs: a pod's (or a workload's first pod's) container log, --tail, --previous,
// --timestamps, -c / --all-containers, -l, and -f following the log until Ctrl-C or the
// container ends (k8s.io/kubectl/pkg/cmd/logs).
import type { KubeObject } from '../../engine/objects.js';
import { INTERRUPTED_STATUS } from '../../shell/io.js';
import type { PodLogOptions } from '../client.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { resolveType } from '../resource-types.js';
import { watchUntil } from './waiting.js';

const FLAGS: FlagSpec[] = [
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'pod-running-timeout', type: 'string', default: '20s' },
  { name: 'ignore-errors', type: 'bool' },
];

const PODS = { group: '', version: 'v1', resource: 'pods' };

interface Source {
  pod: KubeObject;
  container: string;
}

export async function logs(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'logs');
  const namespace = String(flags.namespace ?? ctx.namespace);
  const selector = flags.selector as string | undefined;
  if (selector && positional.length) throw new UsageError('only a selector (-l) or a POD name is allowed', "See 'kubectl logs -h' for help and examples");
  if (!selector && !positional.length) throw new UsageError('expected POD or TYPE/NAME is a required argument for the logs command', "See 'kubectl logs -h' for help and examples");
  if (positional.length > 2) throw new UsageError('expected POD or TYPE/NAME is a required argument for the logs command', "See 'kubectl logs -h' for help and examples");
  // `kubectl logs pod container` is the old form of -c.
  const container = (flags.container as string | undefined) ?? positional[1];
  const pods = selector ? (await ctx.host.api.list({ ...PODS, namespace }, { labelSelector: selector })).items : [await podFor(ctx, namespace, positional[0])];
  if (selector && !pods.length) {
    ctx.io.err('No resources found in ' + namespace + ' namespace.\n');
    return 0;
  }
  const tail = Number(flags.tail);
  const opts: PodLogOptions = { previous: Boolean(flags.previous), timestamps: Boolean(flags.timestamps), tailLines: tail >= 0 ? tail : selector && !flags.follow ? 10 : undefined };
  const sources: Source[] = pods.flatMap((pod) => containersOf(pod, container, Boolean(flags['all-containers'])).map((c) => ({ pod, container: c })));
  const prefix = Boolean(flags.prefix);
  if (!flags.follow) {
    for (const s of sources) ctx.io.out(withPrefix(await read(ctx, s, opts), s, prefix));
    return 0;
  }
  if (sources.length > 1) throw new UsageError('you are attempting to follow ' + sources.length + ' log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit');
  return follow(ctx, sources[0], opts, prefix);
}

function withPrefix(text: string, s: Source, prefix: boolean): string {
  if (!prefix || !text) return text;
  return text.replace(/^(?=.)/gm, `[pod/${s.pod.metadata.name}/${s.container}] `);
}

function containersOf(pod: KubeObject, container: string | undefined, all: boolean): string[] {
  const spec = pod.spec as { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }> };
  if (all) return [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name);
  if (container) return [container];
  const names = (spec.containers ?? []).map((c) => c.name);
  if (names.length === 1) return names;
  // kubectl picks the default container annotation, else the first, and says so.
  return [pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0]];
}

/** `deploy/web`, `rs/x`, `job/x`: the first pod of the workload, as kubectl's LogsForObject picks it. */
async function podFor(ctx: KubectlContext, namespace: string, target: string): Promise<KubeObject> {
  if (!target.includes('/')) return ctx.host.api.get({ ...PODS, namespace, name: target });
  const [typed, name] = target.split('/');
  const type = resolveType(typed);
  if (type.kind === 'Pod') return ctx.host.api.get({ ...PODS, namespace, name });
  const owner = await ctx.host.api.get({ group: type.group, version: type.version, resource: type.resource, namespace, name });
  const selector = (owner.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> }).selector;
  const labels = type.kind === 'Service' || type.kind === 'ReplicationController' ? (selector as Record<string, string>) : ((selector as { matchLabels?: Record<string, string> })?.matchLabels ?? {});
  const labelSelector = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = (await ctx.host.api.list({ ...PODS, namespace }, { labelSelector })).items.filter((p) => !p.metadata.deletionTimestamp);
  if (!pods.length) throw new UsageError('timed out waiting for the condition');
  // Like kubectl's ByLogging order: running and ready pods first, then the oldest.
  pods.sort((a, b) => rank(a) - rank(b) || String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

function rank(pod: KubeObject): number {
  const status = pod.status as { phase?: string; conditions?: Array<{ type: string; status: string }> } | undefined;
  const ready = status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  return status?.phase === 'Running' ? (ready ? 0 : 1) : 2;
}

async function read(ctx: KubectlContext, s: Source, opts: PodLogOptions): Promise<string> {
  if (!ctx.host.api.logs) throw new UsageError('the server could not find the requested resource ( pods/log ' + s.pod.metadata.name + ')');
  return ctx.host.api.logs({ ...PODS, namespace: s.pod.metadata.namespace, name: s.pod.metadata.name }, { ...opts, container: s.container });
}

/** Prints the log, then every new line until Ctrl-C or until the container stops. */
async function follow(ctx: KubectlContext, s: Source, opts: PodLogOptions, prefix: boolean): Promise<number> {
  let printed = await read(ctx, s, opts);
  ctx.io.out(withPrefix(printed, s, prefix));
  const all = { ...opts, tailLines: undefined };
  // Lines already shown: count them in the whole log, so a later read prints only what is new.
  let shownLines = (await read(ctx, s, all)).split('\n').length - 1;
  const restartsOf = (pod: KubeObject) => ((pod.status as { containerStatuses?: Array<{ name: string; restartCount?: number }> })?.containerStatuses ?? []).find((c) => c.name === s.container)?.restartCount ?? 0;
  const startRestarts = restartsOf(s.pod);
  let pending = Promise.resolve();
  const end = await watchUntil(ctx, { ...PODS, namespace: s.pod.metadata.namespace }, { fieldSelector: `metadata.name=${s.pod.metadata.name}` }, (type, pod) => {
    if (type === 'DELETED' || !pod) return true;
    if (restartsOf(pod) !== startRestarts) return true;
    pending = pending.then(async () => {
      const text = await read(ctx, { ...s, pod }, all).catch(() => '');
      const lines = text.split('\n').slice(0, -1);
      if (lines.length <= shownLines) return;
      printed = lines.slice(shownLines).map((l) => l + '\n').join('');
      shownLines = lines.length;
      ctx.io.out(withPrefix(printed, s, prefix));
    });
    return false;
  });
  await pending;
  return end === 'interrupted' ? INTERRUPTED_STATUS : 0;
}
