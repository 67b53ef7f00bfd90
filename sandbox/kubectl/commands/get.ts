// kubectl get: tables from the server's Table conversion, -o wide|yaml|json|name, -l, -A,
// --show-labels, several types at once (`pods,svc`, `all`) and `type/name` arguments.
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { asList, printObjects } from '../printers/output.js';
import { printCustomColumns, printJsonPath, splitOutput } from '../printers/templates.js';
import { tableLines } from '../printers/table.js';
import { tabwrite } from '../printers/tabwriter.js';
import { kindPrefix, refOf, resolveType, resourcesInCategory } from '../resource-types.js';
import { orderRows, sortObjects } from './get-sort.js';
import { watchGet } from './get-watch.js';
import { listSelected } from './targets.js';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch-only', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

interface Request {
  type: ResourceType;
  names: string[];
}

/** `pods`, `pods,svc`, `all`, `pod/a svc/b`, `pods a b` → typed requests in order. */
export function parseTargets(positional: string[]): Request[] {
  if (!positional.length) throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples');
  if (positional.every((p) => p.includes('/'))) {
    const out: Request[] = [];
    for (const p of positional) {
      const [typed, name] = p.split('/');
      const type = resolveType(typed);
      const existing = out.find((r) => r.type === type);
      if (existing) existing.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const [types, ...names] = positional;
  if (names.some((n) => n.includes('/'))) throw new UsageError('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'');
  const resolved = types.split(',').flatMap((t) => (t === 'all' ? resourcesInCategory('all') : [resolveType(t)]));
  return resolved.map((type) => ({ type, names }));
}

export async function get(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, GET_FLAGS, 'get');
  const output = String(flags.output ?? '');
  const [format, template] = splitOutput(output);
  if (!['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns'].includes(format)) throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
  if (!positional.length) ctx.io.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
  const requests = parseTargets(positional);
  const allNs = Boolean(flags['all-namespaces']);
  const namespace = String(flags.namespace ?? ctx.namespace);
  const several = requests.length > 1 || positional[0] === 'all' || positional.some((p) => p.includes('/') && requests.length > 1);
  const collected: Collected[] = [];
  let status = 0;
  const listOptions = { labelSelector: flags.selector as string | undefined, fieldSelector: flags['field-selector'] as string | undefined };
  if (flags.watch) {
    if (requests.length > 1) throw new UsageError(`watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`);
    const print = { wide: output === 'wide', withNamespace: allNs && requests[0].type.namespaced, showLabels: Boolean(flags['show-labels']), noHeaders: Boolean(flags['no-headers']), labelColumns: (flags['label-columns'] as string[] | undefined)?.flatMap((l) => l.split(',')) };
    return watchGet(ctx, { type: requests[0].type, names: requests[0].names, namespace: allNs ? undefined : namespace, ...listOptions, output, print, requestTimeout: flags['request-timeout'] as string | undefined });
  }
  for (const req of requests) {
    const objects: KubeObject[] = [];
    let resourceVersion = '';
    if (req.names.length) {
      for (const name of req.names) {
        try {
          const obj = await ctx.host.api.get(refOf(req.type, namespace, name));
          objects.push(obj);
          resourceVersion = obj.metadata.resourceVersion ?? '';
        } catch (e) {
          if (flags['ignore-not-found'] && (e as { code?: number }).code === 404) continue;
          ctx.io.err(formatGetError(e));
          status = 1;
        }
      }
    } else {
      const list = await listSelected(ctx, req.type, allNs ? undefined : namespace, listOptions);
      objects.push(...list.items);
      resourceVersion = list.metadata.resourceVersion;
    }
    if (flags['sort-by']) objects.splice(0, objects.length, ...sortObjects(objects, String(flags['sort-by'])));
    collected.push({ type: req.type, objects, resourceVersion, request: { names: req.names, namespace: allNs ? undefined : namespace, listOptions } });
  }
  const any = collected.some((c) => c.objects.length);
  if (!any) {
    if (status === 0 && !requests.some((r) => r.names.length)) ctx.io.err(noResourcesMessage(requests[0].type, allNs, namespace));
    return status;
  }
  if (output === 'yaml' || output === 'json') {
    const all = collected.flatMap((c) => c.objects.map((o) => withoutManagedFields({ ...o, apiVersion: o.apiVersion, kind: o.kind }, Boolean(flags['show-managed-fields']))));
    const single = requests.length === 1 && requests[0].names.length === 1;
    ctx.io.out(printObjects(all, output, single));
    return status;
  }
  if (format === 'jsonpath' || format === 'custom-columns') {
    const all = collected.flatMap((c) => c.objects);
    const single = requests.length === 1 && requests[0].names.length === 1 && all.length === 1;
    ctx.io.out(format === 'jsonpath' ? printJsonPath(template, single ? all[0] : asList(all)) : printCustomColumns(template, all));
    return status;
  }
  if (output === 'name') {
    for (const c of collected) for (const o of c.objects) ctx.io.out(`${kindPrefix(c.type)}/${o.metadata.name}\n`);
    return status;
  }
  ctx.io.out(await renderTables(ctx, collected, { wide: output === 'wide', allNs, several, flags }));
  return status;
}

async function renderTables(ctx: KubectlContext, collected: Collected[], o: { wide: boolean; allNs: boolean; several: boolean; flags: Record<string, unknown> }): Promise<string> {
  // Each type prints its own aligned table; several tables are separated by a blank line.
  const tables = await Promise.all(collected.filter((c) => c.objects.length).map(async (c) => ({ c, table: o.flags['sort-by'] ? orderRows(await tableFor(ctx, c), c.objects) : await tableFor(ctx, c) })));
  return tables
    .map(({ c, table }) => {
      return tabwrite(
        tableLines(table, {
          wide: o.wide,
          withNamespace: o.allNs && c.type.namespaced,
          showLabels: Boolean(o.flags['show-labels']),
          noHeaders: Boolean(o.flags['no-headers']),
          kindPrefix: o.several || o.flags['show-kind'] ? kindPrefix(c.type) : undefined,
          labelColumns: (o.flags['label-columns'] as string[] | undefined)?.flatMap((l) => l.split(',')),
        })
          .map((l) => l + '\n')
          .join(''),
      );
    })
    .join('\n');
}

interface Collected {
  type: ResourceType;
  objects: KubeObject[];
  resourceVersion: string;
  request: { names: string[]; namespace?: string; listOptions?: { labelSelector?: string; fieldSelector?: string } };
}

/** The server's Table for what was fetched: the same list, or each named object in turn. */
async function tableFor(ctx: KubectlContext, c: Collected) {
  if (!c.request.names.length) return ctx.host.api.table(refOf(c.type, c.request.namespace), c.request.listOptions);
  const parts = await Promise.all(c.objects.map((o) => ctx.host.api.table(refOf(c.type, o.metadata.namespace, o.metadata.name))));
  return { columnDefinitions: parts[0].columnDefinitions, rows: parts.flatMap((p) => p.rows) };
}

function noResourcesMessage(type: ResourceType, allNs: boolean, namespace: string): string {
  return type.namespaced && !allNs ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}

function formatGetError(e: unknown): string {
  const s = (e as { status?: { reason?: string; message?: string } }).status;
  if (s) return `Error from server (${s.reason}): ${s.message}\n`;
  throw e;
}

/** kubectl hides metadata.managedFields in -o yaml|json unless --show-managed-fields. */
function withoutManagedFields(o: KubeObject, show: boolean): KubeObject {
  if (show || !o.metadata?.managedFields) return o;
  const { managedFields, ...metadata } = o.metadata;
  void managedFields;
  return { ...o, metadata };
}
