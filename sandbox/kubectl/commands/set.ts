// kubectl set image|env|resources|serviceaccount: edits the containers of a pod template, sent as one
// strategic merge patch per object (fieldManager kubectl-set), printing
// `deployment.apps/web image updated` as the real command does.
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { StatusError } from '../../engine/api/errors.js';
import { applyStrategicMergePatch } from '../../engine/api/patch/index.js';
import { resolveTargets, type Target } from './targets.js';
import { parseDryRun, reportWrite } from './write-helpers.js';

interface Container {
  name: string;
  image?: string;
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

const COMMON: FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
];

/** Where a kind keeps its pod spec. */
function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(kind)) return ['spec', 'template', 'spec'];
  return undefined;
}

function podSpecOf(obj: KubeObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  const path = podSpecPath(obj.kind);
  let at: unknown = obj;
  for (const key of path ?? []) at = (at as Record<string, unknown> | undefined)?.[key];
  return path ? ((at ?? {}) as { containers?: Container[] }) : undefined;
}

/** Wraps the container edits in the object's pod spec path. */
function nest(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  return (podSpecPath(kind) ?? []).reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), spec);
}

async function patchEach(ctx: KubectlContext, targets: Target[], verb: string, flags: Record<string, unknown>, edit: (obj: KubeObject, spec: { containers?: Container[]; initContainers?: Container[] }) => Record<string, unknown> | undefined): Promise<number> {
  const dryRun = parseDryRun(flags['dry-run'], ctx);
  for (const { type, object } of targets) {
    const spec = podSpecOf(object);
    const name = `${kindPrefix(type)}/${object.metadata.name}`;
    if (!spec) throw new UsageError(`${name} ${verb === 'image' ? 'image' : verb} is not supported`);
    const specPatch = edit(object, spec);
    if (!specPatch) continue;
    const patch = nest(object.kind, specPatch);
    // --dry-run=client patches the object as read, locally; =server asks for a dry-run patch.
    const result = dryRun === 'client'
      ? applyStrategicMergePatch(object, patch)
      : await ctx.host.api.patch(refOf(type, object.metadata.namespace, object.metadata.name), 'strategic', patch, { fieldManager: String(flags['field-manager']), actor: 'kubectl', dryRun: dryRun === 'server' });
    reportWrite(ctx, result, `${verb} updated`, String(flags.output), dryRun, true);
  }
  return 0;
}

function selection(ctx: KubectlContext, flags: Record<string, unknown>) {
  return { all: Boolean(flags.all), selector: flags.selector as string | undefined, namespace: String(flags.namespace ?? ctx.namespace) };
}

async function setImage(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, COMMON, 'set image');
  const resources = positional.filter((a) => !a.includes('='));
  const images = Object.fromEntries(positional.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  if (!Object.keys(images).length) throw new UsageError('at least one image update is required');
  const targets = await resolveTargets(ctx, resources, selection(ctx, flags), 'set image');
  return patchEach(ctx, targets, 'image', flags, (_obj, spec) => {
    const edits: Record<string, Container[]> = {};
    for (const [containerName, image] of Object.entries(images)) {
      let found = false;
      for (const field of ['initContainers', 'containers'] as const) {
        for (const c of spec[field] ?? []) {
          if (containerName !== '*' && c.name !== containerName) continue;
          found = true;
          if (c.image !== image) (edits[field] ??= []).push({ image, name: c.name });
        }
      }
      if (!found) throw new UsageError(`unable to find container named ${JSON.stringify(containerName)}`);
    }
    // An unchanged object is skipped without a word, as kubectl skips an empty patch.
    return Object.keys(edits).length ? edits : undefined;
  });
}

async function setEnv(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, [...COMMON, { name: 'container', short: 'c', type: 'string', default: '*' }, { name: 'list', type: 'bool' }, { name: 'env', short: 'e', type: 'stringArray' }, { name: 'overwrite', type: 'bool', default: true }], 'set env');
  const specs = [...positional.filter((a) => a.includes('=') || (/-$/.test(a) && !a.includes('/'))), ...((flags.env as string[] | undefined) ?? [])];
  const resources = positional.filter((a) => !specs.includes(a));
  const set = specs.filter((s) => s.includes('=')).map((s) => ({ name: s.slice(0, s.indexOf('=')), value: s.slice(s.indexOf('=') + 1) }));
  const remove = specs.filter((s) => !s.includes('=')).map((s) => s.slice(0, -1));
  const targets = await resolveTargets(ctx, resources, selection(ctx, flags), 'set env');
  const matches = (c: Container) => flags.container === '*' || c.name === flags.container;
  if (flags.list) {
    for (const { object } of targets) {
      for (const c of (podSpecOf(object)?.containers ?? []).filter(matches)) {
        ctx.io.out(`# ${object.kind} ${object.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) ctx.io.out(e.valueFrom ? `# ${e.name} from ${describeSource(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
      }
    }
    return 0;
  }
  return patchEach(ctx, targets, 'env', flags, (_obj, spec) => {
    const containers = (spec.containers ?? []).filter(matches);
    if (!containers.length) return undefined;
    const edited = containers
      .map((c) => {
        const current = c.env ?? [];
        const env: Array<Record<string, unknown>> = set.filter((e) => current.find((x) => x.name === e.name)?.value !== e.value);
        for (const name of remove) if (current.some((x) => x.name === name)) env.push({ $patch: 'delete', name });
        return env.length ? { env, name: c.name } : undefined;
      })
      .filter((c) => c !== undefined);
    return edited.length ? { containers: edited } : undefined;
  });
}

