// kubectl taint (k8s.io/kubectl/pkg/cmd/taint, v1.32): `key=value:Effect` adds, `key:Effect-` or
// `key-` removes; the result is `tainted`, `untainted` or `modified` with kubectl's own quirks
// (an added taint is reported by comparing list lengths before the removals).
import { rfc3339 } from '../../engine/clock.js';
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { resolveType } from '../resource-types.js';

const NODES = { group: '', version: 'v1', resource: 'nodes' };
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const HINT = "See 'kubectl taint -h' for help and examples";

const FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const taintString = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

function parseSpec(spec: string, now: number): Taint {
  const [kv, effect = ''] = spec.split(':');
  const [key, value] = kv.split('=');
  if (!spec.includes(':') || !key) throw new Error(`invalid taint spec: ${spec}`);
  if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
  return { key, ...(value ? { value } : {}), effect, ...(effect === 'NoExecute' ? { timeAdded: rfc3339(now) } : {}) };
}

function parseRemoval(spec: string): Taint {
  const body = spec.slice(0, -1);
  const [key, effect = ''] = body.split(':');
  if (effect && !EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
  return { key, effect };
}

function splitArgs(positional: string[]): { resources: string[]; specs: string[] } {
  const isSpec = (s: string) => s.includes('=') || s.includes(':') || s.endsWith('-');
  const first = positional.findIndex(isSpec);
  const resources = first < 0 ? positional : positional.slice(0, first);
  const specs = first < 0 ? [] : positional.slice(first);
  const stray = specs.find((s) => !isSpec(s));
  if (stray) throw new UsageError(`all resources must be specified before taint changes: ${stray}`);
  return { resources, specs };
}

/** checkErr prints a NoResourceMatchError without the `error: ` prefix. */
class NoResourceType extends Error {}

export async function taint(ctx: KubectlContext, args: string[]): Promise<number> {
  try {
    return await taintNodes(ctx, args);
  } catch (e) {
    if (!(e instanceof NoResourceType)) throw e;
    ctx.io.err(`the server doesn't have a resource type ${JSON.stringify(e.message)}\n`);
    return 1;
  }
}

async function taintNodes(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'taint');
  const { resources, specs } = splitArgs(positional);
  if (!resources.length) throw new UsageError('one or more resources must be specified as <resource> <name>');
  if (!specs.length) throw new UsageError('at least one taint update is required');
  let add: Taint[];
  let remove: Taint[];
  try {
    const now = ctx.host.clock.now();
    add = specs.filter((s) => !s.endsWith('-')).map((s) => parseSpec(s, now));
    remove = specs.filter((s) => s.endsWith('-')).map(parseRemoval);
  } catch (e) {
    throw new UsageError((e as Error).message, HINT);
  }
  const names = await targetNames(ctx, resources, flags);
  for (const name of names) {
    const node = await ctx.host.api.get({ ...NODES, name });
    const { operation, taints } = update(node, add, remove, Boolean(flags.overwrite));
    await ctx.host.api.patch({ ...NODES, name }, 'merge', { spec: { taints: taints.length ? taints : null } }, { actor: 'kubectl-taint' });
    ctx.io.out(`node/${name} ${operation}\n`);
  }
  return 0;
}

async function targetNames(ctx: KubectlContext, resources: string[], flags: Record<string, unknown>): Promise<string[]> {
  const [first, ...rest] = resources;
  // kubectl taint takes `TYPE NAME…` only: `node/x` is looked up as a type and not found.
  if (first.includes('/')) throw new NoResourceType(first);
  const type = resolveType(first);
  if (type.kind !== 'Node') throw new UsageError(`invalid resource type ${type.resource}, only node types are supported`);
  if (flags.all || flags.selector) return (await ctx.host.api.list(NODES, { labelSelector: flags.selector as string | undefined })).items.map((n) => n.metadata.name!);
  if (!rest.length) throw new UsageError("at least one resource name must be specified since 'all' parameter is not set");
  return rest;
}

function update(node: KubeObject, add: Taint[], remove: Taint[], overwrite: boolean): { operation: string; taints: Taint[] } {
  const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  if (!overwrite) {
    const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (exists.length) throw new UsageError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  let taints = [...add, ...old.filter((o) => !add.some((t) => t.key === o.key && t.effect === o.effect))];
  const added = old.length !== taints.length;
  const missing: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) missing.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  if (missing.length) throw new UsageError(missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`);
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints };
}
