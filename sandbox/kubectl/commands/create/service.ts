// create service clusterip|nodeport|loadbalancer|externalname (create_service.go): ports from
// --tcp=port[:targetPort], named `port-target`; selector app=<name>; the Service in Go field order.
import type { KubeObject } from '../../../engine/objects.js';
import { UsageError } from '../../host.js';
import { meta, sliceFlag, type Generator, type GeneratorInput } from './generator.js';

/** strconv.ParseUint's message, as kubectl returns it for a bad port. */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n > 65535) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return n;
}

function ports(specs: string[], nodePort: number | undefined): Array<Record<string, unknown>> {
  return specs.map((spec) => {
    const [portText, targetText] = spec.split(':', 2);
    const port = parsePort(portText);
    const target = targetText ?? portText;
    const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort: /^\d+$/.test(target) ? Number(target) : target };
    if (nodePort) p.nodePort = nodePort;
    return p;
  });
}

function service(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName', input: GeneratorInput): KubeObject {
  const f = input.flags;
  const tcp = sliceFlag(f.tcp);
  const clusterIP = f.clusterip as string | undefined;
  if (!tcp.length && type !== 'ExternalName' && clusterIP !== 'None') throw new UsageError('at least one tcp port specifier must be provided');
  const selector = { app: input.name };
  const spec: Record<string, unknown> = {};
  if (tcp.length) spec.ports = ports(tcp, f['node-port'] ? Number(f['node-port']) : undefined);
  spec.selector = selector;
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  if (type === 'ExternalName') spec.externalName = f['external-name'];
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(input.name, input.explicitNamespace, { labels: selector }),
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
}

const TCP = { name: 'tcp', type: 'stringArray' } as const;

export const SERVICE_GENERATORS: Record<string, Generator> = {
  clusterip: { flags: [TCP, { name: 'clusterip', type: 'string' }], build: (i) => service('ClusterIP', i), wrapErrors: 'failed to create ClusterIP service: ' },
  nodeport: { flags: [TCP, { name: 'node-port', type: 'int', default: 0 }], build: (i) => service('NodePort', i), wrapErrors: 'failed to create NodePort service: ' },
  loadbalancer: { flags: [TCP], build: (i) => service('LoadBalancer', i), wrapErrors: 'failed to create LoadBalancer service: ' },
  externalname: { flags: [TCP, { name: 'external-name', type: 'string' }], build: (i) => service('ExternalName', i), wrapErrors: 'failed to create ExternalName service: ', required: ['external-name'] },
};
