// Service REST allocation: ClusterIPs and NodePorts taken when a Service is written and given back
// when it goes, with the real Invalid texts for a taken or out-of-range value.
import type { KubeObject } from '../objects.js';
import { invalid } from './errors.js';
import { invalid as invalidField, type FieldError } from './field-errors.js';
import { NODE_PORT_RANGE, SERVICE_CIDR } from './allocators.js';
import type { ApiCore } from './request.js';

interface ServicePort {
  nodePort?: number;
  [k: string]: unknown;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  ports?: ServicePort[];
  allocateLoadBalancerNodePorts?: boolean;
}

const specOf = (svc: KubeObject) => (svc.spec ?? {}) as ServiceSpec;
const wantsNodePorts = (s: ServiceSpec) =>
  s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
const hasClusterIP = (s: ServiceSpec) => s.type !== 'ExternalName';
const portRange = `${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`;
const fail = (svc: KubeObject, errs: FieldError[]) => invalid({ group: '', kind: 'Service' }, svc.metadata.name ?? '', errs);

/** Allocates on create; returns how to give it all back if the create does not happen. */
export function allocateServiceOnCreate(core: ApiCore, svc: KubeObject): () => void {
  const spec = specOf(svc);
  const taken: Array<() => void> = [];
  const undo = () => taken.reverse().forEach((f) => f());
  try {
    if (hasClusterIP(spec)) allocateClusterIP(core, svc, spec, taken);
    if (wantsNodePorts(spec)) allocateNodePorts(core, svc, spec, undefined, taken);
  } catch (e) {
    undo();
    throw e;
  }
  return undo;
}

/** Keeps what the stored Service already holds (patchAllocatedValues) and allocates what is new. */
export function allocateServiceOnUpdate(core: ApiCore, svc: KubeObject, old: KubeObject): () => void {
  const spec = specOf(svc);
  const oldSpec = specOf(old);
  const taken: Array<() => void> = [];
  if (hasClusterIP(spec) && !spec.clusterIP && oldSpec.clusterIP) {
    spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs = oldSpec.clusterIPs;
    if (!spec.ipFamilies && oldSpec.ipFamilies) spec.ipFamilies = oldSpec.ipFamilies;
    if (!spec.ipFamilyPolicy && oldSpec.ipFamilyPolicy) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
  }
  if (hasClusterIP(spec) && !spec.clusterIP) allocateClusterIP(core, svc, spec, taken);
  if (wantsNodePorts(spec)) allocateNodePorts(core, svc, spec, oldSpec, taken);
  // Ports the Service no longer uses go back to the pool once the update is stored.
  const kept = new Set((spec.ports ?? []).map((p) => p.nodePort));
  for (const p of oldSpec.ports ?? []) if (p.nodePort && !kept.has(p.nodePort)) core.allocators.releaseNodePort(p.nodePort);
  if (oldSpec.clusterIP && oldSpec.clusterIP !== 'None' && spec.clusterIP !== oldSpec.clusterIP) core.allocators.releaseClusterIP(oldSpec.clusterIP);
  return () => taken.reverse().forEach((f) => f());
}

export function releaseService(core: ApiCore, svc: KubeObject): void {
  const spec = specOf(svc);
  for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip !== 'None') core.allocators.releaseClusterIP(ip);
  for (const p of spec.ports ?? []) if (p.nodePort) core.allocators.releaseNodePort(p.nodePort);
}

function allocateClusterIP(core: ApiCore, svc: KubeObject, spec: ServiceSpec, taken: Array<() => void>): void {
  const requested = spec.clusterIP || spec.clusterIPs?.[0];
  if (requested === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
  } else if (requested) {
    const why = core.allocators.claimClusterIP(requested);
    if (why === 'allocated') throw fail(svc, [invalidField('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: provided IP is already allocated`)]);
    if (why) throw fail(svc, [invalidField('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)]);
    taken.push(() => core.allocators.releaseClusterIP(requested));
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
  } else {
    const ip = core.allocators.nextClusterIP();
    if (!ip) throw fail(svc, [invalidField('spec.clusterIPs', [], 'failed to allocate IP: range is full')]);
    taken.push(() => core.allocators.releaseClusterIP(ip));
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}

function allocateNodePorts(core: ApiCore, svc: KubeObject, spec: ServiceSpec, oldSpec: ServiceSpec | undefined, taken: Array<() => void>): void {
  const held = new Set((oldSpec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
  const errs: FieldError[] = [];
  (spec.ports ?? []).forEach((port, i) => {
    if (port.nodePort && held.has(port.nodePort)) return;
    if (port.nodePort) {
      const why = core.allocators.claimNodePort(port.nodePort);
      const field = `spec.ports[${i}].nodePort`;
      if (why === 'allocated') errs.push(invalidField(field, port.nodePort, 'provided port is already allocated'));
      else if (why) errs.push(invalidField(field, port.nodePort, `provided port is not in the valid range. The range of valid ports is ${portRange}`));
      else taken.push(((p) => () => core.allocators.releaseNodePort(p))(port.nodePort));
      return;
    }
    const reuse = oldSpec?.ports?.[i]?.nodePort;
    if (reuse && held.has(reuse)) {
      port.nodePort = reuse;
      return;
    }
    const next = core.allocators.nextNodePort();
    if (next === undefined) errs.push(invalidField(`spec.ports[${i}].nodePort`, 0, 'failed to allocate a nodePort: range is full'));
    else {
      port.nodePort = next;
      taken.push(() => core.allocators.releaseNodePort(next));
    }
  });
  if (errs.length) {
    taken.reverse().forEach((f) => f());
    taken.length = 0;
    throw fail(svc, errs);
  }
}
