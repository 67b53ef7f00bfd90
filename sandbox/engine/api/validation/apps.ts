// apps/v1: Deployment, ReplicaSet, DaemonSet, StatefulSet, ControllerRevision
// (pkg/apis/apps/validation and the registry strategies' update rules, 1.32).
import { forbidden, GoValue, goQuote, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { validatePodTemplateSpec } from './core-pod.js';
import {
  goLabelSelector, goStringMap, invalidEach, jsonEqual, p, validateAnnotations, validateImmutable, validateLabels, validateLabelSelector,
  validateNonnegative, validateObjectMeta, validateObjectMetaUpdate, type Obj,
} from './meta.js';
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { selectorKind, selectorMatches } from './selector.js';

const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

/** Go's %#v of an intstr.IntOrString value. */
export function goIntOrString(v: unknown): GoValue {
  if (typeof v === 'string') return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`);
}

function validatePositiveIntOrPercent(v: unknown, path: FieldPath): FieldError[] {
  if (typeof v === 'string') return invalidEach(path, goIntOrString(v), isValidPercent(v));
  if (typeof v === 'number') return validateNonnegative(v, path);
  return [];
}
const percentValue = (v: unknown): number | undefined => (typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined);
const intOrPercentValue = (v: unknown): number => percentValue(v) ?? (typeof v === 'number' ? v : 0);
function notMoreThan100Percent(v: unknown, path: FieldPath): FieldError[] {
  const pct = percentValue(v);
  return pct !== undefined && pct > 100 ? [invalid(String(path), goIntOrString(v), 'must not be greater than 100%')] : [];
}

/** The selector checks Deployment and ReplicaSet share; `kindWord` is "deployment" for both, as in Go. */
function validateWorkloadSelector(selector: Obj | undefined, path: FieldPath, kindWord: string): FieldError[] {
  if (!selector) return [required(String(path))];
  const errs = validateLabelSelector(selector, path);
  if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid(String(path), goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
  }
  return errs;
}

function validateTemplateForReplicaSet(spec: Obj, path: FieldPath, kindName: string): FieldError[] {
  const template: Obj = spec.template ?? {};
  const errs: FieldError[] = [];
  if (selectorKind(spec.selector) !== 'everything' && !selectorMatches(spec.selector, template.metadata?.labels)) {
    errs.push(invalid(String(path.child('metadata', 'labels')), goStringMap(template.metadata?.labels), SELECTOR_MISMATCH));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(String(path.child('spec', 'restartPolicy')), restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(String(path.child('spec', 'activeDeadlineSeconds')), `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}

function selectorOrTemplate(spec: Obj, sp: FieldPath): FieldError[] {
  if (selectorKind(spec.selector) === 'invalid') return [invalid(String(sp.child('selector')), goLabelSelector(spec.selector), 'invalid label selector')];
  return validateTemplateForReplicaSet(spec, sp.child('template'), 'ReplicaSet');
}

function goDeploymentStrategy(s: Obj): GoValue {
  const ru = s.rollingUpdate ? '&apps.RollingUpdateDeployment{…}' : '(*apps.RollingUpdateDeployment)(nil)';
  return new GoValue(`apps.DeploymentStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`);
}

function validateDeploymentStrategy(strategy: Obj | undefined, path: FieldPath): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate ? [forbidden(String(path.child('rollingUpdate')), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type !== 'RollingUpdate') return [notSupported(String(path), goDeploymentStrategy(s), ['Recreate', 'RollingUpdate'])];
  if (!s.rollingUpdate) return [required(String(path.child('rollingUpdate')), 'this should be defaulted and never be nil')];
  const ru = s.rollingUpdate;
  const rp = path.child('rollingUpdate');
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')), ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge'))];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(String(rp.child('maxUnavailable')), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
  return errs;
}

function validateDeploymentSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs = validateNonnegative(s.replicas, sp.child('replicas'));
  errs.push(...validateWorkloadSelector(s.selector, sp.child('selector'), 'deployment'));
  errs.push(...selectorOrTemplate(s, sp));
  errs.push(...validateDeploymentStrategy(s.strategy, sp.child('strategy')));
  errs.push(...validateNonnegative(s.minReadySeconds, sp.child('minReadySeconds')));
  errs.push(...validateNonnegative(s.revisionHistoryLimit, sp.child('revisionHistoryLimit')));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegative(s.progressDeadlineSeconds, sp.child('progressDeadlineSeconds')));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid(String(sp.child('progressDeadlineSeconds')), s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export const validateDeployment = (d: Obj) => [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d.spec)];

const selectorImmutable = (o: Obj, old: Obj) => validateImmutable(o.spec?.selector, old.spec?.selector, p('spec', 'selector'), (v) => goLabelSelector(v as Obj));

export function validateDeploymentUpdate(d: Obj, old: Obj): FieldError[] {
  return [...validateObjectMetaUpdate(d.metadata, old.metadata), ...validateDeploymentSpec(d.spec), ...selectorImmutable(d, old)];
}

function validateReplicaSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs = validateNonnegative(s.replicas, sp.child('replicas'));
  errs.push(...validateNonnegative(s.minReadySeconds, sp.child('minReadySeconds')));
  errs.push(...validateWorkloadSelector(s.selector, sp.child('selector'), 'deployment'));
  errs.push(...selectorOrTemplate(s, sp));
  return errs;
}

export const validateReplicaSet = (rs: Obj) => [...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs.spec)];
export const validateReplicaSetUpdate = (rs: Obj, old: Obj) => [
  ...validateObjectMetaUpdate(rs.metadata, old.metadata),
  ...validateReplicaSetSpec(rs.spec),
  ...selectorImmutable(rs, old),
];

