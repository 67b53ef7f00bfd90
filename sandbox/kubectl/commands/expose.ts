// kubectl expose: a Service for a deployment, replica set, pod or service, its selector and
// ports taken from the object unless --selector/--port say otherwise (kubectl's expose
// generator: one port keeps no name, several are port-1, port-2…, target port = port).
import type { KubeObject } from '../../engine/objects.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { refOf, resolveType } from '../resource-types.js';
import { resolveTargets } from './targets.js';
import { parseDryRun, reportWrite } from './write-helpers.js';

const FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'override-type', type: 'string', default: 'merge' },
  { name: 'overrides', type: 'string' },
  { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
];


interface PodSpecLike {
  containers?: Array<{ ports?: Array<{ containerPort: number; protocol?: string }> }>;
}

/** The selector the object's pods carry, as `k=v,…` (matchExpressions cannot be a map). */
function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  switch (obj.kind) {
    case 'Pod':
      if (!Object.keys(obj.metadata.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed');
      return { ...obj.metadata.labels };
    case 'Service':
      if (!spec.selector || !Object.keys(spec.selector).length) throw new Error('the service has no pod selector set');
      return { ...(spec.selector as Record<string, string>) };
    case 'ReplicationController':
      return { ...(spec.selector as Record<string, string>) };
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = (spec.selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      if (sel.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}", to map-based selector format`);
      return { ...(sel.matchLabels ?? {}) };
    }
    default:
      throw new Error(`cannot extract pod selector from ${obj.kind}`);
  }
}

function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = (obj as { spec?: { template?: { spec?: PodSpecLike } } & PodSpecLike }).spec;
  return obj.kind === 'Pod' ? spec : spec?.template?.spec;
}

/** The ports to expose and their protocols, from the containers or the service. */
function portsOf(obj: KubeObject): Array<{ port: string; protocol: string }> {
  if (obj.kind === 'Service') return ((obj as { spec?: { ports?: Array<{ port: number; protocol?: string }> } }).spec?.ports ?? []).map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
  return (podSpecOf(obj)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: String(p.containerPort), protocol: p.protocol ?? 'TCP' })));
}

const parseLabels = (s: string) => Object.fromEntries(s.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

export async function expose(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'expose');
  const namespace = String(flags.namespace ?? ctx.namespace);
  const targets = await resolveTargets(ctx, positional, { namespace }, 'expose');
  const dryRun = parseDryRun(flags['dry-run']);
  for (const { object } of targets) {
    if (!['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'].includes(object.kind)) throw new UsageError(`cannot expose a ${object.kind}.${object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : ''}`);
    let selector: Record<string, string>;
    try {
      selector = flags.selector ? parseLabels(String(flags.selector)) : selectorOf(object);
    } catch (e) {
      throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
    const protocols = portsOf(object);
    const portStrings = flags.port ? String(flags.port).split(',') : protocols.map((p) => p.port);
    if (!portStrings.length && flags['cluster-ip'] !== 'None') throw new UsageError("couldn't find port via --port flag or introspection");
    const ports = portStrings.map((p, i) => {
      const port = Number(p);
      if (!/^\d+$/.test(p)) throw new UsageError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
      const protocol = flags.protocol ? String(flags.protocol) : (protocols.find((x) => x.port === p)?.protocol ?? 'TCP');
      const target = flags['target-port'] ? intOrString(String(flags['target-port'])) : port;
      return { ...(portStrings.length > 1 ? { name: `port-${i + 1}` } : {}), port, protocol, targetPort: target };
    });
    const labels = flags.labels ? parseLabels(String(flags.labels)) : object.metadata.labels;
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null, ...(labels && Object.keys(labels).length ? { labels } : {}), name: String(flags.name ?? object.metadata.name) },
      spec: {
        ports,
        selector,
        ...(flags['cluster-ip'] ? { clusterIP: String(flags['cluster-ip']) } : {}),
        ...(flags['external-ip'] ? { externalIPs: String(flags['external-ip']).split(',') } : {}),
        ...(flags.type ? { type: String(flags.type) } : {}),
        ...(flags['session-affinity'] ? { sessionAffinity: String(flags['session-affinity']) } : {}),
      },
      status: { loadBalancer: {} },
    } as unknown as KubeObject;
    if (dryRun === 'client') {
      reportWrite(ctx, service, 'exposed', String(flags.output), dryRun, true);
      continue;
    }
    const created = await ctx.host.api.create(refOf(resolveType('services'), namespace), service, { fieldManager: String(flags['field-manager']), dryRun: dryRun === 'server', actor: 'kubectl' });
    reportWrite(ctx, created, 'exposed', String(flags.output), dryRun, true);
  }
  return 0;
}

const intOrString = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);
