// Services and Endpoints (ValidateService, ValidateServiceUpdate, ValidateEndpoints; 1.32).
// ClusterIP and NodePort allocation (and the NodePort range check) belong to the storage layer.
import { duplicate, forbidden, GoValue, goQuote, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { PROTOCOLS, validatePortNumOrName } from './core-container.js';
import { goStringSlice, invalidEach, jsonEqual, p, validateLabels, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain } from './names.js';
import { ipErrors, isIP, specialIPErrors } from './ip.js';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const KUBELET_PORT = 10250;

const isHeadless = (svc: Obj) => (svc.spec?.clusterIPs ?? [])[0] === 'None' || svc.spec?.clusterIP === 'None';
const clusterIPs = (spec: Obj): string[] => spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(String(path.child('name'))));
  else if (sp.name) {
    errs.push(...invalidEach(path.child('name'), sp.name, isDNS1123Label(sp.name)));
    if (names.has(sp.name)) errs.push(duplicate(String(path.child('name')), sp.name));
    else names.add(sp.name);
  }
  errs.push(...invalidEach(path.child('port'), sp.port ?? 0, isValidPortNum(sp.port ?? 0)));
  if (!sp.protocol) errs.push(required(String(path.child('protocol'))));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(String(path.child('protocol')), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  return errs;
}

