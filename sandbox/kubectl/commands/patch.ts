// kubectl patch: -p (JSON or YAML) with --type strategic|merge|json, `patched`, or
// `patched (no change)` when the server returned the object unchanged.
import { parse } from 'yaml';
import type { PatchType } from '../../engine/api/types.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { sortKeysDeep } from '../printers/output.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { resolveTargets } from './targets.js';
import { parseDryRun, reportWrite } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
];

const TYPES: Record<string, PatchType> = { strategic: 'strategic', merge: 'merge', json: 'json' };

function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parse(text);
    } catch (e) {
      throw new UsageError(`unable to parse "${text}": ${(e as Error).message}`);
    }
  }
}

export async function patch(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'patch');
  const type = TYPES[String(flags.type)];
  if (!type) throw new UsageError(`--type must be one of [json merge strategic], not "${flags.type}"`);
  let text = flags.patch as string | undefined;
  if (flags['patch-file']) text = ctx.host.fs.readFile(String(flags['patch-file']));
  if (!text) throw new UsageError('must specify --patch or --patch-file containing the contents of the patch');
  const body = parsePatch(text);
  const dryRun = parseDryRun(flags['dry-run']);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const targets = await resolveTargets(ctx, positional, { namespace }, 'patch');
  for (const { type: resource, object } of targets) {
    const ref = { ...refOf(resource, object.metadata.namespace, object.metadata.name), ...(flags.subresource ? { subresource: String(flags.subresource) } : {}) };
    const before = flags.subresource ? await ctx.host.api.get(ref) : object;
    const after = await ctx.host.api.patch(ref, type, body, { fieldManager: String(flags['field-manager']), dryRun: dryRun === 'server', actor: 'kubectl' });
    if (flags.output) {
      reportWrite(ctx, after, 'patched', String(flags.output), dryRun);
      continue;
    }
    const changed = JSON.stringify(sortKeysDeep(before)) !== JSON.stringify(sortKeysDeep(after));
    const suffix = dryRun === 'server' ? ' (server dry run)' : '';
    ctx.io.out(`${kindPrefix(resource)}/${object.metadata.name} patched${changed ? '' : ' (no change)'}${suffix}\n`);
  }
  return 0;
}
