// kubectl top node|pod (k8s.io/kubectl/pkg/cmd/top and pkg/metricsutil, v1.32): usage from the
// Metrics API, or `error: Metrics API not available` when the cluster serves none (a kubeadm
// cluster until metrics-server runs).
import type { KubeObject } from '../../engine/objects.js';
import { parseQuantity } from '../../engine/scheduler/quantity.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import type { KubeClient } from '../client.js';
import { tabwrite } from '../printers/tabwriter.js';

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'no-headers', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'containers', type: 'bool' },
  { name: 'sum', type: 'bool' },
  { name: 'show-capacity', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool', default: true },
  { name: 'field-selector', type: 'string' },
];

const NODES = { group: '', version: 'v1', resource: 'nodes' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const MI = 1024 * 1024;

interface Usage {
  cpuMilli: number;
  memory: number;
}

const usageOf = (u: { cpu?: string; memory?: string } | undefined): Usage => ({ cpuMilli: Math.ceil(parseQuantity(u?.cpu ?? '0') * 1000 - 1e-9), memory: parseQuantity(u?.memory ?? '0') });
const cpu = (u: Usage) => `${u.cpuMilli}m`;
const mem = (u: Usage) => `${Math.floor(u.memory / MI)}Mi`;

export async function top(ctx: KubectlContext, args: string[]): Promise<number> {
  const sub = args.find((a) => !a.startsWith('-'));
  if (!sub) {
    ctx.io.out('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  }
  const rest = args.filter((a, i) => i !== args.indexOf(sub));
  if (['node', 'nodes', 'no'].includes(sub)) return topNodes(ctx, rest);
  if (['pod', 'pods', 'po'].includes(sub)) return topPods(ctx, rest);
  throw new UsageError(`unknown command "${sub}" for "kubectl top"`);
}

function checkSortBy(sortBy: string): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new UsageError('--sort-by accepts only cpu or memory');
}

const byUsage = (sortBy: string) => (a: Usage, b: Usage) => (sortBy === 'cpu' ? b.cpuMilli - a.cpuMilli : sortBy === 'memory' ? b.memory - a.memory : 0);

/**
 * The Metrics API, or undefined when the cluster does not serve it. kubectl first asks discovery
 * whether metrics.k8s.io is served, so an unreachable server is reported as such.
 */
async function metricsOf(api: KubeClient, resource: 'nodes' | 'pods', opts: { namespace?: string; labelSelector?: string }): Promise<KubeObject[] | undefined> {
  if (api.metrics) return api.metrics(resource, opts);
  await api.discovery();
  return undefined;
}

async function topNodes(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'top node');
  const sortBy = String(flags['sort-by']);
  checkSortBy(sortBy);
  if (positional.length && flags.selector) throw new UsageError('only one of NAME or --selector can be provided');
  const metrics = await metricsOf(ctx.host.api, 'nodes', {});
  if (!metrics) throw new UsageError('Metrics API not available');
  const nodes = positional.length ? await Promise.all(positional.map((name) => ctx.host.api.get({ ...NODES, name }))) : (await ctx.host.api.list(NODES, { labelSelector: flags.selector as string | undefined })).items;
  const wanted = new Set(nodes.map((n) => n.metadata.name));
  const rows = metrics.filter((m) => wanted.has(m.metadata.name)).map((m) => ({ name: m.metadata.name!, usage: usageOf((m as unknown as { usage: { cpu: string; memory: string } }).usage) }));
  if (positional.length && !rows.length) throw new UsageError('metrics not available yet');
  rows.sort((a, b) => byUsage(sortBy)(a.usage, b.usage) || a.name.localeCompare(b.name));
  const available = new Map(nodes.map((n) => [n.metadata.name!, usageOf(((n.status ?? {}) as Record<string, { cpu?: string; memory?: string }>)[flags['show-capacity'] ? 'capacity' : 'allocatable'])]));
  let text = flags['no-headers'] ? '' : 'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n';
  for (const r of rows) {
    const a = available.get(r.name)!;
    text += `${r.name}\t${cpu(r.usage)}\t${Math.trunc((r.usage.cpuMilli / a.cpuMilli) * 100)}%\t${mem(r.usage)}\t${Math.trunc(((r.usage.memory * 1000) / (a.memory * 1000)) * 100)}%\t\n`;
    available.delete(r.name);
  }
  for (const name of available.keys()) text += `${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`;
  ctx.io.out(tabwrite(text));
  return 0;
}

async function topPods(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'top pod');
  const sortBy = String(flags['sort-by']);
  checkSortBy(sortBy);
  if (positional.length && flags.selector) throw new UsageError('only one of NAME or selector can be provided');
  const all = Boolean(flags['all-namespaces']);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const metrics = await metricsOf(ctx.host.api, 'pods', { namespace: all ? undefined : namespace, labelSelector: flags.selector as string | undefined });
  if (!metrics) throw new UsageError('Metrics API not available');
  let selected = metrics;
  if (positional.length) {
    await ctx.host.api.get({ ...PODS, namespace, name: positional[0] });
    selected = metrics.filter((m) => m.metadata.name === positional[0]);
    if (!selected.length) throw new UsageError('metrics not available yet');
  }
  if (!selected.length) {
    const pods = (await ctx.host.api.list({ ...PODS, namespace: all ? undefined : namespace }, { labelSelector: flags.selector as string | undefined })).items;
    if (pods.length) throw new UsageError('metrics not available yet');
    ctx.io.err(all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  ctx.io.out(tabwrite(podTable(selected, flags, all, sortBy)));
  return 0;
}

type Containers = Array<{ name: string; usage: { cpu: string; memory: string } }>;

function podTable(metrics: KubeObject[], flags: Record<string, unknown>, all: boolean, sortBy: string): string {
  const rows = metrics.map((m) => {
    const containers = ((m as unknown as { containers: Containers }).containers ?? []).map((c) => ({ name: c.name, usage: usageOf(c.usage) }));
    const usage = containers.reduce((s, c) => ({ cpuMilli: s.cpuMilli + c.usage.cpuMilli, memory: s.memory + c.usage.memory }), { cpuMilli: 0, memory: 0 });
    return { ns: m.metadata.namespace ?? '', name: m.metadata.name!, usage, containers };
  });
  rows.sort((a, b) => byUsage(sortBy)(a.usage, b.usage) || (all ? a.ns.localeCompare(b.ns) : 0) || a.name.localeCompare(b.name));
  const prefix = (r: { ns: string }) => (all ? `${r.ns}\t` : '');
  let text = flags['no-headers'] ? '' : `${all ? 'NAMESPACE\t' : ''}${flags.containers ? 'POD\t' : ''}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`;
  for (const r of rows) {
    if (!flags.containers) text += `${prefix(r)}${r.name}\t${cpu(r.usage)}\t${mem(r.usage)}\t\n`;
    else for (const c of r.containers) text += `${prefix(r)}${r.name}\t${c.name}\t${cpu(c.usage)}\t${mem(c.usage)}\t\n`;
  }
  if (flags.sum) {
    const width = 3 + (all ? 1 : 0) + (flags.containers ? 1 : 0);
    const total = rows.reduce((s, r) => ({ cpuMilli: s.cpuMilli + r.usage.cpuMilli, memory: s.memory + r.usage.memory }), { cpuMilli: 0, memory: 0 });
    text += '\t'.repeat(width - 2) + '________\t________\t\n' + '\t'.repeat(width - 3) + `\t${cpu(total)}\t${mem(total)}\t\n`;
  }
  return text;
}