/** Go's %#v of the (protocol, port) key that duplicate service ports report. */
function goServicePortKey(sp: Obj): GoValue {
  return new GoValue(
    `core.ServicePort{Name:"", Protocol:${goQuote(sp.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${sp.port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

function validateTypeSpecific(svc: Obj, spec: Obj, sp: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const ports: Obj[] = spec.ports ?? [];
  if (spec.type === 'LoadBalancer') {
    if (isHeadless(svc)) errs.push(invalid(String(sp.child('clusterIPs').index(0)), clusterIPs(spec)[0], "may not be set to 'None' for LoadBalancer services"));
    ports.forEach((port, i) => {
      if (port.port === KUBELET_PORT) errs.push(invalid(String(sp.child('ports').index(i)), port.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
    });
  } else if (spec.type === 'NodePort') {
    if (isHeadless(svc)) errs.push(invalid(String(sp.child('clusterIPs').index(0)), clusterIPs(spec)[0], "may not be set to 'None' for NodePort services"));
  } else if (spec.type === 'ExternalName') {
    if (clusterIPs(spec).length > 0) errs.push(forbidden(String(sp.child('clusterIPs')), 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(forbidden(String(sp.child('ipFamilies')), 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy) errs.push(forbidden(String(sp.child('ipFamilyPolicy')), 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...invalidEach(sp.child('externalName'), cname, isDNS1123Subdomain(cname)));
    else errs.push(required(String(sp.child('externalName'))));
  }
  return errs;
}

function validateClusterIPs(spec: Obj, sp: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName') return errs;
  clusterIPs(spec).forEach((ip, i) => {
    if (ip === 'None' && i === 0) return;
    errs.push(...ipErrors(ip).map((m) => invalid(String(sp.child('clusterIPs').index(i)), ip, m)));
  });
  return errs;
}

export function validateService(svc: Obj): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec: Obj = svc.spec ?? {};
  const sp = p('spec');
  const ports: Obj[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errs.push(required(String(sp.child('ports'))));
  errs.push(...validateTypeSpecific(svc, spec, sp));
  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validateServicePort(port, ports.length > 1, names, sp.child('ports').index(i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, sp.child('selector')));
  if (!spec.sessionAffinity) errs.push(required(String(sp.child('sessionAffinity'))));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) errs.push(notSupported(String(sp.child('sessionAffinity')), spec.sessionAffinity, SESSION_AFFINITIES));
  if (spec.sessionAffinity !== 'ClientIP' && spec.sessionAffinityConfig) {
    errs.push(forbidden(String(sp.child('sessionAffinityConfig')), `must not be set when session affinity is ${spec.sessionAffinity ?? ''}`));
  }
  errs.push(...validateClusterIPs(spec, sp));
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => errs.push(...ipFieldErrors(ip, sp.child('externalIPs').index(i))));
  if (!spec.type) errs.push(required(String(sp.child('type'))));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported(String(sp.child('type')), spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (port.nodePort) errs.push(forbidden(String(sp.child('ports').index(i).child('nodePort')), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(String(sp.child('ports').index(i).child('nodePort')), port.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    if (seen.has(key)) errs.push(duplicate(String(sp.child('ports').index(i)), goServicePortKey(port)));
    seen.add(key);
  });
  errs.push(...validateTrafficPolicies(spec, sp));
  return errs;
}

/** LoadBalancer, NodePort, or ClusterIP with externalIPs (apiservice.ExternallyAccessible). */
const externallyAccessible = (spec: Obj) =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);

function validateTrafficPolicies(spec: Obj, sp: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid(String(sp.child('externalTrafficPolicy')), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required(String(sp.child('externalTrafficPolicy'))));
  else if (!['Cluster', 'Local'].includes(etp)) errs.push(notSupported(String(sp.child('externalTrafficPolicy')), etp, ['Cluster', 'Local']));
  if (spec.healthCheckNodePort && !(spec.type === 'LoadBalancer' && etp === 'Local')) {
    errs.push(invalid(String(sp.child('healthCheckNodePort')), spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) errs.push(required(String(sp.child('internalTrafficPolicy'))));
  } else if (!['Cluster', 'Local'].includes(itp)) {
    errs.push(notSupported(String(sp.child('internalTrafficPolicy')), itp, ['Cluster', 'Local']));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs (for updates that name their clusterIPs). */
function validateClusterIPsUpdate(svc: Obj, old: Obj): FieldError[] {
  const spec: Obj = svc.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  if (isHeadless(svc) && isHeadless(old)) return [];
  let next = clusterIPs(spec);
  const prev = clusterIPs(oldSpec);
  // NormalizeClusterIPs: a changed clusterIP with untouched clusterIPs rewrites clusterIPs[0].
  if (spec.clusterIP && next.length && spec.clusterIP !== next[0] && jsonEqual(spec.clusterIPs, oldSpec.clusterIPs)) next = [spec.clusterIP, ...next.slice(1)];
  const path = String(p('spec', 'clusterIPs').index(0));
  const value = goStringSlice(next.length ? next : null);
  const errs: FieldError[] = [];
  if (prev.length === next.length) {
    prev.forEach((ip, i) => {
      if (ip !== next[i]) errs.push(invalid(path, value, 'may not change once set'));
    });
  } else if (next.length === 0) {
    // Left out: the storage copies the allocated clusterIPs back in (patchAllocatedValues), so the
    // real server never reports "primary clusterIP can not be unset" for an update that omits them.
    return [];
  } else if (prev.length > next.length) {
    if (next[0] !== prev[0]) errs.push(invalid(path, value, 'may not change once set'));
    if (next.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(path, value, "`ipFamilyPolicy` must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (prev.length > 0 && next[0] !== prev[0]) {
    errs.push(invalid(path, value, 'may not change once set'));
  }
  return errs;
}

export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  return [...validateObjectMetaUpdate(svc.metadata, old.metadata), ...validateClusterIPsUpdate(svc, old), ...validateService(svc)];
}

/** IsValidIP, then (only for a valid IP) ValidateNonSpecialIP. */
function ipFieldErrors(ip: string, path: FieldPath): FieldError[] {
  const bad = ipErrors(ip);
  return invalidEach(path, ip, bad.length ? bad : specialIPErrors(ip));
}

/** ValidateEndpoints: subsets with addresses and ports. */
export function validateEndpoints(ep: Obj): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  (ep.subsets ?? []).forEach((ss: Obj, i: number) => {
    const sp = p('subsets').index(i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
      errs.push(required(String(sp), 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const list of ['addresses', 'notReadyAddresses']) {
      (ss[list] ?? []).forEach((a: Obj, j: number) => {
        const ap = sp.child(list).index(j);
        const ip = String(a.ip ?? '');
        errs.push(...invalidEach(ap.child('ip'), ip, ipErrors(ip)));
        if (a.hostname) errs.push(...invalidEach(ap.child('hostname'), a.hostname, isDNS1123Label(a.hostname)));
        if (a.nodeName) errs.push(...invalidEach(ap.child('nodeName'), a.nodeName, isDNS1123Subdomain(a.nodeName)));
        // ValidateNonSpecialIP parses again, with its own shorter text for a bad address.
        errs.push(...invalidEach(ap.child('ip'), ip, isIP(ip) ? specialIPErrors(ip) : ['must be a valid IP address']));
      });
    }
    const requireName = (ss.ports ?? []).length > 1;
    (ss.ports ?? []).forEach((port: Obj, j: number) => {
      const pp = sp.child('ports').index(j);
      if (requireName && !port.name) errs.push(required(String(pp.child('name'))));
      else if (port.name) errs.push(...invalidEach(pp.child('name'), port.name, isDNS1123Label(port.name)));
      errs.push(...invalidEach(pp.child('port'), port.port ?? 0, isValidPortNum(port.port ?? 0)));
      if (!port.protocol) errs.push(required(String(pp.child('protocol'))));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(String(pp.child('protocol')), port.protocol, PROTOCOLS));
    });
  });
  return errs;
}
