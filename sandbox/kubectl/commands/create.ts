// kubectl create: from files (-f), and the generators learners use to write manifests
// (`create deployment … --dry-run=client -o yaml`). Generated objects are exactly what the
// real kubectl builds, down to `creationTimestamp: null` and `status: {}`.
import type { KubeObject } from '../../engine/objects.js';
import { formatError, withSource } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { refOf } from '../resource-types.js';
import { parseDryRun, reportWrite, typeOf } from './write-helpers.js';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

/** The container name kubectl derives from an image: `nginx:1.27` → `nginx`, `registry.k8s.io/pause` → `pause`. */
export function containerNameFromImage(image: string): string {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.split('/').pop()!;
  return last.split(':')[0].toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function deploymentFrom(name: string, flags: Record<string, unknown>, namespace: string | undefined): KubeObject {
  const images = (flags.image as string[] | undefined) ?? [];
  if (!images.length) throw new UsageError('required flag(s) "image" not set');
  const labels = { app: name };
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameFromImage(image), image, resources: {} };
    if (flags.port !== undefined) c.ports = [{ containerPort: flags.port }];
    return c;
  });
  if (images.length === 1 && flags.command) Object.assign(containers[0], { command: flags.command });
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (namespace) metadata.namespace = namespace;
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      replicas: flags.replicas ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as KubeObject;
}

interface Generator {
  flags: FlagSpec[];
  build(name: string, flags: Record<string, unknown>, ns: string | undefined): KubeObject;
  namespaced: boolean;
  /** The noun in `failed to create <noun>: …`, for generators that wrap API errors. */
  wrapErrors?: string;
}

const GENERATORS: Record<string, Generator> = {
  deployment: {
    flags: [{ name: 'image', type: 'stringArray' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }],
    build: deploymentFrom,
    namespaced: true,
    wrapErrors: 'deployment',
  },
  namespace: {
    flags: [],
    build: (name) => ({ kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} }) as unknown as KubeObject,
    namespaced: false,
  },
};
GENERATORS.deploy = GENERATORS.deployment;
GENERATORS.ns = GENERATORS.namespace;

export async function create(ctx: KubectlContext, args: string[]): Promise<number> {
  const sub = args.find((a) => !a.startsWith('-'));
  const generator = sub && GENERATORS[sub];
  if (!generator) return createFromFiles(ctx, args);
  const rest = args.filter((a, i) => i !== args.indexOf(sub!));
  const { flags, positional, dashArgs } = parseFlags(rest, [...COMMON, ...generator.flags], `create ${sub}`);
  if (dashArgs.length) flags.command = dashArgs;
  const name = positional[0];
  if (!name) throw new UsageError('NAME is required', `See 'kubectl create ${sub} -h' for help and examples`);
  const dryRun = parseDryRun(flags['dry-run']);
  const explicitNs = flags.namespace !== undefined ? String(flags.namespace) : undefined;
  const obj = generator.build(name, flags, generator.namespaced ? explicitNs : undefined);
  if (dryRun === 'client') {
    reportWrite(ctx, obj, 'created', String(flags.output), dryRun);
    return 0;
  }
  const namespace = explicitNs ?? ctx.namespace;
  let created;
  try {
    created = await ctx.host.api.create(refOf(typeOf(obj), namespace), obj, { fieldManager: String(flags['field-manager']), dryRun: dryRun === 'server', actor: 'kubectl' });
  } catch (e) {
    // Most generators wrap the API error (create_deployment.go: "failed to create deployment: %v").
    if (generator.wrapErrors) throw new UsageError(`failed to create ${generator.wrapErrors}: ${(e as Error).message}`);
    throw e;
  }
  reportWrite(ctx, created, 'created', String(flags.output), dryRun);
  return 0;
}

async function createFromFiles(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, COMMON, 'create');
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!files.length) {
    if (positional.length) throw new UsageError(`Unexpected args: [${positional.join(' ')}]`, "See 'kubectl create -h' for help and examples");
    throw new UsageError('must specify one of -f and -k', "See 'kubectl create -h' for help and examples");
  }
  const dryRun = parseDryRun(flags['dry-run']);
  let status = 0;
  for (const { object, source } of readManifests(ctx, files)) {
    try {
      const type = typeOf(object);
      const namespace = object.metadata?.namespace ?? ctx.namespace;
      const result = dryRun === 'client' ? object : await ctx.host.api.create(refOf(type, namespace), object, { fieldManager: 'kubectl-create', fieldValidation: 'Strict', dryRun: dryRun === 'server', actor: 'kubectl' });
      reportWrite(ctx, result, 'created', String(flags.output), dryRun);
    } catch (e) {
      // Like kubectl, report each failing object and go on with the rest.
      ctx.io.err(formatError(withSource('creating', source, e)));
      status = 1;
    }
  }
  return status;
}
