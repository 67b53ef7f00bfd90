// kubectl delete: by type and name, `type/name`, -l, --field-selector, --all, or -f; cascade
// modes; waits for the objects to be gone (--wait, default true) like the real kubectl.
import type { ResourceType } from '../../engine/api/types.js';
import { formatError, withSource } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { ConnectionRefusedError } from '../client.js';
import { refusedRecognize } from '../refused.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { parseTargets } from './get.js';
import { listSelected } from './targets.js';
import { typeOf } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'timeout', type: 'string' },
];

const POLICIES: Record<string, 'Background' | 'Foreground' | 'Orphan'> = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' };

interface Target {
  type: ResourceType;
  namespace?: string;
  name: string;
  source?: string;
}

export async function del(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'delete');
  const policy = POLICIES[String(flags.cascade)];
  if (!policy) throw new UsageError(`invalid cascade value (${flags.cascade}). Must be "background", "foreground", or "orphan"`);
  const targets = await collectTargets(ctx, flags, positional);
  let status = 0;
  const deleted: Target[] = [];
  let gracePeriod = Number(flags['grace-period']);
  if (flags.now) gracePeriod = 1;
  if (flags.force && gracePeriod < 0) gracePeriod = 0;
  if (flags.force) ctx.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  for (const t of targets) {
    try {
      await ctx.host.api.delete(refOf(t.type, t.namespace, t.name), { propagationPolicy: policy, gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined, actor: 'kubectl' });
      ctx.io.out(flags.output === 'name' ? `${t.type.group ? `${t.type.kind.toLowerCase()}.${t.type.group}` : t.type.kind.toLowerCase()}/${t.name}\n` : `${kindPrefix(t.type)} "${t.name}" deleted\n`);
      deleted.push(t);
    } catch (e) {
      // A refused connection ends the command; a file's objects fail where kubectl maps their kind.
      if (e instanceof ConnectionRefusedError) throw t.source ? refusedRecognize(e, t.source) : e;
      if (flags['ignore-not-found'] && (e as { code?: number }).code === 404) continue;
      ctx.io.err(formatError(withSource('deleting', t.source, e)));
      status = 1;
    }
  }
  if (flags.wait && !flags.force) await waitUntilGone(ctx, deleted);
  return status;
}

async function collectTargets(ctx: KubectlContext, flags: Record<string, unknown>, positional: string[]): Promise<Target[]> {
  const namespace = String(flags.namespace ?? ctx.namespace);
  const files = (flags.filename as string[] | undefined) ?? [];
  if (files.length) {
    return readManifests(ctx, files).map(({ object, source }) => {
      const type = typeOf(object);
      return { type, namespace: type.namespaced ? (object.metadata.namespace ?? namespace) : undefined, name: object.metadata.name!, source };
    });
  }
  if (!positional.length) throw new UsageError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  const requests = parseTargets(positional);
  const out: Target[] = [];
  for (const req of requests) {
    if (req.names.length) {
      for (const name of req.names) out.push({ type: req.type, namespace: req.type.namespaced ? namespace : undefined, name });
      continue;
    }
    if (!flags.all && !flags.selector && !flags['field-selector']) throw new UsageError(`resource(s) were provided, but no name was specified`);
    const selectors = { labelSelector: flags.selector as string | undefined, fieldSelector: flags['field-selector'] as string | undefined };
    const list = await listSelected(ctx, req.type, flags['all-namespaces'] ? undefined : namespace, selectors);
    for (const o of list.items) out.push({ type: req.type, namespace: o.metadata.namespace, name: o.metadata.name! });
  }
  if (!out.length && (flags.all || flags.selector || flags['field-selector'])) ctx.io.out(`No resources found\n`);
  return out;
}

/** Waits until every deleted object is gone, or Ctrl-C. */
async function waitUntilGone(ctx: KubectlContext, targets: Target[]): Promise<void> {
  for (const t of targets) {
    const ref = refOf(t.type, t.namespace, t.name);
    const exists = async () => {
      try {
        await ctx.host.api.get(ref);
        return true;
      } catch {
        return false;
      }
    };
    if (!(await exists())) continue;
    let finish = () => {};
    const gone = new Promise<void>((resolve) => (finish = resolve));
    const stopInterrupt = ctx.io.interrupt.onRaise(finish);
    const watch = await ctx.host.api.watch(refOf(t.type, t.namespace), { fieldSelector: `metadata.name=${t.name}` }, (ev) => {
      if (ev.type === 'DELETED') finish();
    });
    // The object may have gone between the check and the watch.
    if (!(await exists())) finish();
    await gone;
    stopInterrupt();
    watch.stop();
  }
}
