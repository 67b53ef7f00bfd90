// kubectl config: the kubeconfig's contexts, clusters and users, with the real messages
// (`Switched to context "x".`, `Context "x" modified.`) and `view`'s redaction.
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { loadKubeconfig, serializeKubeconfig, type Kubeconfig } from '../kubeconfig.js';
import { tabwrite } from '../printers/tabwriter.js';
import { printJsonPath, splitOutput } from '../printers/templates.js';
import { toYaml } from '../printers/yaml.js';
import { configJson, redacted } from './config-view.js';

type Sub = (ctx: KubectlContext, args: string[]) => Promise<number> | number;

const STRING = (name: string, short?: string): FlagSpec => ({ name, short, type: 'string' });
const BOOL = (name: string): FlagSpec => ({ name, type: 'bool' });

function load(ctx: KubectlContext): Kubeconfig {
  return loadKubeconfig(ctx.kubeconfig);
}
function save(ctx: KubectlContext, config: Kubeconfig): void {
  ctx.kubeconfig?.write(serializeKubeconfig(config));
}
const path = (ctx: KubectlContext) => ctx.kubeconfig?.path ?? '';

const view: Sub = (ctx, args) => {
  const { flags } = parseFlags(args, [STRING('output', 'o'), BOOL('minify'), BOOL('raw'), BOOL('flatten'), BOOL('merge')], 'config view');
  let config = load(ctx);
  if (flags.minify) config = minify(config);
  const shown = flags.raw ? config : redacted(config);
  const [format, template] = splitOutput(String(flags.output ?? 'yaml') || 'yaml');
  if (format === 'json') ctx.io.out(JSON.stringify(configJson(shown), null, 4) + '\n');
  else if (format === 'jsonpath') ctx.io.out(printJsonPath(template, configJson(shown)));
  else if (format === 'yaml') ctx.io.out(toYaml(configJson(shown)));
  else throw new UsageError(`unable to match a printer suitable for the output format "${flags.output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,yaml`);
  return 0;
};

function minify(config: Kubeconfig): Kubeconfig {
  const name = config['current-context'];
  if (!name) throw new UsageError('current-context must exist in order to minify');
  const context = config.contexts.find((c) => c.name === name);
  if (!context) throw new UsageError(`cannot locate context ${name}`);
  return {
    ...config,
    contexts: [context],
    clusters: config.clusters.filter((c) => c.name === context.context.cluster),
    users: config.users.filter((u) => u.name === context.context.user),
  };
}

const getContexts: Sub = (ctx, args) => {
  const { flags, positional } = parseFlags(args, [STRING('output', 'o'), BOOL('no-headers')], 'config get-contexts');
  const output = String(flags.output ?? '');
  if (output && output !== 'name') throw new UsageError(`output must be one of '' or 'name': ${output}`);
  const config = load(ctx);
  const wanted = positional.length ? positional : config.contexts.map((c) => c.name).sort();
  const lines: string[] = [];
  if (output !== 'name' && !flags['no-headers']) lines.push('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE');
  const missing: string[] = [];
  for (const name of wanted) {
    const c = config.contexts.find((x) => x.name === name);
    if (!c) {
      missing.push(name);
      continue;
    }
    if (output === 'name') lines.push(name);
    else lines.push([config['current-context'] === name ? '*' : '', name, c.context.cluster ?? '', c.context.user ?? '', c.context.namespace ?? ''].join('\t'));
  }
  ctx.io.out(tabwrite(lines.map((l) => l + '\n').join('')));
  if (missing.length) {
    ctx.io.err(missing.map((m) => `error: context ${m} not found\n`).join(''));
    return 1;
  }
  return 0;
};

const names = (kind: 'clusters' | 'users'): Sub => (ctx, args) => {
  parseFlags(args, [], `config get-${kind}`);
  ctx.io.out(['NAME', ...load(ctx)[kind].map((c) => c.name).sort()].map((l) => l + '\n').join(''));
  return 0;
};

const currentContext: Sub = (ctx, args) => {
  parseFlags(args, [], 'config current-context');
  const name = load(ctx)['current-context'];
  if (!name) throw new UsageError('current-context is not set');
  ctx.io.out(name + '\n');
  return 0;
};

const useContext: Sub = (ctx, args) => {
  const { positional } = parseFlags(args, [], 'config use-context');
  const name = positional[0];
  if (positional.length !== 1) throw new UsageError(`Unexpected args: [${positional.join(' ')}]`, "See 'kubectl config use-context -h' for help and examples");
  const config = load(ctx);
  if (!config.contexts.some((c) => c.name === name)) throw new UsageError(`no context exists with the name: ${JSON.stringify(name)}`);
  config['current-context'] = name;
  save(ctx, config);
  ctx.io.out(`Switched to context ${JSON.stringify(name)}.\n`);
  return 0;
};

