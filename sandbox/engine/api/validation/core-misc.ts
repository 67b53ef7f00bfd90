// The smaller core/v1 kinds: ConfigMap, Secret, Namespace, Node, Event, ServiceAccount,
// PersistentVolume, PersistentVolumeClaim, ResourceQuota, LimitRange (pkg/apis/core/validation, 1.32).
import { type FieldPath, forbidden, GoValue, invalid, notSupported, required, tooLong, type FieldError } from '../field-errors.js';
import { IS_NEGATIVE, invalidEach, jsonEqual, p, sortedEntries, validateImmutable, validateLabelName, validateLabelSelector, validateObjectMeta, type Obj } from './meta.js';
import { byteLength, isConfigMapKey, isDNS1123Subdomain, isQualifiedName, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { canonicalQuantity, compareQuantity, goQuantityLiteral, parseQuantity, type Quantity } from './quantity.js';
import { specDiff } from './spec-diff.js';

const MAX_SECRET_SIZE = 1024 * 1024;
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';
/** base64 text decodes to about 3/4 of its length; sizes are checked on decoded bytes in Go. */
const decodedLength = (b64: string) => Math.floor((String(b64).replace(/=+$/, '').length * 3) / 4);

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [key, value] of sortedEntries<string>(cm.data)) {
    errs.push(...invalidEach(p('data').key(key), key, isConfigMapKey(key)));
    if (cm.binaryData && key in cm.binaryData) errs.push(invalid(String(p('data').key(key)), key, 'duplicate of key present in binaryData'));
    size += byteLength(String(value ?? ''));
  }
  for (const [key, value] of sortedEntries<string>(cm.binaryData)) {
    errs.push(...invalidEach(p('binaryData').key(key), key, isConfigMapKey(key)));
    size += decodedLength(value);
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', '', MAX_SECRET_SIZE));
  return errs;
}

/** ConfigMaps and Secrets with `immutable: true` keep their data (and the flag) forever. */
export function validateImmutableData(obj: Obj, old: Obj, dataFields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_WHEN_SET));
  for (const f of dataFields) if (!jsonEqual(obj[f], old[f])) errs.push(forbidden(f, IMMUTABLE_WHEN_SET));
  return errs;
}

function secretTypeErrors(secret: Obj, data: Record<string, string>): FieldError[] {
  const dp = p('data');
  const has = (k: string) => k in data;
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      return secret.metadata?.annotations?.['kubernetes.io/service-account.name']
        ? []
        : [required(String(p('metadata', 'annotations').key('kubernetes.io/service-account.name')))];
    case 'kubernetes.io/dockercfg':
      return has('.dockercfg') ? [] : [required(String(dp.key('.dockercfg')))];
    case 'kubernetes.io/dockerconfigjson':
      return has('.dockerconfigjson') ? [] : [required(String(dp.key('.dockerconfigjson')))];
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : [required(String(dp.key('username'))), required(String(dp.key('password')))];
    case 'kubernetes.io/ssh-auth':
      return data['ssh-privatekey'] ? [] : [required(String(dp.key('ssh-privatekey')))];
    case 'kubernetes.io/tls':
      return [...(has('tls.crt') ? [] : [required(String(dp.key('tls.crt')))]), ...(has('tls.key') ? [] : [required(String(dp.key('tls.key')))])];
    default:
      return [];
  }
}

/** stringData is merged into data by conversion before Go validates, so both are checked as `data`. */
export function validateSecret(secret: Obj): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  const data: Record<string, string> = { ...(secret.data ?? {}), ...(secret.stringData ?? {}) };
  let size = 0;
  for (const [key, value] of sortedEntries(data)) {
    errs.push(...invalidEach(p('data').key(key), key, isConfigMapKey(key)));
    size += secret.stringData && key in secret.stringData ? byteLength(String(value)) : decodedLength(value);
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', '', MAX_SECRET_SIZE));
  errs.push(...secretTypeErrors(secret, data));
  return errs;
}

export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  const fp = p('spec', 'finalizers');
  for (const f of ns.spec?.finalizers ?? []) {
    const msgs = isQualifiedName(f);
    if (msgs.length) errs.push(...invalidEach(fp, f, msgs));
    else if (!f.includes('/') && f !== 'kubernetes') errs.push(invalid(String(fp), f, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  (node.spec?.taints ?? []).forEach((t: Obj, i: number) => {
    const tp = p('spec', 'taints').index(i);
    errs.push(...validateLabelName(t.key ?? '', tp.child('key')));
    if (t.value) errs.push(...invalidEach(tp.child('value'), t.value, isQualifiedName(t.value).length ? isQualifiedName(t.value) : []));
    const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
    if (!t.effect) errs.push(required(String(tp.child('effect'))));
    else if (!effects.includes(t.effect)) errs.push(notSupported(String(tp.child('effect')), t.effect, effects));
  });
  return errs;
}

export function validateEvent(ev: Obj): FieldError[] {
  const errs = validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  const involvedNs = ev.involvedObject?.namespace ?? '';
  if (involvedNs && involvedNs !== ev.metadata?.namespace) {
    errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  }
  return errs;
}

export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain);
}

