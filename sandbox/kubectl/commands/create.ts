// kubectl create: from files (-f), and the generators learners use to write manifests
// (`create deployment … --dry-run=client -o yaml`). Generated objects are exactly what the
// real kubectl builds, down to `creationTimestamp: null`, `status: {}` and, for -o json, the
// Go struct field order of the typed object.
import type { KubeObject } from '../../engine/objects.js';
import { formatError, withSource } from '../errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { readManifests } from '../manifests.js';
import { printJsonPath, splitOutput } from '../printers/templates.js';
import { refOf } from '../resource-types.js';
import { ConnectionRefusedError } from '../client.js';
import { refusedCreate, refusedValidation } from '../refused.js';
import { CONFIGMAP, SECRET_DOCKER_REGISTRY, SECRET_GENERIC, SECRET_TLS } from './create/config.js';
import { meta, requireFlags, type Generator } from './create/generator.js';
import { goOrdered } from './create/go-order.js';
import { POLICY_GENERATORS } from './create/policy.js';
import { RBAC_GENERATORS } from './create/rbac.js';
import { SERVICE_GENERATORS } from './create/service.js';
import { createToken, TOKEN_FLAGS } from './create/token.js';
import { CRONJOB, DEPLOYMENT, JOB } from './create/workloads.js';
import { parseDryRun, reportWrite, typeOf, type DryRun } from './write-helpers.js';

export { containerNameFromImage } from './create/workloads.js';

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

const NAMESPACE: Generator = { flags: [], build: (i) => ({ kind: 'Namespace', apiVersion: 'v1', metadata: meta(i.name, undefined), spec: {}, status: {} }) as unknown as KubeObject };

/** Subcommands that have their own subcommands, and what they say without one. */
const GROUPS: Record<string, Record<string, Generator>> = {
  secret: { generic: SECRET_GENERIC, tls: SECRET_TLS, 'docker-registry': SECRET_DOCKER_REGISTRY },
  service: SERVICE_GENERATORS,
};

const GENERATORS: Record<string, Generator> = {
  configmap: CONFIGMAP,
  deployment: DEPLOYMENT,
  job: JOB,
  cronjob: CRONJOB,
  namespace: NAMESPACE,
  ...RBAC_GENERATORS,
  ...POLICY_GENERATORS,
};

const ALIASES: Record<string, string> = { cm: 'configmap', deploy: 'deployment', cj: 'cronjob', ns: 'namespace', sa: 'serviceaccount', pdb: 'poddisruptionbudget', pc: 'priorityclass', resourcequota: 'quota', ing: 'ingress', svc: 'service' };

export async function create(ctx: KubectlContext, args: string[]): Promise<number> {
  const subIndex = args.findIndex((a) => !a.startsWith('-'));
  if (subIndex < 0) return createFromFiles(ctx, args);
  const sub = ALIASES[args[subIndex]] ?? args[subIndex];
  let rest = args.filter((_, i) => i !== subIndex);
  let command = sub;
  let generator = GENERATORS[sub];
  const group = GROUPS[sub];
  if (group) {
    const kindIndex = rest.findIndex((a) => !a.startsWith('-'));
    if (kindIndex < 0) throw new UsageError(`must specify a ${sub} type`);
    generator = group[rest[kindIndex]];
    if (!generator) throw new UsageError(`unknown command "${rest.filter((a) => !a.startsWith('-')).join(' ')}"`, `See 'kubectl create ${sub} -h' for help and examples`);
    command = `${sub} ${rest[kindIndex]}`;
    rest = rest.filter((_, i) => i !== kindIndex);
  }
  if (sub === 'token') return runToken(ctx, rest);
  if (!generator) return createFromFiles(ctx, args);
  return runGenerator(ctx, command, generator, rest);
}

async function runToken(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, TOKEN_FLAGS, 'create token');
  if (positional.length !== 1) throw new UsageError(`exactly one NAME is required, got ${positional.length}`, "See 'kubectl create token -h' for help and examples");
  const namespaced = flags.namespace !== undefined ? { ...ctx, namespace: String(flags.namespace) } : ctx;
  return createToken(namespaced, positional[0], flags);
}

async function runGenerator(ctx: KubectlContext, command: string, generator: Generator, args: string[]): Promise<number> {
  const { flags, positional, dashArgs } = parseFlags(args, [...COMMON, ...generator.flags], `create ${command}`);
  requireFlags(flags, generator.required);
  if (positional.length !== 1) throw new UsageError(`exactly one NAME is required, got ${positional.length}`, `See 'kubectl create ${command} -h' for help and examples`);
  const dryRun = parseDryRun(flags['dry-run'], ctx);
  const explicitNamespace = flags.namespace !== undefined ? String(flags.namespace) : undefined;
  const namespace = explicitNamespace ?? ctx.namespace;
  const output = String(flags.output);
  // kubectl builds its printer before anything is sent: a bad -o writes nothing.
  checkOutput(output);
  const obj = await generator.build({ ctx, name: positional[0], flags, explicitNamespace, namespace, command: dashArgs });
  if (dryRun === 'client') return printTyped(ctx, obj, output, dryRun);
  let created: KubeObject;
  try {
    created = await ctx.host.api.create(refOf(typeOf(obj), namespace), obj, { fieldManager: String(flags['field-manager']), fieldValidation: 'Strict', dryRun: dryRun === 'server', actor: 'kubectl' });
  } catch (e) {
    // Some generators wrap the API error (create_deployment.go: "failed to create deployment: %v").
    if (generator.wrapErrors && e instanceof ConnectionRefusedError) throw refusedCreate(e, generator.wrapErrors, refOf(typeOf(obj), namespace), String(flags['field-manager']));
    if (generator.wrapErrors) throw new UsageError(`${generator.wrapErrors}${(e as Error).message}`);
    throw e;
  }
  return printTyped(ctx, goOrdered(flags['show-managed-fields'] ? created : withoutManagedFields(created)), output, dryRun);
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _hidden, ...metadata } = obj.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { ...obj, metadata } as KubeObject;
}

const GENERATOR_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

function checkOutput(output: string): void {
  if (!['', 'yaml', 'name', 'json', 'jsonpath'].includes(splitOutput(output)[0])) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${GENERATOR_FORMATS}`);
  }
}

/** The generators print typed objects: JSON keeps the Go field order (YAML sorts anyway). */
function printTyped(ctx: KubectlContext, obj: KubeObject, output: string, dryRun: DryRun): number {
  const [format, template] = splitOutput(output);
  if (format === 'json') ctx.io.out(JSON.stringify(obj, null, 4) + '\n');
  else if (format === 'jsonpath') ctx.io.out(printJsonPath(template, obj));
  else if (['', 'yaml', 'name'].includes(format)) reportWrite(ctx, obj, 'created', output, dryRun);
  else throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${GENERATOR_FORMATS}`);
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
      if (e instanceof ConnectionRefusedError) throw refusedValidation(e, source ?? '');
      // Like kubectl, report each failing object and go on with the rest.
      ctx.io.err(formatError(withSource('creating', source, e)));
      status = 1;
    }
  }
  return status;
}
