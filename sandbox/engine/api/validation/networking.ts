// networking.k8s.io/v1 Ingress, IngressClass, NetworkPolicy and discovery.k8s.io/v1 EndpointSlice
// (pkg/apis/networking/validation, pkg/apis/discovery/validation; 1.32).
import { forbidden, GoValue, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { PROTOCOLS } from './core-container.js';
import { invalidEach, p, validateImmutable, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSSubdomain } from './names.js';
import { ipErrors, isIP } from './ip.js';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

function validateBackend(backend: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (backend.resource && backend.service) return [invalid(String(path), '', 'cannot set both resource and service backends')];
  if (backend.resource) {
    const r = backend.resource;
    if (!r.kind) errs.push(required(String(path.child('resource', 'kind'))));
    if (!r.name) errs.push(required(String(path.child('resource', 'name'))));
    return errs;
  }
  if (!backend.service) return [invalid(String(path), '', 'resource or service backend is required')];
  const svc = backend.service;
  if (!svc.name) errs.push(required(String(path.child('service', 'name'))));
  else errs.push(...invalidEach(path.child('service', 'name'), svc.name, isDNS1035Label(svc.name)));
  const name = svc.port?.name ?? '';
  const number = svc.port?.number ?? 0;
  if (name && number) errs.push(invalid(String(path), '', 'cannot set both port name & port number'));
  else if (name) errs.push(...invalidEach(path.child('service', 'port', 'name'), name, isValidPortName(name)));
  else if (number) errs.push(...invalidEach(path.child('service', 'port', 'number'), number, isValidPortNum(number)));
  else errs.push(required(String(path), 'port name or number is required'));
  return errs;
}

function validateHTTPPath(hp: Obj, path: FieldPath): FieldError[] {
  if (!hp.pathType) return [required(String(path.child('pathType')), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = String(hp.path ?? '');
  if (hp.pathType === 'Exact' || hp.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(String(path.child('path')), value, 'must be an absolute path'));
    if (value) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(String(path.child('path')), value, `must not contain '${seq}'`));
      for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(String(path.child('path')), value, `cannot end with '${suf}'`));
    }
  } else if (hp.pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(String(path.child('path')), value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(String(path.child('pathType')), hp.pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(hp.backend ?? {}, path.child('backend')));
  return errs;
}

function validateHost(host: string, path: FieldPath): FieldError[] {
  if (host.includes('*')) return invalidEach(path, host, isWildcardDNS1123Subdomain(host));
  return invalidEach(path, host, isDNS1123Subdomain(host));
}

function validateRules(rules: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((rule, i) => {
    const rp = path.index(i);
    if (rule.host) {
      if (isIP(rule.host)) errs.push(invalid(String(rp.child('host')), rule.host, 'must be a DNS name, not an IP address'));
      errs.push(...validateHost(rule.host, rp.child('host')));
    }
    if (rule.http) {
      const paths: Obj[] = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(required(String(rp.child('http', 'paths'))));
      paths.forEach((hp, j) => errs.push(...validateHTTPPath(hp, rp.child('http', 'paths').index(j))));
    }
  });
  return errs;
}

function validateIngressSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs: FieldError[] = [];
  const rules: Obj[] = s.rules ?? [];
  if (rules.length === 0 && !s.defaultBackend) {
    errs.push(invalid(String(sp), new GoValue(s.rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  }
  if (s.defaultBackend) errs.push(...validateBackend(s.defaultBackend, sp.child('defaultBackend')));
  (s.tls ?? []).forEach((tls: Obj, i: number) => {
    (tls.hosts ?? []).forEach((host: string, j: number) => errs.push(...validateHost(host, sp.child('tls').index(i).child('hosts').index(j))));
  });
  errs.push(...validateRules(rules, sp.child('rules')));
  if (s.ingressClassName !== undefined) errs.push(...invalidEach(sp.child('ingressClassName'), s.ingressClassName, isDNS1123Subdomain(s.ingressClassName)));
  return errs;
}

export const validateIngress = (ing: Obj) => [...validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain), ...validateIngressSpec(ing.spec)];
export const validateIngressUpdate = (ing: Obj, old: Obj) => [...validateObjectMetaUpdate(ing.metadata, old.metadata), ...validateIngressSpec(ing.spec)];

function validateDomainPrefixedPath(value: string, path: FieldPath): FieldError[] {
  if (!value) return [required(String(path))];
  const parts = value.split('/');
  if (parts.length < 2) return [invalid(String(path), value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  return invalidEach(path, parts[0], isDNS1123Subdomain(parts[0]));
}

export function validateIngressClass(ic: Obj): FieldError[] {
  const errs = validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain);
  errs.push(...validateDomainPrefixedPath(String(ic.spec?.controller ?? ''), p('spec', 'controller')));
  return errs;
}
export const validateIngressClassUpdate = (ic: Obj, old: Obj) => [
  ...validateObjectMetaUpdate(ic.metadata, old.metadata),
  ...validateIngressClass(ic),
  ...validateImmutable(ic.spec?.controller, old.spec?.controller, p('spec', 'controller')),
];

function validatePolicyPort(port: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) errs.push(notSupported(String(path.child('protocol')), port.protocol, ['TCP', 'UDP', 'SCTP']));
  if (typeof port.port === 'number') {
    errs.push(...invalidEach(path.child('port'), port.port, isValidPortNum(port.port)));
    if (port.endPort !== undefined) {
      if (port.endPort < port.port) errs.push(invalid(String(path.child('endPort')), port.port, 'must be greater than or equal to `port`'));
      errs.push(...invalidEach(path.child('endPort'), port.endPort, isValidPortNum(port.endPort)));
    }
  } else if (typeof port.port === 'string') {
    if (port.endPort !== undefined) errs.push(invalid(String(path.child('endPort')), port.endPort, 'may not be specified when `port` is non-numeric'));
    errs.push(...invalidEach(path.child('port'), port.port, isValidPortName(port.port)));
  } else if (port.endPort !== undefined) {
    errs.push(invalid(String(path.child('endPort')), port.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function cidrError(cidr: string): string | undefined {
  const [ip, bits, extra] = cidr.split('/');
  const max = ip?.includes(':') ? 128 : 32;
  if (extra !== undefined || !ip || !isIP(ip) || !/^\d+$/.test(bits ?? '') || Number(bits) > max) return `invalid CIDR address: ${cidr}`;
  return undefined;
}

function validatePeer(peer: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, path.child('podSelector')));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, path.child('namespaceSelector')));
  }
  if (peer.ipBlock) {
    n++;
    const cidr = String(peer.ipBlock.cidr ?? '');
    if (!cidr) errs.push(required(String(path.child('ipBlock', 'cidr'))));
    else {
      const e = cidrError(cidr);
      if (e) errs.push(invalid(String(path.child('ipBlock', 'cidr')), cidr, e));
    }
  }
  if (n === 0) errs.push(required(String(path), 'must specify a peer'));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(String(path), 'may not specify both ipBlock and another peer'));
  return errs;
}

function validateNetworkPolicySpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs = validateLabelSelector(s.podSelector ?? {}, sp.child('podSelector'));
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    (s[dir] ?? []).forEach((rule: Obj, i: number) => {
      const rp = sp.child(dir).index(i);
      (rule.ports ?? []).forEach((port: Obj, j: number) => errs.push(...validatePolicyPort(port, rp.child('ports').index(j))));
      (rule[peers] ?? []).forEach((peer: Obj, j: number) => errs.push(...validatePeer(peer, rp.child(peers).index(j))));
    });
  }
  const types: string[] = s.policyTypes ?? [];
  if (types.length > 2) return [...errs, invalid(String(sp.child('policyTypes')), new GoValue('&[]networking.PolicyType{…}'), 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(String(sp.child('policyTypes').index(i)), t, ['Ingress', 'Egress']));
  });
  return errs;
}

export const validateNetworkPolicy = (np: Obj) => [...validateObjectMeta(np.metadata, true, nameIsDNSSubdomain), ...validateNetworkPolicySpec(np.spec)];
export const validateNetworkPolicyUpdate = (np: Obj, old: Obj) => [...validateObjectMetaUpdate(np.metadata, old.metadata), ...validateNetworkPolicySpec(np.spec)];

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export function validateEndpointSlice(es: Obj): FieldError[] {
  const errs = validateObjectMeta(es.metadata, true, nameIsDNSSubdomain);
  (es.endpoints ?? []).forEach((ep: Obj, i: number) => {
    const ap = p('endpoints').index(i).child('addresses');
    const addresses: string[] = ep.addresses ?? [];
    if (addresses.length === 0) errs.push(required(String(ap), 'must contain at least 1 address'));
    addresses.forEach((a, j) => {
      if (es.addressType === 'FQDN') errs.push(...invalidEach(ap.index(j), a, isDNS1123Subdomain(a)));
      else if (es.addressType === 'IPv4' || es.addressType === 'IPv6') errs.push(...invalidEach(ap.index(j), a, ipErrors(a)));
    });
    if (ep.hostname) errs.push(...invalidEach(p('endpoints').index(i).child('hostname'), ep.hostname, isDNS1123Label(ep.hostname)));
  });
  (es.ports ?? []).forEach((port: Obj, i: number) => {
    const pp = p('ports').index(i);
    if (port.name) errs.push(...invalidEach(pp.child('name'), port.name, isDNS1123Label(port.name)));
    if (port.protocol && !PROTOCOLS.includes(port.protocol)) errs.push(notSupported(String(pp.child('protocol')), port.protocol, PROTOCOLS));
    if (port.appProtocol) errs.push(...invalidEach(pp.child('appProtocol'), port.appProtocol, isQualifiedName(port.appProtocol)));
  });
  if (!es.addressType) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(es.addressType)) errs.push(notSupported('addressType', es.addressType, ADDRESS_TYPES));
  return errs;
}
export const validateEndpointSliceUpdate = (es: Obj, old: Obj) => [
  ...validateObjectMetaUpdate(es.metadata, old.metadata),
  ...validateEndpointSlice(es),
  ...validateImmutable(es.addressType, old.addressType, p('addressType')),
];
