// kubectl run: one pod, labelled run=<name>, exactly as the real generator builds it.
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { applyOverrides } from './overrides.js';
import { refOf, resolveType } from '../resource-types.js';
import { parseDryRun, reportWrite } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'command', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'overrides', type: 'string', default: '' },
  { name: 'override-type', type: 'string', default: 'merge' },
];

export async function run(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional, dashArgs } = parseFlags(args, FLAGS, 'run');
  const name = positional[0];
  if (!name) throw new UsageError('NAME is required for run', "See 'kubectl run -h' for help and examples");
  if (!flags.image) throw new UsageError('required flag(s) "image" not set');
  const labels = flags.labels ? Object.fromEntries(String(flags.labels).split(',').map((kv) => kv.split('='))) : { run: name };
  const container: Record<string, unknown> = { name, image: flags.image, resources: {} };
  if (dashArgs.length) container[flags.command ? 'command' : 'args'] = dashArgs;
  if (flags.port) container.ports = [{ containerPort: Number(flags.port) }];
  if (flags.env) container.env = (flags.env as string[]).map((kv) => ({ name: kv.split('=')[0], value: kv.slice(kv.indexOf('=') + 1) }));
  if (flags['image-pull-policy']) container.imagePullPolicy = flags['image-pull-policy'];
  const generated = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels, name, ...(flags.namespace ? { namespace: flags.namespace } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: flags.restart },
    status: {},
  } as unknown as KubeObject;
  const pod = applyOverrides(generated, String(flags.overrides), String(flags['override-type']));
  const dryRun = parseDryRun(flags['dry-run']);
  if (dryRun === 'client') {
    reportWrite(ctx, pod, 'created', String(flags.output), dryRun, true);
    return 0;
  }
  const created = await ctx.host.api.create(refOf(resolveType('pods'), String(flags.namespace ?? ctx.namespace)), pod, { fieldManager: 'kubectl-run', dryRun: dryRun === 'server', actor: 'kubectl' });
  reportWrite(ctx, created, 'created', String(flags.output), dryRun, true);
  return 0;
}
