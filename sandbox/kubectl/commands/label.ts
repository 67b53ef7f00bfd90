// kubectl label and kubectl annotate: `key=value` sets, `key-` removes, an existing key needs
// --overwrite; each object gets one JSON merge patch of metadata.labels/annotations.
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { resolveTargets } from './targets.js';

const FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

interface Edit {
  set: Record<string, string>;
  remove: string[];
}

/** Splits the arguments into resources and `k=v` / `k-` edits (kubectl's own rule). */
function splitArgs(positional: string[], what: 'label' | 'annotation'): { resources: string[]; edit: Edit } {
  const resources: string[] = [];
  const edit: Edit = { set: {}, remove: [] };
  for (const arg of positional) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      const key = arg.slice(0, eq);
      if (key in edit.set) throw new UsageError(`can not both modify and remove ${what}s in the same command`);
      edit.set[key] = arg.slice(eq + 1);
    } else if (arg.endsWith('-') && resources.length) edit.remove.push(arg.slice(0, -1));
    else if (Object.keys(edit.set).length || edit.remove.length) throw new UsageError(`invalid ${what} spec: ${arg}`);
    else resources.push(arg);
  }
  for (const key of edit.remove) if (key in edit.set) throw new UsageError(`can not both modify and remove ${what}s in the same command`);
  return { resources, edit };
}

function applyEdit(current: Record<string, string>, edit: Edit, overwrite: boolean, what: 'label' | 'annotation', out: (s: string) => void): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(edit.set)) {
    if (!overwrite && k in current && current[k] !== v) {
      throw new UsageError(what === 'label' ? `'${k}' already has a value (${current[k]}), and --overwrite is false` : `--overwrite is false but found the following declared annotation(s): '${k}' already has a value (${current[k]})`);
    }
    if (current[k] !== v) patch[k] = v;
  }
  for (const k of edit.remove) {
    if (k in current) patch[k] = null;
    else out(`${what} ${JSON.stringify(k)} not found.\n`);
  }
  return patch;
}

function metadataCommand(what: 'label' | 'annotation') {
  const field = what === 'label' ? 'labels' : 'annotations';
  const command = what === 'label' ? 'label' : 'annotate';
  return async (ctx: KubectlContext, args: string[]): Promise<number> => {
    const { flags, positional } = parseFlags(args, FLAGS, command);
    const { resources, edit } = splitArgs(positional, what);
    if (!Object.keys(edit.set).length && !edit.remove.length && !flags.list) throw new UsageError(`at least one ${what} update is required`);
    const namespace = String(flags.namespace ?? ctx.namespace);
    const targets = await resolveTargets(ctx, resources, { all: Boolean(flags.all), selector: flags.selector as string | undefined, namespace, allNamespaces: Boolean(flags['all-namespaces']) }, command);
    for (const { type, object } of targets) {
      const current = (object.metadata[field] ?? {}) as Record<string, string>;
      if (flags.list) {
        // kubectl ranges over a Go map here, so its order varies from run to run; ours is sorted.
        for (const k of Object.keys(current).sort()) ctx.io.out(`${k}=${current[k]}\n`);
        continue;
      }
      const patch = applyEdit(current, edit, Boolean(flags.overwrite), what, (s) => ctx.io.out(s));
      const name = `${kindPrefix(type)}/${object.metadata.name}`;
      if (!Object.keys(patch).length) {
        ctx.io.out(`${name} ${what === 'label' ? 'not labeled' : 'annotated'}\n`);
        continue;
      }
      const body: Record<string, unknown> = { metadata: { [field]: patch, ...(flags['resource-version'] ? { resourceVersion: flags['resource-version'] } : {}) } };
      const written: KubeObject = await ctx.host.api.patch(refOf(type, object.metadata.namespace, object.metadata.name), 'merge', body, { fieldManager: String(flags['field-manager'] ?? `kubectl-${command}`), actor: 'kubectl' });
      void written;
      ctx.io.out(`${name} ${what === 'label' ? labelVerb(patch, Boolean(flags.overwrite)) : 'annotated'}\n`);
    }
    return 0;
  };
}

/** `labeled`, or `unlabeled` when the edit only removed labels (kubectl compares the sizes). */
function labelVerb(patch: Record<string, string | null>, overwrite: boolean): string {
  const removedOnly = Object.values(patch).every((v) => v === null);
  return !overwrite && removedOnly ? 'unlabeled' : 'labeled';
}

export const label = metadataCommand('label');
export const annotate = metadataCommand('annotation');
