// kubectl describe: TYPE, TYPE NAME…, TYPE/NAME, -l, -A, --show-events; a single NAME that is
// not found describes every object whose name starts with it (DescribeMatchingResources).
import { isStatusError } from '../../engine/api/errors.js';
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { describeObject } from '../describe/registry.js';
import { formatError } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { refOf } from '../resource-types.js';
import { parseTargets } from './get.js';
import { typeOf } from './write-helpers.js';

const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

interface Found {
  type: ResourceType;
  obj: KubeObject;
}

export async function describe(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, DESCRIBE_FLAGS, 'describe');
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!positional.length && !files.length) throw new UsageError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const allNs = Boolean(flags['all-namespaces']);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const settings = { api: ctx.host.api, now: ctx.host.clock.now(), showEvents: flags['show-events'] !== false };
  const found: Found[] = [];
  const errors: unknown[] = [];
  // -f: the objects the files name, fetched from the server (the file's own content is not described).
  const fromFiles = files.length ? readManifests(ctx, files).map(({ object }) => ({ type: typeOf(object), name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? namespace })) : [];
  for (const f of fromFiles) {
    try {
      found.push({ type: f.type, obj: await ctx.host.api.get(refOf(f.type, f.type.namespaced ? f.namespace : undefined, f.name)) });
    } catch (e) {
      if (!isStatusError(e)) throw e;
      errors.push(e);
    }
  }
  const requests = positional.length ? parseTargets(positional) : [];
  for (const req of requests) {
    const ns = req.type.namespaced ? namespace : undefined;
    if (!req.names.length) {
      const list = await ctx.host.api.list(refOf(req.type, allNs || !req.type.namespaced ? undefined : namespace), { labelSelector: flags.selector as string | undefined });
      found.push(...list.items.map((obj) => ({ type: req.type, obj })));
      continue;
    }
    for (const name of req.names) {
      try {
        found.push({ type: req.type, obj: await ctx.host.api.get(refOf(req.type, ns, name)) });
      } catch (e) {
        if (!isStatusError(e)) throw e;
        errors.push(e);
      }
    }
  }
  const notFound = errors.find((e) => isStatusError(e) && e.code === 404);
  if (notFound && positional.length === 2) return describeMatching(ctx, requests[0].type, namespace, positional[1], notFound, settings);

  const texts: string[] = [];
  for (const f of found) texts.push(await describeObject(settings, f.type, f.obj));
  ctx.io.out(texts.join('\n\n'));
  if (!found.length && !errors.length) ctx.io.err(allNs ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  for (const e of errors) ctx.io.err(formatError(e));
  return errors.length ? 1 : 0;
}

/** `describe pods web`: every pod of the namespace whose name starts with `web`, each followed by a newline. */
async function describeMatching(ctx: KubectlContext, type: ResourceType, namespace: string, prefix: string, original: unknown, settings: Parameters<typeof describeObject>[0]): Promise<number> {
  const list = await ctx.host.api.list(refOf(type, type.namespaced ? namespace : undefined));
  const matching = list.items.filter((o) => (o.metadata.name ?? '').startsWith(prefix));
  if (!matching.length) {
    ctx.io.err(formatError(original));
    return 1;
  }
  for (const obj of matching) ctx.io.out(`${await describeObject(settings, type, obj)}\n`);
  return 0;
}
