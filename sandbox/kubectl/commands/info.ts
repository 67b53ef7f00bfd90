// What kubectl says about the cluster itself: `version`, `api-versions`, `cluster-info`.
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { toYaml } from '../printers/yaml.js';
import { ConnectionRefusedError } from '../client.js';
import { SERVER_VERSION } from '../../apiserver/info.js';

const KUSTOMIZE_VERSION = 'v5.5.0';

/** The client is the same 1.32.5 build the server reports. */
const clientVersion = () => ({ ...SERVER_VERSION });

const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

export async function version(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags } = parseFlags(args, VERSION_FLAGS, 'version');
  const output = String(flags.output);
  if (output && output !== 'yaml' && output !== 'json') throw new UsageError("--output must be 'yaml' or 'json'");
  const client = clientVersion();
  const server = flags.client ? undefined : await serverVersionOr(ctx, output, client);
  // Go marshals the struct in field order: clientVersion, kustomizeVersion, serverVersion.
  const info = { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION, ...(server ? { serverVersion: server } : {}) };
  if (output === 'json') ctx.io.out(JSON.stringify(info, null, 2) + '\n');
  else if (output === 'yaml') ctx.io.out(toYaml(info) + '\n');
  else {
    ctx.io.out(`Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) ctx.io.out(`Server Version: ${server.gitVersion}\n`);
  }
  return 0;
}

/** Without a server, kubectl has printed the client's lines before it reports the refusal. */
async function serverVersionOr(ctx: KubectlContext, output: string, client: ReturnType<typeof clientVersion>) {
  try {
    return await ctx.host.api.version();
  } catch (e) {
    if (e instanceof ConnectionRefusedError && !output) ctx.io.out(`Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    throw e;
  }
}

export async function apiVersions(ctx: KubectlContext, args: string[]): Promise<number> {
  const { positional } = parseFlags(args, [], 'api-versions');
  if (positional.length) throw new UsageError(`unexpected arguments: [${positional.join(' ')}]`, "See 'kubectl api-versions -h' for help and examples");
  const groups = await ctx.host.api.discovery().catch((e: unknown) => {
    if (e instanceof ConnectionRefusedError) throw new UsageError(`couldn't get available api versions from server: ${e.requestError('Get', `${e.server}/api?timeout=32s`)}`);
    throw e;
  });
  const all = groups.flatMap((g) => g.versions.map((v) => (g.group ? `${g.group}/${v.version}` : v.version)));
  ctx.io.out(all.sort().map((v) => v + '\n').join(''));
  return 0;
}

export async function clusterInfo(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, [], 'cluster-info');
  if (positional[0] === 'dump') throw new UsageError('cluster-info dump is not available in this sandbox');
  // cluster-info looks in kube-system unless -n says otherwise.
  const namespace = String(flags.namespace ?? 'kube-system');
  const server = ctx.host.api.serverUrl.replace(/\/$/, '');
  let services;
  try {
    services = await ctx.host.api.list({ group: '', version: 'v1', resource: 'services', namespace }, { labelSelector: 'kubernetes.io/cluster-service=true' });
  } catch (e) {
    // kubectl prints its dump hint before the error it ends with.
    if (e instanceof ConnectionRefusedError) ctx.io.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    throw e;
  }
  ctx.io.out(`Kubernetes control plane is running at ${server}\n`);
  for (const svc of services.items) {
    const spec = (svc as { spec?: { ports?: Array<{ name?: string; port: number }> } }).spec ?? {};
    const ingress = (svc as { status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } }).status?.loadBalancer?.ingress ?? [];
    let link: string;
    if (ingress.length) {
      const ip = ingress[0].ip || ingress[0].hostname || '';
      link = (spec.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
    } else {
      let name = svc.metadata.name ?? '';
      const port = spec.ports?.[0];
      if (port) {
        const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
        name = joinSchemeNamePort(scheme, name, port.name ?? '');
      }
      link = `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
    }
    ctx.io.out(`${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name} is running at ${link}\n`);
  }
  ctx.io.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

/** `<scheme>:<name>:<port>`, `<name>:<port>` or `<name>`, as the proxy path names a service. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}
