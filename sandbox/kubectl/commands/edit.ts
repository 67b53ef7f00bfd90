// kubectl edit: the objects as YAML in a temp file (`/tmp/kubectl-edit-N.yaml`, kubectl's
// header comment first), opened in the page's editor; when the learner closes it, the changes
// are sent as a patch ("deployment.apps/web edited"). Invalid changes reopen the file with the
// server's reasons in the header, as kubectl does; saving the same invalid file again gives up
// and keeps a copy. Without an editor (a script) it fails as kubectl does when $EDITOR cannot start.
import { parseAllDocuments } from 'yaml';
import { StatusError } from '../../engine/api/errors.js';
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { asList } from '../printers/output.js';
import { toYaml } from '../printers/yaml.js';
import { kindPrefix, qualifiedResourceName, refOf } from '../resource-types.js';
import { resolveTargets, type Target } from './targets.js';
import { threeWayPatch } from './three-way.js';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

export async function edit(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'output', short: 'o', type: 'string', default: '' },
      { name: 'filename', short: 'f', type: 'stringArray' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'all', type: 'bool' },
      { name: 'save-config', type: 'bool' },
      { name: 'validate', type: 'string' },
      { name: 'field-manager', type: 'string', default: 'kubectl-edit' },
      { name: 'subresource', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'windows-line-endings', type: 'bool' },
    ],
    'edit',
  );
  const namespace = String(flags.namespace ?? ctx.namespace);
  const targets = await resolveTargets(ctx, positional, { all: Boolean(flags.all), selector: flags.selector as string | undefined, namespace }, 'edit');
  const editor = ctx.io.editor;
  if (!editor) throw new UsageError('unable to launch the editor "vi"');
  const path = tempPath(ctx);
  const original = HEADER + yamlOf(targets, Boolean(flags['show-managed-fields']));
  return editLoop(ctx, editor, path, original, targets, String(flags['field-manager']));
}

function tempPath(ctx: KubectlContext): string {
  if (!ctx.host.fs.exists('/tmp')) ctx.host.fs.mkdir('/tmp', { recursive: true });
  return `/tmp/kubectl-edit-${String(ctx.host.clock.now() % 1_000_000_000).padStart(9, '0')}.yaml`;
}

function yamlOf(targets: Target[], showManagedFields: boolean): string {
  const shown = targets.map(({ object }) => {
    if (showManagedFields) return object;
    const { managedFields: _hidden, ...metadata } = object.metadata as KubeObject['metadata'] & { managedFields?: unknown };
    return { ...object, metadata } as KubeObject;
  });
  return toYaml(shown.length === 1 ? shown[0] : asList(shown));
}

/** cmdutil.StripComments: lines starting with `#` (after spaces) do not count. */
const stripComments = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');

type Editor = NonNullable<KubectlContext['io']['editor']>;

async function editLoop(ctx: KubectlContext, editor: Editor, path: string, original: string, targets: Target[], fieldManager: string): Promise<number> {
  const fs = ctx.host.fs;
  let content = original;
  let hadErrors = false;
  let previous = original;
  for (;;) {
    fs.writeFile(path, content);
    await editor.edit(path);
    const edited = fs.exists(path) ? fs.readFile(path) : '';
    if (hadErrors && stripComments(previous) === stripComments(edited)) {
      ctx.io.err(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
      throw new UsageError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      fs.rm(path, { force: true });
      ctx.io.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!stripComments(edited).trim()) {
      fs.rm(path, { force: true });
      ctx.io.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const reasons = await applyEdits(ctx, edited, targets, fieldManager);
    if (!reasons.length) {
      fs.rm(path, { force: true });
      return 0;
    }
    hadErrors = true;
    previous = edited;
    content = HEADER + reasons.map(reasonText).join('') + stripComments(edited);
  }
}

function reasonText(r: Reason): string {
  const hash = (s: string) => s.replace(/\n/g, '\n# ');
  return `# ${hash(r.head)}${r.other.length ? ':' : ''}\n${r.other.map((o) => `# * ${hash(o)}\n`).join('')}#\n`;
}

/** Parses the saved file and patches each object; the reasons to reopen it, if any. */
async function applyEdits(ctx: KubectlContext, edited: string, targets: Target[], fieldManager: string): Promise<Reason[]> {
  let objects: KubeObject[];
  try {
    objects = parseEdited(edited);
  } catch (e) {
    return [{ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] }];
  }
  const reasons: Reason[] = [];
  for (const [i, { type, object }] of targets.entries()) {
    const changed = objects[i];
    if (!changed) continue;
    const patch = threeWayPatch(object, changed, object);
    const name = `${kindPrefix(type)}/${object.metadata.name}`;
    if (!Object.keys(patch).length) {
      ctx.io.out(`${name} skipped\n`);
      continue;
    }
    try {
      await ctx.host.api.patch(refOf(type, object.metadata.namespace, object.metadata.name), 'strategic', patch, { fieldManager, actor: 'kubectl' });
      ctx.io.out(`${name} edited\n`);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      const causes = e.status.details?.causes ?? [];
      if (e.status.reason === 'Invalid') reasons.push({ head: `${qualifiedResourceName(type)} ${JSON.stringify(object.metadata.name)} was not valid`, other: causes.map((c) => `${c.field}: ${c.message}`) });
      else reasons.push({ head: e.status.message ?? String(e), other: [] });
    }
  }
  return reasons;
}

function parseEdited(text: string): KubeObject[] {
  const docs = parseAllDocuments(stripComments(text));
  const values: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const err = doc.errors[0];
      throw new Error(`error converting YAML to JSON: yaml: line ${err.linePos?.[0]?.line ?? 0}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    const v = doc.toJS() as unknown;
    if (v !== null && v !== undefined) values.push(v);
  }
  const first = values[0] as KubeObject | undefined;
  if (first?.kind === 'List' && Array.isArray(first.items)) return first.items as KubeObject[];
  return values as KubeObject[];
}
