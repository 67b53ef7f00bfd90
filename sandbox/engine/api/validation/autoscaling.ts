// autoscaling/v2 HorizontalPodAutoscaler and autoscaling/v1 Scale (pkg/apis/autoscaling/validation, 1.32).
import { invalid, required, type FieldError, type FieldPath } from '../field-errors.js';
import { IS_NEGATIVE, invalidEach, p, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isValidPathSegmentName, nameIsDNSSubdomain } from './names.js';

const MAX_STABILIZATION_WINDOW = 3600;
const METRIC_TYPES = ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'];

function validateTargetRef(ref: Obj | undefined, path: FieldPath): FieldError[] {
  const r = ref ?? {};
  const errs: FieldError[] = [];
  if (!r.kind) errs.push(required(String(path.child('kind'))));
  else errs.push(...invalidEach(path.child('kind'), r.kind, isValidPathSegmentName(r.kind)));
  if (!r.name) errs.push(required(String(path.child('name'))));
  else errs.push(...invalidEach(path.child('name'), r.name, isValidPathSegmentName(r.name)));
  return errs;
}

function validateTarget(target: Obj | undefined, path: FieldPath): FieldError[] {
  const t = target ?? {};
  const errs: FieldError[] = [];
  if (!t.type) errs.push(required(String(path.child('type')), 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) errs.push(invalid(String(path.child('type')), t.type, 'must be either Utilization, Value, or AverageValue'));
  if (t.averageUtilization !== undefined && t.averageUtilization < 1) errs.push(invalid(String(path.child('averageUtilization')), t.averageUtilization, 'must be greater than 0'));
  if (t.type === 'Utilization' && t.averageUtilization === undefined) errs.push(required(String(path.child('averageUtilization')), 'must set averageUtilization when type is Utilization'));
  return errs;
}

function validateMetrics(metrics: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (metrics ?? []).forEach((m, i) => {
    const mp = path.index(i);
    if (!m.type) {
      errs.push(required(String(mp.child('type')), 'must specify a metric source type'));
      return;
    }
    if (!METRIC_TYPES.includes(m.type)) {
      errs.push(invalid(String(mp.child('type')), m.type, 'must be either External, Object, Pods, Resource or ContainerResource'));
      return;
    }
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      const key = m.type === 'Resource' ? 'resource' : 'containerResource';
      const src = m[key];
      if (!src) {
        errs.push(required(String(mp.child(key)), `must populate information for the given metric source`));
        return;
      }
      if (!src.name) errs.push(required(String(mp.child(key, 'name')), 'must specify a resource name'));
      errs.push(...validateTarget(src.target, mp.child(key, 'target')));
    }
  });
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
  (rules.policies ?? []).forEach((policy: Obj, i: number) => {
    const pp = path.child('policies').index(i);
    if ((policy.value ?? 0) <= 0) errs.push(invalid(String(pp.child('value')), policy.value ?? 0, 'must be greater than zero'));
    if ((policy.periodSeconds ?? 0) <= 0) errs.push(invalid(String(pp.child('periodSeconds')), policy.periodSeconds ?? 0, 'must be greater than zero'));
    else if (policy.periodSeconds > 1800) errs.push(invalid(String(pp.child('periodSeconds')), policy.periodSeconds, 'must be less than or equal to 1800'));
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