const setContext: Sub = (ctx, args) => {
  const { flags, positional } = parseFlags(args, [BOOL('current'), STRING('namespace'), STRING('cluster'), STRING('user')], 'config set-context');
  const config = load(ctx);
  if (flags.current && positional.length) throw new UsageError('you cannot specify both a context name and --current');
  const name = flags.current ? config['current-context'] : positional[0];
  if (flags.current && !name) throw new UsageError('no current context is set');
  if (!name) throw new UsageError('you must specify a non-empty context name or --current', "See 'kubectl config set-context -h' for help and examples");
  let entry = config.contexts.find((c) => c.name === name);
  const existed = Boolean(entry);
  if (!entry) config.contexts.push((entry = { name, context: {} }));
  for (const key of ['namespace', 'cluster', 'user'] as const) if (flags[key] !== undefined) entry.context[key] = String(flags[key]);
  save(ctx, config);
  ctx.io.out(`Context ${JSON.stringify(name)} ${existed ? 'modified' : 'created'}.\n`);
  return 0;
};

const setCluster: Sub = (ctx, args) => {
  const { flags, positional } = parseFlags(args, [STRING('server'), STRING('certificate-authority'), BOOL('embed-certs'), BOOL('insecure-skip-tls-verify'), STRING('tls-server-name'), STRING('proxy-url')], 'config set-cluster');
  const name = positional[0];
  if (positional.length !== 1) throw new UsageError('Unexpected args: [' + positional.join(' ') + ']', "See 'kubectl config set-cluster -h' for help and examples");
  const config = load(ctx);
  let entry = config.clusters.find((c) => c.name === name);
  if (!entry) config.clusters.push((entry = { name, cluster: {} }));
  if (flags.server !== undefined) entry.cluster.server = String(flags.server);
  if (flags['insecure-skip-tls-verify'] !== undefined) entry.cluster['insecure-skip-tls-verify'] = Boolean(flags['insecure-skip-tls-verify']);
  if (flags['certificate-authority'] !== undefined) entry.cluster['certificate-authority'] = String(flags['certificate-authority']);
  if (flags['tls-server-name'] !== undefined) entry.cluster['tls-server-name'] = String(flags['tls-server-name']);
  save(ctx, config);
  ctx.io.out(`Cluster ${JSON.stringify(name)} set.\n`);
  return 0;
};

const setCredentials: Sub = (ctx, args) => {
  const { flags, positional } = parseFlags(args, [STRING('token'), STRING('username'), STRING('password'), STRING('client-certificate'), STRING('client-key'), BOOL('embed-certs')], 'config set-credentials');
  const name = positional[0];
  if (positional.length !== 1) throw new UsageError('Unexpected args: [' + positional.join(' ') + ']', "See 'kubectl config set-credentials -h' for help and examples");
  const config = load(ctx);
  let entry = config.users.find((u) => u.name === name);
  if (!entry) config.users.push((entry = { name, user: {} }));
  for (const key of ['token', 'username', 'password', 'client-certificate', 'client-key'] as const) if (flags[key] !== undefined) entry.user[key] = String(flags[key]);
  save(ctx, config);
  ctx.io.out(`User ${JSON.stringify(name)} set.\n`);
  return 0;
};

const deleteEntry = (kind: 'context' | 'cluster' | 'user'): Sub => (ctx, args) => {
  const { positional } = parseFlags(args, [], `config delete-${kind}`);
  const name = positional[0];
  const config = load(ctx);
  const list = kind === 'context' ? config.contexts : kind === 'cluster' ? config.clusters : config.users;
  const i = list.findIndex((e) => e.name === name);
  if (i < 0) throw new UsageError(`cannot delete ${kind} ${name}, not in ${path(ctx)}`);
  if (kind === 'context' && config['current-context'] === name) ctx.io.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
  list.splice(i, 1);
  save(ctx, config);
  ctx.io.out(`deleted ${kind} ${name} from ${path(ctx)}\n`);
  return 0;
};

const renameContext: Sub = (ctx, args) => {
  const { positional } = parseFlags(args, [], 'config rename-context');
  const [from, to] = positional;
  if (positional.length !== 2) throw new UsageError('Unexpected args: [' + positional.join(' ') + ']', "See 'kubectl config rename-context -h' for help and examples");
  const config = load(ctx);
  const entry = config.contexts.find((c) => c.name === from);
  if (!entry) throw new UsageError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${path(ctx)}`);
  if (config.contexts.some((c) => c.name === to)) throw new UsageError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${path(ctx)}`);
  entry.name = to;
  if (config['current-context'] === from) config['current-context'] = to;
  save(ctx, config);
  ctx.io.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
  return 0;
};

const SUBCOMMANDS: Record<string, Sub> = {
  view,
  'get-contexts': getContexts,
  'get-clusters': names('clusters'),
  'get-users': names('users'),
  'current-context': currentContext,
  'use-context': useContext,
  use: useContext,
  'set-context': setContext,
  'set-cluster': setCluster,
  'set-credentials': setCredentials,
  'delete-context': deleteEntry('context'),
  'delete-cluster': deleteEntry('cluster'),
  'delete-user': deleteEntry('user'),
  'rename-context': renameContext,
};

export async function config(ctx: KubectlContext, args: string[]): Promise<number> {
  const i = args.findIndex((a) => !a.startsWith('-'));
  const name = i >= 0 ? args[i] : undefined;
  const sub = name ? SUBCOMMANDS[name] : undefined;
  if (!sub) {
    if (name) throw new UsageError(`unknown command "${name}" for "kubectl config"`, "Run 'kubectl config --help' for usage.");
    ctx.io.out('Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n');
    return 0;
  }
  return sub(ctx, args.filter((_, j) => j !== i));
}
