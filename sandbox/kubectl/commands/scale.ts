// kubectl scale: a merge patch of the scale subresource, as the real kubectl sends it.
import { StatusError } from '../../engine/api/errors.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { kindPrefix, refOf } from '../resource-types.js';
import { parseTargets } from './get.js';

const FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

export async function scale(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'scale');
  // cobra checks the required flag before kubectl reads its value.
  if (!args.some((a) => a === '--replicas' || a.startsWith('--replicas='))) throw new UsageError('required flag(s) "replicas" not set');
  const replicas = Number(flags.replicas);
  if (replicas < 0) throw new UsageError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', "See 'kubectl scale -h' for help and examples");
  const namespace = String(flags.namespace ?? ctx.namespace);
  for (const req of parseTargets(positional)) {
    if (!req.type.subresources.some((s) => s.name === 'scale')) throw new UsageError(`cannot scale ${req.type.resource}`);
    for (const name of req.names) {
      try {
        await ctx.host.api.patch({ ...refOf(req.type, namespace, name), subresource: 'scale' }, 'merge', { spec: { replicas } }, { actor: 'kubectl' });
      } catch (e) {
        // kubectl's resource builder finds nothing to scale before any request is made.
        if (e instanceof StatusError && e.code === 404) throw new UsageError(`no objects passed to scale ${e.message}`);
        throw e;
      }
      ctx.io.out(`${kindPrefix(req.type)}/${name} scaled\n`);
    }
  }
  return 0;
}
