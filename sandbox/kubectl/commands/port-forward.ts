// kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...: finds a running pod (the pod itself, or one
// behind a service or a workload's selector), prints the `Forwarding from` lines kubectl prints
// for each listener, registers the ports in the sandbox's table (port-forward-table.ts) so that
// curl to localhost reaches the pod, and blocks until Ctrl-C.
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { registerForwards, releaseForwards, type PortForward } from '../port-forward-table.js';
import { refOf, resolveType } from '../resource-types.js';

const HINT = "See 'kubectl port-forward -h' for help and examples";

interface Container {
  ports?: Array<{ name?: string; containerPort: number }>;
}
interface PodLike extends KubeObject {
  spec: { containers: Container[] };
  status?: { phase?: string };
}
interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
}

export async function portForward(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'address', type: 'stringArray' },
      { name: 'pod-running-timeout', type: 'string' },
    ],
    'port-forward',
  );
  if (positional.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward', HINT);
  const [target, ...portSpecs] = positional;
  const { pod, service } = await podFor(ctx, target);
  if (pod.status?.phase !== 'Running') throw new UsageError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Unknown'}`);
  const addresses = addressesOf((flags.address as string[] | undefined) ?? ['localhost']);
  const forwards = portSpecs.map((spec) => {
    const [local, remote] = parsePortSpec(spec, service, pod);
    const f: PortForward = { localPort: local, addresses, namespace: pod.metadata.namespace ?? ctx.namespace, pod: pod.metadata.name ?? '', podPort: remote, onConnection: () => ctx.io.out(`Handling connection for ${local}\n`) };
    return f;
  });
  if (!registerForwards(ctx.host.fs, forwards)) return portTaken(ctx, forwards);
  for (const f of forwards) for (const a of addresses) ctx.io.out(`Forwarding from ${a}:${f.localPort} -> ${f.podPort}\n`);
  await ctx.io.interrupt.wait();
  releaseForwards(ctx.host.fs, forwards);
  return 0;
}

/** `localhost` listens on both loopbacks, as kubectl does. */
function addressesOf(given: string[]): string[] {
  return given.flatMap((a) => a.split(',')).flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a.includes(':') ? `[${a}]` : a]));
}

function portTaken(ctx: KubectlContext, forwards: PortForward[]): number {
  const f = forwards[0];
  const errors = f.addresses.map((a) => `unable to create listener: Error listen tcp${a.startsWith('[') ? '6' : '4'} ${a}:${f.localPort}: bind: address already in use`);
  ctx.io.err(`Unable to listen on port ${f.localPort}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
  ctx.io.err(`error: unable to listen on any of the requested ports: [${forwards.map((x) => `{${x.localPort} ${x.podPort}}`).join(' ')}]\n`);
  return 1;
}

async function podFor(ctx: KubectlContext, target: string): Promise<{ pod: PodLike; service?: KubeObject }> {
  const slash = target.indexOf('/');
  const type = resolveType(slash < 0 ? 'pods' : target.slice(0, slash));
  const name = slash < 0 ? target : target.slice(slash + 1);
  const obj = await ctx.host.api.get(refOf(type, ctx.namespace, name));
  if (type.kind === 'Pod') return { pod: obj as PodLike };
  const selector = type.kind === 'Service' ? (obj.spec as { selector?: Record<string, string> }).selector : (obj.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels;
  if (!selector || !Object.keys(selector).length) throw new UsageError(`invalid service '${name}': Service is defined without a selector`);
  const labelSelector = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = (await ctx.host.api.list(refOf(resolveType('pods'), ctx.namespace), { labelSelector })).items as PodLike[];
  // Like kubectl's attachable-pod choice: a running pod first, then by name.
  const sorted = [...pods].sort((a, b) => Number(b.status?.phase === 'Running') - Number(a.status?.phase === 'Running') || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  if (!sorted.length) throw new UsageError(`no pods found for ${type.kind === 'Service' ? 'service' : type.resource.replace(/s$/, '')} "${name}"`);
  return { pod: sorted[0], service: type.kind === 'Service' ? obj : undefined };
}

function parsePort(text: string, what: 'local' | 'remote'): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`Error parsing ${what} port '${text}': strconv.ParseUint: parsing ${JSON.stringify(text)}: ${/^\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`);
  return Number(text);
}

/** `8080:80`, `80` (same port), `:80` (a free local port); service ports map to their targets. */
function parsePortSpec(spec: string, service: KubeObject | undefined, pod: PodLike): [number, number] {
  const [localText, remoteText] = spec.includes(':') ? spec.split(':', 2) : [spec, spec];
  let remote = remoteText;
  if (service) remote = String(serviceTarget(service, remoteText, pod));
  else if (!/^\d+$/.test(remote)) remote = String(namedPort(pod, remote));
  const remotePort = parsePort(remote, 'remote');
  const localPort = localText === '' ? 30000 + (remotePort % 10000) : parsePort(localText, 'local');
  return [localPort, remotePort];
}

function namedPort(pod: PodLike, name: string): number {
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new UsageError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

function serviceTarget(service: KubeObject, portText: string, pod: PodLike): number {
  const ports = ((service.spec as { ports?: ServicePort[] }).ports ?? []) as ServicePort[];
  const match = ports.find((p) => String(p.port) === portText || p.name === portText);
  if (!match) throw new UsageError(`Service ${service.metadata.name} does not have a service port ${portText}`);
  const target = match.targetPort ?? match.port;
  return typeof target === 'number' ? target : /^\d+$/.test(target) ? Number(target) : namedPort(pod, target);
}
