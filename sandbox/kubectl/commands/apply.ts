// kubectl apply (client-side): create what is missing with the last-applied-configuration
// annotation; otherwise send a three-way patch computed from the last applied manifest, the
// new one and the live object. `--server-side` sends the manifest as an apply patch.
import type { KubeObject } from '../../engine/objects.js';
import { formatError, withSource } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { ConnectionRefusedError } from '../client.js';
import { refusedValidation } from '../refused.js';
import { sortKeysDeep } from '../printers/output.js';
import { refOf } from '../resource-types.js';
import { parseDryRun, reportWrite, typeOf } from './write-helpers.js';
import { threeWayPatch } from './three-way.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
];

/** The annotation value kubectl stores: the manifest (with its namespace) as compact JSON. */
export function lastAppliedOf(manifest: KubeObject, namespace: string | undefined): string {
  const copy = JSON.parse(JSON.stringify(manifest)) as KubeObject;
  copy.metadata = { ...copy.metadata, annotations: { ...(copy.metadata.annotations ?? {}) } };
  delete copy.metadata.annotations![LAST_APPLIED];
  if (namespace) copy.metadata.namespace = namespace;
  return JSON.stringify(sortKeysDeep(copy)) + '\n';
}

export async function apply(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'apply');
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!files.length) throw new UsageError('must specify one of -f and -k', "See 'kubectl apply -h' for help and examples");
  if (positional.length) throw new UsageError(`Unexpected args: [${positional.join(' ')}]`, "See 'kubectl apply -h' for help and examples");
  const dryRun = parseDryRun(flags['dry-run']);
  let status = 0;
  for (const { object, source } of readManifests(ctx, files)) {
    try {
      const { result, verb } = flags['server-side'] ? await applyServerSide(ctx, object, flags) : await applyClientSide(ctx, object, dryRun === 'server');
      reportWrite(ctx, result, verb, String(flags.output), dryRun);
    } catch (e) {
      // kubectl validates against the server's OpenAPI first; a refused download stops it all.
      if (e instanceof ConnectionRefusedError) throw refusedValidation(e, source ?? '');
      ctx.io.err(formatError(withSource(flags['server-side'] ? 'patching' : 'applying', source, e)));
      status = 1;
    }
  }
  return status;
}

async function applyClientSide(ctx: KubectlContext, manifest: KubeObject, dryRun: boolean): Promise<{ result: KubeObject; verb: string }> {
  const type = typeOf(manifest);
  const namespace = type.namespaced ? (manifest.metadata?.namespace ?? ctx.namespace) : undefined;
  const name = manifest.metadata?.name;
  if (!name) throw new UsageError('error when retrieving current configuration: resource name may not be empty');
  const ref = refOf(type, namespace, name);
  const annotated = withAnnotation(manifest, lastAppliedOf(manifest, namespace));
  if (namespace) annotated.metadata.namespace = namespace;
  let live: KubeObject | undefined;
  try {
    live = await ctx.host.api.get(ref);
  } catch (e) {
    if ((e as { code?: number }).code !== 404) throw e;
  }
  if (!live) {
    const created = await ctx.host.api.create(refOf(type, namespace), annotated, { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict', dryRun, actor: 'kubectl' });
    return { result: created, verb: 'created' };
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  const original = previous ? (JSON.parse(previous) as KubeObject) : undefined;
  const patch = threeWayPatch(original, annotated, live);
  if (!Object.keys(patch).length) return { result: live, verb: 'unchanged' };
  const patched = await ctx.host.api.patch(ref, 'strategic', patch, { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict', dryRun, actor: 'kubectl' });
  return { result: patched, verb: 'configured' };
}

async function applyServerSide(ctx: KubectlContext, manifest: KubeObject, flags: Record<string, unknown>): Promise<{ result: KubeObject; verb: string }> {
  const type = typeOf(manifest);
  const namespace = type.namespaced ? (manifest.metadata?.namespace ?? ctx.namespace) : undefined;
  const ref = refOf(type, namespace, manifest.metadata?.name);
  const result = await ctx.host.api.patch(ref, 'apply', manifest, {
    fieldManager: String(flags['field-manager'] ?? 'kubectl'),
    force: Boolean(flags['force-conflicts']),
    fieldValidation: 'Strict',
    actor: 'kubectl',
  });
  return { result, verb: 'serverside-applied' };
}

function withAnnotation(obj: KubeObject, value: string): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  copy.metadata = copy.metadata ?? {};
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  return copy;
}
