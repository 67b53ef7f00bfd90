// kubectl api-resources: the server's preferred resources (discovery), sorted by group then
// name, printed with -o wide|name, filtered by --namespaced, --api-group, --verbs, --categories.
import { ConnectionRefusedError, type DiscoveredResource, type DiscoveryGroup } from '../client.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { tabwrite } from '../printers/tabwriter.js';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'api-group', type: 'string' },
  { name: 'verbs', type: 'stringArray' },
  { name: 'categories', type: 'stringArray' },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'no-headers', type: 'bool' },
  { name: 'cached', type: 'bool' },
];

interface Listed {
  group: string;
  groupVersion: string;
  resource: DiscoveredResource;
}

/** discovery.ServerPreferredResources: each resource once, from its group's preferred version. */
export function preferredResources(groups: DiscoveryGroup[]): Listed[] {
  const chosen = new Map<string, Listed>();
  for (const g of groups) {
    for (const v of g.versions) {
      for (const r of v.resources) {
        if (r.name.includes('/')) continue;
        const key = `${g.group}/${r.name}`;
        if (chosen.has(key) && v.version !== g.preferredVersion) continue;
        chosen.set(key, { group: g.group, groupVersion: g.group ? `${g.group}/${v.version}` : v.version, resource: r });
      }
    }
  }
  return [...chosen.values()];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function apiResources(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'api-resources');
  if (positional.length) throw new UsageError(`unexpected arguments: [${positional.join(' ')}]`, "See 'kubectl api-resources -h' for help and examples");
  const output = String(flags.output);
  if (!['', 'wide', 'name'].includes(output)) throw new UsageError(`--output ${output} is not available`);
  const sortBy = String(flags['sort-by']);
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new UsageError(`--sort-by accepts only name or kind`);
  const given = (name: string) => args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const verbs = ((flags.verbs as string[] | undefined) ?? []).flatMap((v) => v.split(','));
  const categories = ((flags.categories as string[] | undefined) ?? []).flatMap((v) => v.split(','));
  // A refused discovery still prints the (empty) table's header before the error, as kubectl does.
  const { groups, refused } = await discoveryOrRefusal(ctx);
  const listed = preferredResources(groups).filter(({ group, resource: r }) => {
    if (!r.verbs.length) return false;
    if (given('api-group') && flags['api-group'] !== group) return false;
    if (given('namespaced') && flags.namespaced !== r.namespaced) return false;
    if (verbs.length && !verbs.every((v) => r.verbs.includes(v))) return false;
    return !categories.length || categories.every((c) => (r.categories ?? []).includes(c));
  });
  const key = (l: Listed) => (sortBy === 'name' ? l.resource.name : sortBy === 'kind' ? l.resource.kind : l.group);
  listed.sort((a, b) => compare(key(a), key(b)) || compare(a.resource.name, b.resource.name));
  const lines: string[] = [];
  if (!flags['no-headers'] && output !== 'name') lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  for (const { group, groupVersion, resource: r } of listed) {
    if (output === 'name') {
      lines.push(group ? `${r.name}.${group}` : r.name);
      continue;
    }
    const cells = [r.name, (r.shortNames ?? []).join(','), groupVersion, String(r.namespaced), r.kind];
    if (output === 'wide') cells.push([...new Set(r.verbs)].sort().join(','), (r.categories ?? []).join(','));
    lines.push(cells.join('\t'));
  }
  ctx.io.out(tabwrite(lines.map((l) => l + '\n').join('')));
  if (refused) throw refused;
  return 0;
}

async function discoveryOrRefusal(ctx: KubectlContext): Promise<{ groups: DiscoveryGroup[]; refused?: ConnectionRefusedError }> {
  try {
    return { groups: await ctx.host.api.discovery() };
  } catch (e) {
    if (e instanceof ConnectionRefusedError) return { groups: [], refused: e };
    throw e;
  }
}