function validateAccessModes(modes: string[] | undefined, path: FieldPath, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes || modes.length === 0) errs.push(required(String(path), requiredDetail));
  for (const mode of modes ?? []) if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(String(path), mode, ACCESS_MODES));
  return errs;
}

/** ValidatePositiveQuantityValue: zero and negative quantities alike. */
function positiveQuantity(value: unknown, path: FieldPath): FieldError[] {
  const q = parseQuantity(value as string);
  if (!q) return [];
  return q.nanos <= 0n ? [invalid(String(path), canonicalQuantity(value as string), 'must be greater than zero')] : [];
}

const PV_SOURCES = ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'glusterfs', 'flexVolume', 'vsphereVolume', 'portworxVolume', 'scaleIO', 'storageos', 'quobyte', 'photonPersistentDisk', 'flocker'];

export function validatePersistentVolume(pv: Obj): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain);
  const spec: Obj = pv.spec ?? {};
  const sp = p('spec');
  errs.push(...validateAccessModes(spec.accessModes, sp.child('accessModes'), ''));
  const capacity: Obj = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required(String(sp.child('capacity'))));
  for (const [r, q] of sortedEntries(capacity)) errs.push(...positiveQuantity(q, sp.child('capacity').key(r)));
  const policies = ['Delete', 'Recycle', 'Retain'];
  if (spec.persistentVolumeReclaimPolicy && !policies.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported(String(sp.child('persistentVolumeReclaimPolicy')), spec.persistentVolumeReclaimPolicy, policies));
  }
  if (spec.storageClassName) errs.push(...invalidEach(sp.child('storageClassName'), spec.storageClassName, isDNS1123Subdomain(spec.storageClassName)));
  if (spec.volumeMode && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(notSupported(String(sp.child('volumeMode')), spec.volumeMode, ['Block', 'Filesystem']));
  const sources = PV_SOURCES.filter((s) => spec[s]);
  if (sources.length === 0) errs.push(required(String(sp), 'must specify a volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required(String(sp.child('hostPath', 'path'))));
  return errs;
}

export function validatePVCSpec(spec: Obj | undefined, sp: FieldPath): FieldError[] {
  const s: Obj = spec ?? {};
  const errs: FieldError[] = [];
  if (!s.accessModes || s.accessModes.length === 0) errs.push(required(String(sp.child('accessModes')), 'at least 1 access mode is required'));
  if (s.selector) errs.push(...validateLabelSelector(s.selector, sp.child('selector')));
  for (const mode of s.accessModes ?? []) if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(String(sp.child('accessModes')), mode, ACCESS_MODES));
  const storage = s.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(String(sp.child('resources').key('storage'))));
  else {
    // ValidateResourceQuantityValue, then ValidatePositiveQuantityValue: a negative size fails both.
    const q = parseQuantity(storage);
    const path = String(sp.child('resources').key('storage'));
    if (q && q.nanos < 0n) errs.push(invalid(path, canonicalQuantity(storage), IS_NEGATIVE));
    errs.push(...positiveQuantity(storage, sp.child('resources').key('storage')));
  }
  if (s.storageClassName) errs.push(...invalidEach(sp.child('storageClassName'), s.storageClassName, isDNS1123Subdomain(s.storageClassName)));
  if (s.volumeMode && !['Block', 'Filesystem'].includes(s.volumeMode)) errs.push(notSupported(String(sp.child('volumeMode')), s.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: Obj): FieldError[] {
  return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(pvc.spec, p('spec'))];
}

export function validatePersistentVolumeClaimUpdate(pvc: Obj, old: Obj): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc);
  const spec: Obj = { ...(pvc.spec ?? {}) };
  const oldSpec: Obj = { ...(old.spec ?? {}) };
  if (!oldSpec.volumeName) oldSpec.volumeName = spec.volumeName;
  const bound = pvc.status?.phase === 'Bound';
  if (bound) spec.resources = { ...spec.resources, requests: { ...spec.resources?.requests, storage: oldSpec.resources?.requests?.storage } };
  if (!jsonEqual(spec, oldSpec)) {
    errs.push(forbidden('spec', `spec is immutable after creation except resources.requests for bound claims\n${specDiff('core.PersistentVolumeClaimSpec', oldSpec, spec)}`));
  }
  const newSize = parseQuantity(pvc.spec?.resources?.requests?.storage ?? '0');
  const oldSize = parseQuantity(old.spec?.resources?.requests?.storage ?? '0');
  if (newSize && oldSize && newSize.nanos < oldSize.nanos) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  return errs;
}

