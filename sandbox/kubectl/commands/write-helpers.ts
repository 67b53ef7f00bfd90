// Shared by the commands that create objects: --dry-run, -o printing of the result, and the
// `deployment.apps/web created` line.
import { findResourceByKind } from '../../engine/api/resources.js';
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { UsageError, type KubectlContext } from '../host.js';
import { printObjects } from '../printers/output.js';
import { kindPrefix } from '../resource-types.js';
import { KlogWriter } from '../verbose.js';
import { goOrdered } from './create/go-order.js';

export type DryRun = 'none' | 'client' | 'server';

export function parseDryRun(value: unknown, ctx?: KubectlContext): DryRun {
  if (value === undefined || value === false || value === 'none' || value === '') return 'none';
  if (value === 'unchanged') {
    // A bare --dry-run (pflag's NoOptDefVal) still means client, with kubectl's warning.
    if (ctx) new KlogWriter(ctx.host.clock, (s) => ctx.io.err(s), 'W').info('helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
    return 'client';
  }
  if (value === true || value === 'client') return 'client';
  if (value === 'server') return 'server';
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

export function typeOf(obj: KubeObject): ResourceType {
  const type = findResourceByKind(obj.apiVersion, obj.kind);
  if (!type) throw new UsageError(`resource mapping not found for name: "${obj.metadata?.name}" namespace: "${obj.metadata?.namespace ?? ''}" from "STDIN": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
  return type;
}

/**
 * Prints a written object as -o asks, or the `type/name verb` line. `typed`: the command holds
 * a Go struct (run, expose), so JSON follows the struct field order and managedFields are hidden.
 */
export function reportWrite(ctx: KubectlContext, obj: KubeObject, verb: string, output: string, dryRun: DryRun, typed = false): void {
  if (typed && (output === 'yaml' || output === 'json')) {
    const { managedFields: _hidden, ...metadata } = (obj.metadata ?? {}) as KubeObject['metadata'] & { managedFields?: unknown };
    const shown = goOrdered({ ...obj, metadata } as KubeObject);
    ctx.io.out(output === 'json' ? JSON.stringify(shown, null, 4) + '\n' : printObjects([shown], 'yaml', true));
    return;
  }
  if (output === 'yaml' || output === 'json') {
    ctx.io.out(printObjects([obj], output, true));
    return;
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const name = `${kindPrefix(typeOf(obj))}/${obj.metadata.name}`;
  if (output === 'name') ctx.io.out(name + '\n');
  else if (output) throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  else ctx.io.out(`${name} ${verb}${suffix}\n`);
}