function validateDaemonSetStrategy(strategy: Obj | undefined, path: FieldPath): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'OnDelete') return [];
  if (s.type !== 'RollingUpdate') {
    const ru = s.rollingUpdate ? '&apps.RollingUpdateDaemonSet{…}' : '(*apps.RollingUpdateDaemonSet)(nil)';
    return [notSupported(String(path), new GoValue(`apps.DaemonSetUpdateStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`), ['RollingUpdate', 'OnDelete'])];
  }
  if (!s.rollingUpdate) return [required(String(path.child('rollingUpdate')))];
  const ru = s.rollingUpdate;
  const rp = path.child('rollingUpdate');
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')), ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge'))];
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')), ...notMoreThan100Percent(ru.maxSurge, rp.child('maxSurge')));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(String(rp.child('maxSurge')), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(String(rp.child('maxUnavailable')), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateDaemonSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const template: Obj = s.template ?? {};
  const errs = validateLabelSelector(s.selector, sp.child('selector'));
  const kind = selectorKind(s.selector);
  if (kind !== 'invalid' && !selectorMatches(s.selector, template.metadata?.labels) && kind !== 'everything') {
    errs.push(invalid(String(sp.child('template', 'metadata', 'labels')), goStringMap(template.metadata?.labels), SELECTOR_MISMATCH));
  }
  if (kind === 'everything') errs.push(invalid(String(sp.child('selector')), goLabelSelector(s.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(template, sp.child('template')));
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(String(sp.child('template', 'spec', 'restartPolicy')), restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(String(sp.child('template', 'spec', 'activeDeadlineSeconds')), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegative(s.minReadySeconds, sp.child('minReadySeconds')));
  errs.push(...validateNonnegative(s.templateGeneration, sp.child('templateGeneration')));
  errs.push(...validateDaemonSetStrategy(s.updateStrategy, sp.child('updateStrategy')));
  errs.push(...validateNonnegative(s.revisionHistoryLimit, sp.child('revisionHistoryLimit')));
  return errs;
}

export const validateDaemonSet = (ds: Obj) => [...validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(ds.spec)];
export const validateDaemonSetUpdate = (ds: Obj, old: Obj) => [
  ...validateObjectMetaUpdate(ds.metadata, old.metadata),
  ...validateDaemonSetSpec(ds.spec),
  ...selectorImmutable(ds, old),
];

function validateStatefulSetStrategy(s: Obj, sp: FieldPath): FieldError[] {
  const strategy: Obj = s.updateStrategy ?? {};
  const path = sp.child('updateStrategy');
  if (!strategy.type) return [required(String(path))];
  if (strategy.type === 'OnDelete') {
    return strategy.rollingUpdate ? [invalid(String(path.child('rollingUpdate')), new GoValue('apps.RollingUpdateStatefulSetStrategy{…}'), "only allowed for updateStrategy 'RollingUpdate'")] : [];
  }
  if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate;
    if (!ru) return [];
    const errs = validateNonnegative(ru.partition, path.child('rollingUpdate', 'partition'));
    if (ru.maxUnavailable !== undefined) {
      const mp = path.child('rollingUpdate', 'maxUnavailable');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, mp));
      if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(String(mp), goIntOrString(ru.maxUnavailable), 'cannot be 0'));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, mp));
    }
    return errs;
  }
  return [invalid(String(path), new GoValue(`apps.StatefulSetUpdateStrategy{Type:${goQuote(strategy.type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'")];
}

function validateRetentionPolicy(policy: Obj | undefined, path: FieldPath): FieldError[] {
  if (!policy) return [];
  const errs: FieldError[] = [];
  for (const f of ['whenDeleted', 'whenScaled']) {
    const v = policy[f];
    if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(String(path.child(f)), v ?? '', ['Retain', 'Delete']));
  }
  return errs;
}

/** StatefulSet templates get only labels and annotations checked: Go leaves the pod spec to the pods. */
function validateStatefulSetSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy;
  if (!pmp) errs.push(required(String(sp.child('podManagementPolicy'))));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(String(sp.child('podManagementPolicy')), pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateStatefulSetStrategy(s, sp));
  errs.push(...validateRetentionPolicy(s.persistentVolumeClaimRetentionPolicy, sp.child('persistentVolumeClaimRetentionPolicy')));
  errs.push(...validateNonnegative(s.replicas, sp.child('replicas')));
  errs.push(...validateNonnegative(s.minReadySeconds, sp.child('minReadySeconds')));
  if (s.ordinals) errs.push(...validateNonnegative(s.ordinals.start, sp.child('ordinals.start')));
  errs.push(...validateWorkloadSelector(s.selector, sp.child('selector'), 'statefulset'));
  const template: Obj = s.template ?? {};
  const tp = sp.child('template');
  if (selectorKind(s.selector) === 'invalid') errs.push(invalid(String(sp.child('selector')), goLabelSelector(s.selector), ''));
  else {
    if (selectorKind(s.selector) !== 'everything' && !selectorMatches(s.selector, template.metadata?.labels)) {
      errs.push(invalid(String(tp.child('metadata', 'labels')), goStringMap(template.metadata?.labels), SELECTOR_MISMATCH));
    }
    errs.push(...validateLabels(template.metadata?.labels, tp.child('labels')));
    errs.push(...validateAnnotations(template.metadata?.annotations, tp.child('annotations')));
  }
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(String(tp.child('spec', 'restartPolicy')), restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(String(tp.child('spec', 'activeDeadlineSeconds')), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

export const validateStatefulSet = (ss: Obj) => [...validateObjectMeta(ss.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(ss.spec)];

const STATEFULSET_MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];
export function validateStatefulSetUpdate(ss: Obj, old: Obj): FieldError[] {
  const errs = [...validateObjectMetaUpdate(ss.metadata, old.metadata), ...validateStatefulSetSpec(ss.spec)];
  const strip = (spec: Obj | undefined) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)));
  if (!jsonEqual(strip(ss.spec), strip(old.spec))) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

export function validateControllerRevision(cr: Obj): FieldError[] {
  const errs = validateObjectMeta(cr.metadata, true, nameIsDNSSubdomain);
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...validateNonnegative(cr.revision, p('revision')));
  return errs;
}
export const validateControllerRevisionUpdate = (cr: Obj, old: Obj) => [
  ...validateObjectMetaUpdate(cr.metadata, old.metadata),
  ...validateControllerRevision(cr),
  ...validateImmutable(cr.data, old.data, p('data'), () => new GoValue('runtime.RawExtension{…}')),
];