export function validatePersistentVolumeUpdate(pv: Obj, old: Obj): FieldError[] {
  const errs = validatePersistentVolume(pv);
  const sources = (o: Obj) => Object.fromEntries(PV_SOURCES.filter((s) => o.spec?.[s]).map((s) => [s, o.spec[s]]));
  if (!jsonEqual(sources(pv), sources(old))) errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  errs.push(...validateImmutable(pv.spec?.volumeMode, old.spec?.volumeMode, p('volumeMode')));
  return errs;
}

const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const isStandardQuotaResource = (name: string) =>
  STANDARD_QUOTA_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');

export function validateResourceQuota(rq: Obj): FieldError[] {
  const errs = validateObjectMeta(rq.metadata, true, nameIsDNSSubdomain);
  for (const [name, value] of sortedEntries(rq.spec?.hard)) {
    const path = p('spec', 'hard').key(name);
    errs.push(...invalidEach(path, name, isQualifiedName(name)));
    // Only unprefixed names must be standard; count/… and domain-prefixed names are free-form.
    if (!name.includes('/') && !isStandardQuotaResource(name)) errs.push(invalid(String(path), name, 'must be a standard resource for quota'));
    const q = parseQuantity(value as string);
    if (q && q.nanos < 0n) errs.push(invalid(String(path), canonicalQuantity(value as string), IS_NEGATIVE));
  }
  return errs;
}

/** The ordering rules between min, max, default and defaultRequest of one limit item (ValidateLimitRange). */
function limitOrderErrors(item: Obj, ip: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const keys = new Set<string>();
  for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) keys.add(k);
  const at = (f: string, k: string) => (item[f]?.[k] === undefined ? undefined : { text: item[f][k] as string, q: parseQuantity(item[f][k]) });
  for (const k of [...keys].sort()) {
    const [min, max, def, defReq] = [at('min', k), at('max', k), at('default', k), at('defaultRequest', k)];
    const gt = (a?: { q?: Quantity }, b?: { q?: Quantity }) => !!(a?.q && b?.q && compareQuantity(a.q, b.q) > 0);
    const c = (x?: { text: string }) => canonicalQuantity(x?.text ?? '');
    const g = (x?: { text: string }) => new GoValue(goQuantityLiteral(x?.text ?? ''));
    if (gt(min, max)) errs.push(invalid(String(ip.child('min').key(k)), g(min), `min value ${c(min)} is greater than max value ${c(max)}`));
    if (gt(min, defReq)) errs.push(invalid(String(ip.child('defaultRequest').key(k)), g(defReq), `min value ${c(min)} is greater than default request value ${c(defReq)}`));
    if (gt(defReq, max)) errs.push(invalid(String(ip.child('defaultRequest').key(k)), g(defReq), `default request value ${c(defReq)} is greater than max value ${c(max)}`));
    if (gt(defReq, def)) errs.push(invalid(String(ip.child('defaultRequest').key(k)), g(defReq), `default request value ${c(defReq)} is greater than default limit value ${c(def)}`));
    if (gt(min, def)) errs.push(invalid(String(ip.child('default').key(k)), g(min), `min value ${c(min)} is greater than default value ${c(def)}`));
    if (gt(def, max)) errs.push(invalid(String(ip.child('default').key(k)), g(max), `default value ${c(def)} is greater than max value ${c(max)}`));
  }
  return errs;
}

export function validateLimitRange(lr: Obj): FieldError[] {
  const errs = validateObjectMeta(lr.metadata, true, nameIsDNSSubdomain);
  const types = ['Container', 'Pod', 'PersistentVolumeClaim'];
  (lr.spec?.limits ?? []).forEach((item: Obj, i: number) => {
    const ip = p('spec', 'limits').index(i);
    if (!types.includes(item.type) && !String(item.type ?? '').includes('/')) errs.push(notSupported(String(ip.child('type')), item.type ?? '', types));
    for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
      for (const [name, value] of sortedEntries(item[field])) {
        const q = parseQuantity(value as string);
        if (q && q.nanos < 0n) errs.push(invalid(String(ip.child(field).key(name)), canonicalQuantity(value as string), IS_NEGATIVE));
      }
    }
    if (item.type === 'Pod') {
      if (Object.keys(item.default ?? {}).length) errs.push(forbidden(String(ip.child('default')), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(item.defaultRequest ?? {}).length) errs.push(forbidden(String(ip.child('defaultRequest')), "may not be specified when `type` is 'Pod'"));
    }
    errs.push(...limitOrderErrors(item, ip));
  });
  return errs;
}
