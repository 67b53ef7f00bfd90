// kubectl diff -f: what apply would change. Each object's LIVE version (GET) and MERGED version
// (the apply patch, or a create, sent with dryRun=All) are printed as YAML and compared as
// `diff -u -N LIVE-dir MERGED-dir` would: files named group.version.Kind.namespace.name in
// name order, three lines of context. Exit 1 when something differs, 0 when nothing does.
import { structuredPatch } from 'diff';
import type { KubeObject } from '../../engine/objects.js';
import { formatError } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { toYaml } from '../printers/yaml.js';
import { refOf } from '../resource-types.js';
import { threeWayPatch } from './three-way.js';
import { typeOf } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'concurrency', type: 'int', default: 1 },
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface Pair {
  name: string;
  live?: KubeObject;
  merged: KubeObject;
}

export async function diff(ctx: KubectlContext, args: string[]): Promise<number> {
  try {
    return await diffFiles(ctx, args);
  } catch (e) {
    // cmdutil.CheckDiffErr: errors exit 2, since 1 means "differences found".
    if (!(e instanceof Error) || !('status' in e || e instanceof UsageError)) throw e;
    ctx.io.err(formatError(e));
    return 2;
  }
}

function parseDiffFlags(args: string[]) {
  try {
    return parseFlags(args, FLAGS, 'diff');
  } catch (e) {
    // kubectl diff reports flag errors with the -h hint (its flag error func).
    if (e instanceof UsageError) throw new UsageError(e.message, "See 'kubectl diff -h' for help and examples");
    throw e;
  }
}

async function diffFiles(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseDiffFlags(args);
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!files.length) throw new UsageError('must specify one of -f and -k');
  if (positional.length) throw new UsageError(`Unexpected args: [${positional.join(' ')}]`, "See 'kubectl diff -h' for help and examples");
  const pairs: Pair[] = [];
  // The first error stops the diff before anything is printed.
  for (const { object } of readManifests(ctx, files)) pairs.push(await pairOf(ctx, object, flags));
  return printDiff(ctx, pairs, Boolean(flags['show-managed-fields']));
}

async function pairOf(ctx: KubectlContext, manifest: KubeObject, flags: Record<string, unknown>): Promise<Pair> {
  const type = typeOf(manifest);
  const namespace = type.namespaced ? (manifest.metadata?.namespace ?? ctx.namespace) : undefined;
  const name = manifest.metadata?.name ?? '';
  const ref = refOf(type, namespace, name);
  const fileName = `${type.group ? `${type.group}.` : ''}${type.version}.${type.kind}.${namespace ?? ''}.${name}`;
  let live: KubeObject | undefined;
  try {
    live = await ctx.host.api.get(ref);
  } catch (e) {
    if ((e as { code?: number }).code !== 404) throw e;
  }
  const opts = { fieldManager: String(flags['field-manager']), dryRun: true, actor: 'kubectl' };
  const body = namespace ? { ...manifest, metadata: { ...manifest.metadata, namespace } } : manifest;
  if (flags['server-side']) {
    const merged = await ctx.host.api.patch(ref, 'apply', body, { ...opts, fieldManager: flags['field-manager'] === 'kubectl-client-side-apply' ? 'kubectl' : opts.fieldManager, force: Boolean(flags['force-conflicts']), fieldValidation: 'Strict' });
    return { name: fileName, live, merged };
  }
  if (!live) return { name: fileName, merged: await ctx.host.api.create(refOf(type, namespace), body, opts) };
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  // GetModifiedConfiguration leaves an (empty) annotations map without the last-applied one.
  const { [LAST_APPLIED]: _last, ...annotations } = body.metadata.annotations ?? {};
  const modified = { ...body, metadata: { ...body.metadata, annotations } };
  const patch = threeWayPatch(previous ? JSON.parse(previous) : undefined, modified, live);
  // The patch carries the live resourceVersion, as kubectl's patcher sends it (optimistic lock).
  const withVersion = { ...patch, metadata: { ...((patch.metadata as object) ?? {}), resourceVersion: live.metadata.resourceVersion } };
  const merged = await ctx.host.api.patch(ref, 'strategic', withVersion, opts);
  return { name: fileName, live, merged };
}

/** Secret values are masked: `***`, or `*** (before)` / `*** (after)` where they differ. */
function masked(live: KubeObject | undefined, merged: KubeObject): [KubeObject | undefined, KubeObject] {
  if (merged.kind !== 'Secret') return [live, merged];
  const before = ((live as { data?: Record<string, string> } | undefined)?.data ?? {}) as Record<string, string>;
  const after = ((merged as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
  const mask = (data: Record<string, string>, other: Record<string, string>, label: string) =>
    Object.fromEntries(Object.entries(data).map(([k, v]) => [k, k in other && other[k] !== v ? `*** (${label})` : '***']));
  const l = live && (live as { data?: unknown }).data ? ({ ...live, data: mask(before, after, 'before') } as KubeObject) : live;
  const m = (merged as { data?: unknown }).data ? ({ ...merged, data: mask(after, before, 'after') } as KubeObject) : merged;
  return [l, m];
}

function yamlOf(obj: KubeObject | undefined, showManagedFields: boolean): string {
  if (!obj) return '';
  if (showManagedFields) return toYaml(obj);
  const { managedFields: _hidden, ...metadata } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return toYaml({ ...obj, metadata });
}

function printDiff(ctx: KubectlContext, pairs: Pair[], showManagedFields: boolean): number {
  const suffix = String(ctx.host.clock.now() % 1_000_000_000).padStart(9, '0');
  const [liveDir, mergedDir] = [`/tmp/LIVE-${suffix}`, `/tmp/MERGED-${suffix.split('').reverse().join('')}`];
  const stamp = fileTime(ctx.host.clock.now());
  let changed = false;
  for (const p of [...pairs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const [live, merged] = masked(p.live, p.merged);
    const before = yamlOf(live, showManagedFields);
    const after = yamlOf(merged, showManagedFields);
    if (before === after) continue;
    changed = true;
    const [from, to] = [`${liveDir}/${p.name}`, `${mergedDir}/${p.name}`];
    ctx.io.out(`diff -u -N ${from} ${to}\n--- ${from}\t${live ? stamp : EPOCH}\n+++ ${to}\t${stamp}\n`);
    ctx.io.out(unifiedHunks(before, after));
  }
  return changed ? 1 : 0;
}

const EPOCH = '1970-01-01 00:00:00.000000000 +0000';

/** GNU diff's file time: `2026-11-01 09:00:05.000000000 +0000`. */
function fileTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

/** Hunks as GNU diff -u prints them: a one-line range without `,1`, an empty one as `start-1,0`. */
function unifiedHunks(before: string, after: string): string {
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 });
  const range = (start: number, lines: number) => (lines === 1 ? `${start}` : lines === 0 ? `${start === 0 ? 0 : start - 1},0` : `${start},${lines}`);
  return patch.hunks.map((h) => `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n${h.lines.join('\n')}\n`).join('');
}
