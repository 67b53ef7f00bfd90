// autoscaling/v2 HorizontalPodAutoscaler and autoscaling/v1 Scale (pkg/apis/autoscaling/validation, 1.32).
import { forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { canonicalQuantity, parseQuantity } from './quantity.js';
import { IS_NEGATIVE, invalidEach, p, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isValidPathSegmentName, nameIsDNSSubdomain } from './names.js';

const MAX_STABILIZATION_WINDOW = 3600;

function validateTargetRef(ref: Obj | undefined, path: FieldPath): FieldError[] {
  const r = ref ?? {};
  const errs: FieldError[] = [];
  if (!r.kind) errs.push(required(String(path.child('kind'))));
  else errs.push(...invalidEach(path.child('kind'), r.kind, isValidPathSegmentName(r.kind)));
  if (!r.name) errs.push(required(String(path.child('name'))));
  else errs.push(...invalidEach(path.child('name'), r.name, isValidPathSegmentName(r.name)));
  return errs;
}

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
/** Metric source type → the field holding its details. */
const SOURCE_FIELDS: Record<string, string> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
};

function validateTarget(target: Obj | undefined, path: FieldPath): FieldError[] {
  const t = target ?? {};
  const errs: FieldError[] = [];
  if (!t.type) errs.push(required(String(path.child('type')), 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) errs.push(invalid(String(path.child('type')), t.type ?? '', 'must be either Utilization, Value, or AverageValue'));
  for (const f of ['value', 'averageValue']) {
    const q = t[f] === undefined ? undefined : parseQuantity(t[f]);
    if (q && q.nanos <= 0n) errs.push(invalid(String(path.child(f)), canonicalQuantity(t[f]), 'must be positive'));
  }
  if (t.averageUtilization !== undefined && t.averageUtilization < 1) errs.push(invalid(String(path.child('averageUtilization')), t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateMetricName(metric: Obj | undefined, path: FieldPath): FieldError[] {
  const name = metric?.name;
  if (!name) return [required(String(path.child('name')), 'must specify a metric name')];
  return invalidEach(path.child('name'), name, isValidPathSegmentName(name));
}

/** The checks of one metric source, by its field name. */
function validateSource(field: string, src: Obj, path: FieldPath): FieldError[] {
  const target: Obj = src.target ?? {};
  const tp = path.child('target');
  const errs: FieldError[] = [];
  if (field === 'resource' || field === 'containerResource') {
    if (!src.name) errs.push(required(String(path.child('name')), 'must specify a resource name'));
    if (field === 'containerResource') {
      if (!src.container) errs.push(required(String(path.child('container')), 'must specify a container'));
    }
    errs.push(...validateTarget(target, tp));
    if (target.averageUtilization === undefined && target.averageValue === undefined) {
      errs.push(required(String(tp.child('averageUtilization')), 'must set either a target raw value or a target utilization'));
    }
    if (target.averageUtilization !== undefined && target.averageValue !== undefined) {
      errs.push(forbidden(String(tp.child('averageValue')), 'may not set both a target raw value and a target utilization'));
    }
    return errs;
  }
  if (field === 'object') errs.push(...validateTargetRef(src.describedObject, path.child('describedObject')));
  errs.push(...validateMetricName(src.metric, path.child('metric')), ...validateTarget(target, tp));
  if (field === 'pods' && target.averageValue === undefined) errs.push(required(String(tp.child('averageValue')), 'must specify a positive target averageValue'));
  if (field === 'object' && target.value === undefined && target.averageValue === undefined) {
    errs.push(required(String(tp.child('averageValue')), 'must set either a target value or averageValue'));
  }
  if (field === 'external' && target.value === undefined && target.averageValue === undefined) {
    errs.push(required(String(tp.child('averageValue')), 'must set either a target value for metric or a per-pod target'));
  }
  return errs;
}

function validateMetricSpec(m: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!m.type) errs.push(required(String(path.child('type')), 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(m.type)) errs.push(notSupported(String(path.child('type')), m.type ?? '', METRIC_SOURCE_TYPES));
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((f) => m[f]);
  if (present.length > 0) errs.push(...validateSource(present[0], m[present[0]], path.child(present[0])));
  const expected = SOURCE_FIELDS[m.type];
  if (expected) {
    if (!m[expected]) errs.push(required(String(path.child(expected)), 'must populate information for the given metric source'));
  } else {
    errs.push(notSupported(String(path.child('type')), m.type ?? '', METRIC_SOURCE_TYPES));
  }
  if (present.length > 1) {
    for (const f of present.filter((x) => x !== expected).sort()) errs.push(forbidden(String(path.child(f)), 'must populate the given metric source only'));
  }
  return errs;
}

function validateMetrics(metrics: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (metrics ?? []).forEach((m, i) => errs.push(...validateMetricSpec(m, path.index(i))));
  return errs;
}

function validateScalingRules(rules: Obj | undefined, path: FieldPath): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(invalid(String(path.child('stabilizationWindowSeconds')), w, 'must be greater than or equal to zero'));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW) {
    errs.push(invalid(String(path.child('stabilizationWindowSeconds')), w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW}`));
  }
  if (rules.selectPolicy !== undefined && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
    errs.push(notSupported(String(path.child('selectPolicy')), rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const policies: Obj[] = rules.policies ?? [];
  if (policies.length === 0) errs.push(required(String(path.child('policies')), 'must specify at least one Policy'));
  policies.forEach((policy, i) => {
    const pp = path.child('policies').index(i);
    if (policy.type !== 'Pods' && policy.type !== 'Percent') errs.push(notSupported(String(pp.child('type')), policy.type ?? '', ['Percent', 'Pods']));
    if ((policy.value ?? 0) <= 0) errs.push(invalid(String(pp.child('value')), policy.value ?? 0, 'must be greater than zero'));
    if ((policy.periodSeconds ?? 0) <= 0) errs.push(invalid(String(pp.child('periodSeconds')), policy.periodSeconds ?? 0, 'must be greater than zero'));
    if (policy.periodSeconds > 1800) errs.push(invalid(String(pp.child('periodSeconds')), policy.periodSeconds, 'must be less than or equal to 1800'));
  });
  return errs;
}

function validateHPASpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs: FieldError[] = [];
  if (s.minReplicas !== undefined && s.minReplicas < 1) errs.push(invalid(String(sp.child('minReplicas')), s.minReplicas, 'must be greater than or equal to 1'));
  const max = s.maxReplicas ?? 0;
  if (max < 1) errs.push(invalid(String(sp.child('maxReplicas')), max, 'must be greater than 0'));
  if (s.minReplicas !== undefined && max < s.minReplicas) errs.push(invalid(String(sp.child('maxReplicas')), max, 'must be greater than or equal to `minReplicas`'));
  // Go stops at the first group that fails: target ref, then metrics, then behavior.
  const refErrs = validateTargetRef(s.scaleTargetRef, sp.child('scaleTargetRef'));
  if (refErrs.length) return [...errs, ...refErrs];
  const metricErrs = validateMetrics(s.metrics, sp.child('metrics'));
  if (metricErrs.length) return [...errs, ...metricErrs];
  const bp = sp.child('behavior');
  return [...errs, ...validateScalingRules(s.behavior?.scaleUp, bp.child('scaleUp')), ...validateScalingRules(s.behavior?.scaleDown, bp.child('scaleDown'))];
}

export const validateHPA = (hpa: Obj) => [...validateObjectMeta(hpa.metadata, true, nameIsDNSSubdomain), ...validateHPASpec(hpa.spec)];
export const validateHPAUpdate = (hpa: Obj, old: Obj) => [...validateObjectMetaUpdate(hpa.metadata, old.metadata), ...validateHPASpec(hpa.spec)];

/** The scale subresource: only replicas are checked (ValidateScale). */
export function validateScale(scale: Obj): FieldError[] {
  const errs = validateObjectMeta(scale.metadata, true, nameIsDNSSubdomain);
  const replicas = scale.spec?.replicas ?? 0;
  if (replicas < 0) errs.push(invalid('spec.replicas', replicas, IS_NEGATIVE));
  return errs;
}
