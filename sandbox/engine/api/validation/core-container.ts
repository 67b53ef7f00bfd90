// Containers as pkg/apis/core/validation checks them in 1.32 (validateContainerCommon and friends):
// name, image, termination message policy, ports, env, mounts, pull policy, resources, probes.
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { IS_NEGATIVE, invalidEach, sortedEntries, validateNonnegative, type Obj } from './meta.js';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names.js';
import { canonicalQuantity, compareQuantity, parseQuantity } from './quantity.js';
import { validateContainerSecurityContext } from './core-scheduling.js';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** ValidatePortNumOrName: an int port in range, or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  return [];
}

function validateContainerPorts(ports: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const ip = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...invalidEach(ip.child('name'), port.name, msgs));
      else if (names.has(port.name)) errs.push(duplicate(String(ip.child('name')), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(String(ip.child('containerPort'))));
    else errs.push(...invalidEach(ip.child('containerPort'), port.containerPort, isValidPortNum(port.containerPort)));
    if (port.hostPort) errs.push(...invalidEach(ip.child('hostPort'), port.hostPort, isValidPortNum(port.hostPort)));
    if (!port.protocol) errs.push(required(String(ip.child('protocol'))));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(String(ip.child('protocol')), port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateKeySelector(ref: Obj, path: FieldPath, nameKind: 'configMap' | 'secret'): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref.name) errs.push(required(String(path.child('name'))));
  else errs.push(...invalidEach(path.child('name'), ref.name, isDNS1123Subdomain(ref.name)));
  if (!ref.key) errs.push(required(String(path.child('key'))));
  else errs.push(...invalidEach(path.child('key'), ref.key, isConfigMapKey(ref.key)));
  void nameKind;
  return errs;
}

function validateEnvValueFrom(ev: Obj, path: FieldPath): FieldError[] {
  const from = ev.valueFrom as Obj | undefined;
  if (!from) return [];
  const errs: FieldError[] = [];
  const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k]);
  if (from.fieldRef) {
    if (!from.fieldRef.fieldPath) errs.push(required(String(path.child('fieldRef', 'fieldPath'))));
  }
  if (from.resourceFieldRef && !from.resourceFieldRef.resource) errs.push(required(String(path.child('resourceFieldRef', 'resource'))));
  if (from.configMapKeyRef) errs.push(...validateKeySelector(from.configMapKeyRef, path.child('configMapKeyRef'), 'configMap'));
  if (from.secretKeyRef) errs.push(...validateKeySelector(from.secretKeyRef, path.child('secretKeyRef'), 'secret'));
  if (sources.length === 0) {
    errs.push(invalid(String(path), '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (sources.length > 1) {
    errs.push(invalid(String(path), '', 'may not have more than one field specified at a time'));
  } else if (ev.value) {
    errs.push(invalid(String(path), '', 'may not be specified when `value` is not empty'));
  }
  return errs;
}

export function validateEnv(env: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const ip = path.index(i);
    const name = String(ev.name ?? '');
    if (!name) errs.push(required(String(ip.child('name'))));
    errs.push(...invalidEach(ip.child('name'), name, isRelaxedEnvVarName(name)));
    errs.push(...validateEnvValueFrom(ev, ip.child('valueFrom')));
  });
  return errs;
}

