// Tab completion: command names first, then kubectl subcommands, resource types and object
// names, then file paths. Returns what to insert (the common prefix) or the candidates to list.
import type { ApiClient } from '../engine/api/types.js';
import { RESOURCES } from '../engine/api/resources.js';
import type { Shell } from './interpreter.js';

export interface Completion {
  insert: string;
  candidates: string[];
}

const KUBECTL_VERBS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];
const VERBS_TAKING_TYPES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'rollout', 'expose']);

export async function complete(before: string, ctx: { shell: Shell; api: ApiClient }): Promise<Completion> {
  const words = before.split(/\s+/);
  const current = words[words.length - 1];
  const previous = words.slice(0, -1).filter(Boolean);
  const command = previous[0] ? (ctx.shell.aliases.get(previous[0]) ?? previous[0]) : undefined;
  let candidates: string[];
  if (!command) candidates = [...ctx.shell.host.commands.keys(), ...ctx.shell.aliases.keys(), ...ctx.shell.functions.keys()];
  else if (command === 'kubectl' || command.startsWith('kubectl ')) candidates = kubectlCandidates(previous.slice(1), ctx.api);
  else if (command === 'ssh' && previous.length === 1) candidates = nodeCandidates(current, ctx.api);
  else candidates = [];
  if (!candidates.length || current.includes('/')) candidates = candidates.concat(pathCandidates(current, ctx.shell));
  const matching = [...new Set(candidates.filter((c) => c.startsWith(current)))].sort();
  if (!matching.length) return { insert: '', candidates: [] };
  const prefix = commonPrefix(matching);
  const insert = prefix.slice(current.length) + (matching.length === 1 && !matching[0].endsWith('/') ? ' ' : '');
  return { insert, candidates: insert ? [] : matching };
}

function kubectlCandidates(args: string[], api: ApiClient): string[] {
  const positional = args.filter((a) => !a.startsWith('-'));
  if (positional.length === 0) return KUBECTL_VERBS;
  if (!VERBS_TAKING_TYPES.has(positional[0])) return [];
  if (positional.length === 1) return RESOURCES.filter((r) => r.verbs.includes('list')).flatMap((r) => [r.resource, ...r.shortNames]);
  const type = RESOURCES.find((r) => r.resource === positional[1] || r.singular === positional[1] || r.shortNames.includes(positional[1]));
  if (!type) return [];
  const nsFlag = args.findIndex((a) => a === '-n' || a === '--namespace');
  const namespace = type.namespaced ? (nsFlag >= 0 ? args[nsFlag + 1] : 'default') : undefined;
  try {
    return api.list({ group: type.group, version: type.version, resource: type.resource, namespace }).items.map((o) => o.metadata.name!);
  } catch {
    return [];
  }
}

/** ssh's hosts: the cluster's nodes (user@ kept as typed). */
function nodeCandidates(current: string, api: ApiClient): string[] {
  const user = current.includes('@') ? current.slice(0, current.indexOf('@') + 1) : '';
  try {
    return api.list({ group: '', version: 'v1', resource: 'nodes' }).items.map((n) => user + n.metadata.name!);
  } catch {
    return [];
  }
}

function pathCandidates(current: string, shell: Shell): string[] {
  const slash = current.lastIndexOf('/');
  const dir = slash < 0 ? '.' : current.slice(0, slash + 1) || '/';
  try {
    return shell.fs.readdir(dir).map((name) => {
      const full = (slash < 0 ? '' : current.slice(0, slash + 1)) + name;
      return shell.fs.stat(full).type === 'dir' ? full + '/' : full;
    });
  } catch {
    return [];
  }
}

function commonPrefix(items: string[]): string {
  let prefix = items[0];
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