function describeSource(from: unknown): string {
  const f = from as { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
  if (f.configMapKeyRef) return `configmap ${f.configMapKeyRef.name}, key ${f.configMapKeyRef.key}`;
  if (f.secretKeyRef) return `secret ${f.secretKeyRef.name}, key ${f.secretKeyRef.key}`;
  if (f.fieldRef) return `field path ${f.fieldRef.fieldPath}`;
  return 'a source';
}

function quantities(value: unknown): Record<string, string> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(String(value).split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

async function setResources(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, [...COMMON, { name: 'containers', short: 'c', type: 'string', default: '*' }, { name: 'limits', type: 'string' }, { name: 'requests', type: 'string' }], 'set resources');
  const limits = quantities(flags.limits);
  const requests = quantities(flags.requests);
  if (!limits && !requests) throw new UsageError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const targets = await resolveTargets(ctx, positional, selection(ctx, flags), 'set resources');
  return patchEach(ctx, targets, 'resource requirements', flags, (_obj, spec) => {
    const containers = (spec.containers ?? []).filter((c) => flags.containers === '*' || c.name === flags.containers);
    if (!containers.length) throw new UsageError(`unable to find container named ${flags.containers}`);
    return { containers: containers.map((c) => ({ name: c.name, resources: { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) } })) };
  });
}

/**
 * set serviceaccount (alias sa): the last argument is the account; every target is patched with
 * its pod spec's serviceAccountName even when unchanged, as kubectl does not skip that patch.
 * Errors (an object without a pod template, a refused patch) are collected and reported at the
 * end, with kubectl's wording, after the other objects were done.
 */
async function setServiceAccount(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, COMMON, 'set serviceaccount');
  if (!positional.length) throw new UsageError('serviceaccount is required');
  const account = positional[positional.length - 1];
  const dryRun = parseDryRun(flags['dry-run'], ctx);
  const targets = await resolveTargets(ctx, positional.slice(0, -1), selection(ctx, flags), 'set serviceaccount');
  const errors: string[] = [];
  for (const { type, object } of targets) {
    if (!podSpecPath(object.kind)) {
      errors.push(`${type.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: *${type.version}.${object.kind}`);
      continue;
    }
    const patch = nest(object.kind, { serviceAccountName: account });
    try {
      const result = dryRun === 'client'
        ? applyStrategicMergePatch(object, patch)
        : await ctx.host.api.patch(refOf(type, object.metadata.namespace, object.metadata.name), 'strategic', patch, { fieldManager: String(flags['field-manager']), actor: 'kubectl', dryRun: dryRun === 'server' });
      reportWrite(ctx, result, 'serviceaccount updated', String(flags.output), dryRun, true);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      errors.push(`failed to patch ServiceAccountName ${e.status.message}`);
    }
  }
  // checkErr adds a newline only to a message that does not end with one already.
  if (errors.length) throw new UsageError(errors.join('\nerror: ').replace(/\n$/, ''));
  return 0;
}

const SUBCOMMANDS: Record<string, (ctx: KubectlContext, args: string[]) => Promise<number>> = { image: setImage, env: setEnv, resources: setResources, serviceaccount: setServiceAccount, sa: setServiceAccount };

export async function setCommand(ctx: KubectlContext, args: string[]): Promise<number> {
  const i = args.findIndex((a) => !a.startsWith('-'));
  const sub = i >= 0 ? SUBCOMMANDS[args[i]] : undefined;
  if (!sub) {
    if (i >= 0) throw new UsageError(`unknown command "${args[i]}" for "kubectl set"`, "Run 'kubectl set --help' for usage.");
    ctx.io.out('Configure application resources.\n\n These commands help you make changes to existing application resources.\n');
    return 0;
  }
  return sub(ctx, args.filter((_, j) => j !== i));
}