function validateEnvFrom(envFrom: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((src, i) => {
    const ip = path.index(i);
    if (src.prefix) errs.push(...invalidEach(ip.child('prefix'), src.prefix, isRelaxedEnvVarName(src.prefix)));
    const kinds = ['configMapRef', 'secretRef'].filter((k) => src[k]);
    for (const k of kinds) {
      if (!src[k].name) errs.push(required(String(ip.child(k, 'name'))));
      else errs.push(...invalidEach(ip.child(k, 'name'), src[k].name, isDNS1123Subdomain(src[k].name)));
    }
    if (kinds.length === 0) errs.push(invalid(String(ip), '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (kinds.length > 1) errs.push(forbidden(String(ip), 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[] | undefined, volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const ip = path.index(i);
    if (!m.name) errs.push(required(String(ip.child('name'))));
    if (!volumes.has(m.name ?? '')) errs.push(notFound(String(ip.child('name')), m.name ?? ''));
    if (!m.mountPath) errs.push(required(String(ip.child('mountPath'))));
    if (mountPoints.has(m.mountPath ?? '')) errs.push(invalid(String(ip.child('mountPath')), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath ?? '');
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, path.child('subPath')));
  });
  return errs;
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(invalid(String(path), target, 'must be a relative path'));
  if (target.split(/[\\/]/).includes('..')) errs.push(invalid(String(path), target, "must not contain '..'"));
  return errs;
}

function validatePullPolicy(policy: string | undefined, path: FieldPath): FieldError[] {
  if (!policy) return [required(String(path))];
  return PULL_POLICIES.includes(policy) ? [] : [notSupported(String(path), policy, PULL_POLICIES)];
}

function isStandardContainerResource(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-');
}
/** Native resources have no domain or the kubernetes.io domain (helper.IsNativeResource). */
const isNativeResource = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Extended resources: domain-prefixed, not native, and valid after a "requests." prefix. */
const isExtendedResource = (name: string) => !isNativeResource(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;

/** validateContainerResourceName then ValidateResourceQuantityValue. */
function validateResourceEntry(name: string, value: unknown, path: FieldPath): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (!name.includes('/')) {
    if (!isStandardContainerResource(name)) errs.push(invalid(String(path), name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalid(String(path), name, "doesn't follow extended resource name standard"));
  }
  const q = parseQuantity(value as string);
  if (q && q.nanos < 0n) errs.push(invalid(String(path), canonicalQuantity(value as string), IS_NEGATIVE));
  return errs;
}

/** ValidateContainerResourceRequirements: names, non-negative values, requests <= limits. */
export function validateResources(resources: Obj | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Record<string, unknown> = resources?.limits ?? {};
  const requests: Record<string, unknown> = resources?.requests ?? {};
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  for (const [name, value] of sortedEntries(limits)) errs.push(...validateResourceEntry(name, value, limPath.key(name)));
  for (const [name, value] of sortedEntries(requests)) {
    errs.push(...validateResourceEntry(name, value, reqPath.key(name)));
    const req = parseQuantity(value as string);
    const limText = limits[name];
    const lim = limText === undefined ? undefined : parseQuantity(limText as string);
    const overcommit = isStandardContainerResource(name) && !name.startsWith('hugepages-');
    if (req && lim) {
      if (!overcommit && compareQuantity(req, lim) !== 0) {
        errs.push(invalid(String(reqPath), canonicalQuantity(value as string), `must be equal to ${name} limit of ${canonicalQuantity(limText as string)}`));
      } else if (compareQuantity(req, lim) > 0) {
        errs.push(invalid(String(reqPath), canonicalQuantity(value as string), `must be less than or equal to ${name} limit of ${canonicalQuantity(limText as string)}`));
      }
    } else if (req && !overcommit && limText === undefined) {
      errs.push(required(String(limPath), 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

function validateHandler(handler: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const kinds = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((k) => handler[k]);
  if (kinds.length === 0) return [required(String(path), 'must specify a handler type')];
  kinds.slice(1).forEach((k) => errs.push(forbidden(String(path.child(k)), 'may not specify more than 1 handler type')));
  const kind = kinds[0];
  const h = handler[kind] as Obj;
  if (kind === 'exec' && !(h.command ?? []).length) errs.push(required(String(path.child('exec', 'command'))));
  if (kind === 'httpGet') {
    if (!h.path) errs.push(required(String(path.child('httpGet', 'path'))));
    errs.push(...validatePortNumOrName(h.port, path.child('httpGet', 'port')));
    if (h.scheme && !['HTTP', 'HTTPS'].includes(h.scheme)) errs.push(notSupported(String(path.child('httpGet', 'scheme')), h.scheme, ['HTTP', 'HTTPS']));
  }
  if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(h.port, path.child('tcpSocket', 'port')));
  if (kind === 'grpc') errs.push(...invalidEach(path.child('grpc', 'port'), h.port, isValidPortNum(h.port)));
  return errs;
}

function validateProbe(probe: Obj | undefined, path: FieldPath, successMustBeOne: boolean): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegative(probe[f], path.child(f)));
  }
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(String(path.child('terminationGracePeriodSeconds')), probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (successMustBeOne && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalid(String(path.child('successThreshold')), probe.successThreshold, 'must be 1'));
  }
  return errs;
}

function validateContainerCommon(ctr: Obj, volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!ctr.name) errs.push(required(String(path.child('name'))));
  else errs.push(...invalidEach(path.child('name'), ctr.name, isDNS1123Label(ctr.name)));
  if (!ctr.image) errs.push(required(String(path.child('image'))));
  const tmp = ctr.terminationMessagePolicy;
  if (!tmp) errs.push(required(String(path.child('terminationMessagePolicy'))));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(String(path.child('terminationMessagePolicy')), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')));
  errs.push(...validateEnv(ctr.env, path.child('env')));
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, volumes, path.child('volumeMounts')));
  errs.push(...validatePullPolicy(ctr.imagePullPolicy, path.child('imagePullPolicy')));
  errs.push(...validateResources(ctr.resources, path.child('resources')));
  errs.push(...validateContainerSecurityContext(ctr.securityContext, path.child('securityContext')));
  return errs;
}

/** validateContainers: the pod's regular containers. */
export function validateContainers(containers: Obj[] | undefined, volumes: Set<string>, path: FieldPath): FieldError[] {
  if (!containers || containers.length === 0) return [required(String(path))];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const ip = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, ip));
    if (names.has(ctr.name ?? '')) errs.push(duplicate(String(ip.child('name')), ctr.name ?? ''));
    else names.add(ctr.name ?? '');
    errs.push(...validateProbe(ctr.livenessProbe, ip.child('livenessProbe'), true));
    errs.push(...validateProbe(ctr.readinessProbe, ip.child('readinessProbe'), false));
    errs.push(...validateProbe(ctr.startupProbe, ip.child('startupProbe'), true));
    if (ctr.restartPolicy !== undefined) errs.push(forbidden(String(ip.child('restartPolicy')), 'may not be set for non-init containers'));
  });
  return errs;
}

/** validateInitContainers: names must also differ from the regular containers'. */
export function validateInitContainers(inits: Obj[] | undefined, containers: Obj[] | undefined, volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>((containers ?? []).map((c) => c.name));
  (inits ?? []).forEach((ctr, i) => {
    const ip = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, ip));
    if (names.has(ctr.name ?? '')) errs.push(duplicate(String(ip.child('name')), ctr.name ?? ''));
    else names.add(ctr.name ?? '');
    if (ctr.restartPolicy === undefined) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[probe]) errs.push(forbidden(String(ip.child(probe)), `may not be set for init containers without restartPolicy=Always`));
      }
    } else if (ctr.restartPolicy !== 'Always') {
      errs.push(notSupported(String(ip.child('restartPolicy')), ctr.restartPolicy, ['Always']));
    }
  });
  return errs;
}
