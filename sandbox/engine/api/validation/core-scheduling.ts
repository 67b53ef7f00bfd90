// Pod scheduling fields: affinity, topology spread constraints and security contexts
// (validateAffinity, validateTopologySpreadConstraints, validatePodSpecSecurityContext; 1.32).
import { forbidden, GoValue, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { invalidEach, validateLabelName, validateLabelSelector, type Obj } from './meta.js';
import { inclusiveRangeError, isDNS1123Label } from './names.js';

const MAX_ID = 2147483647;

function validateNodeSelectorRequirement(rq: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values: string[] = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(String(path.child('values')), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(String(path.child('values')), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(String(path.child('values')), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(String(path.child('operator')), rq.operator ?? '', 'not a valid selector operator'));
  }
  return [...errs, ...validateLabelName(rq.key ?? '', path.child('key'))];
}

function validateNodeSelectorTerm(term: Obj | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (term?.matchExpressions ?? []).forEach((rq: Obj, i: number) => errs.push(...validateNodeSelectorRequirement(rq, path.child('matchExpressions').index(i))));
  (term?.matchFields ?? []).forEach((rq: Obj, i: number) => {
    const fp = path.child('matchFields').index(i);
    if (rq.operator !== 'In' && rq.operator !== 'NotIn') errs.push(invalid(String(fp.child('operator')), rq.operator ?? '', 'not a valid selector operator'));
    else if ((rq.values ?? []).length !== 1) errs.push(required(String(fp.child('values')), 'must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector'));
    if (rq.key !== 'metadata.name') errs.push(notSupported(String(fp.child('key')), rq.key ?? '', ['metadata.name']));
  });
  return errs;
}

function validateNodeAffinity(na: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) {
    const tp = path.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    const terms: Obj[] = req.nodeSelectorTerms ?? [];
    if (terms.length === 0) errs.push(required(String(tp), 'must have at least one node selector term'));
    terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, tp.index(i))));
  }
  (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term: Obj, i: number) => {
    const ip = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    if (!(term.weight > 0 && term.weight <= 100)) errs.push(invalid(String(ip.child('weight')), term.weight ?? 0, 'must be in the range 1-100'));
    errs.push(...validateNodeSelectorTerm(term.preference, ip.child('preference')));
  });
  return errs;
}

function validatePodAffinityTerm(term: Obj, path: FieldPath): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, path.child('labelSelector'));
  errs.push(...validateLabelSelector(term.namespaceSelector, path.child('namespaceSelector')));
  for (const ns of term.namespaces ?? []) errs.push(...invalidEach(path.child('namespace'), ns, isDNS1123Label(ns)));
  if (!term.topologyKey) errs.push(required(String(path.child('topologyKey')), 'can not be empty'));
  return [...errs, ...validateLabelName(term.topologyKey ?? '', path.child('topologyKey'))];
}

function validatePodAffinity(pa: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term: Obj, i: number) =>
    errs.push(...validatePodAffinityTerm(term, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))),
  );
  (pa.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((w: Obj, i: number) => {
    const ip = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    if (!(w.weight > 0 && w.weight <= 100)) errs.push(invalid(String(ip.child('weight')), w.weight ?? 0, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm ?? {}, ip.child('podAffinityTerm')));
  });
  return errs;
}

export function validateAffinity(affinity: Obj | undefined, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  if (affinity.nodeAffinity) errs.push(...validateNodeAffinity(affinity.nodeAffinity, path.child('nodeAffinity')));
  if (affinity.podAffinity) errs.push(...validatePodAffinity(affinity.podAffinity, path.child('podAffinity')));
  if (affinity.podAntiAffinity) errs.push(...validatePodAffinity(affinity.podAntiAffinity, path.child('podAntiAffinity')));
  return errs;
}

const UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];

export function validateTopologySpreadConstraints(constraints: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const ip = path.index(i);
    if (!(c.maxSkew > 0)) errs.push(invalid(String(ip.child('maxSkew')), c.maxSkew ?? 0, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(String(ip.child('topologyKey')), 'can not be empty'));
    if (!UNSATISFIABLE.includes(c.whenUnsatisfiable)) errs.push(notSupported(String(ip.child('whenUnsatisfiable')), c.whenUnsatisfiable ?? '', UNSATISFIABLE));
    // Go compares each constraint with the later ones, so the first of a pair is reported.
    if (list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errs.push({ type: 'FieldValueDuplicate', field: `${ip}.{topologyKey, whenUnsatisfiable}`, badValue: `{${c.topologyKey ?? ''}, ${c.whenUnsatisfiable ?? ''}}` });
    }
    if (c.minDomains !== undefined) {
      const mp = String(ip.child('minDomains'));
      if (c.minDomains <= 0) errs.push(invalid(mp, c.minDomains, 'must be greater than zero'));
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(invalid(mp, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable ?? ''}`));
      }
    }
    errs.push(...validateLabelSelector(c.labelSelector, ip.child('labelSelector')));
  });
  return errs;
}

function validateIds(sc: Obj, path: FieldPath, fields: string[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of fields) {
    const v = sc[f];
    if (v !== undefined && (v < 0 || v > MAX_ID)) errs.push(invalid(String(path.child(f)), v, inclusiveRangeError(0, MAX_ID)));
  }
  return errs;
}

export function validatePodSecurityContext(sc: Obj | undefined, path: FieldPath): FieldError[] {
  if (!sc) return [];
  const errs = validateIds(sc, path, ['fsGroup', 'runAsUser', 'runAsGroup']);
  (sc.supplementalGroups ?? []).forEach((g: number, i: number) => {
    if (g < 0 || g > MAX_ID) errs.push(invalid(String(path.child('supplementalGroups').index(i)), g, inclusiveRangeError(0, MAX_ID)));
  });
  return errs;
}

/** ValidateSecurityContext for a container; Go prints the whole struct (with pointers) as the bad value. */
export function validateContainerSecurityContext(sc: Obj | undefined, path: FieldPath): FieldError[] {
  if (!sc) return [];
  const errs = validateIds(sc, path, ['runAsUser', 'runAsGroup']);
  if (sc.procMount !== undefined && !['Default', 'Unmasked'].includes(sc.procMount)) {
    errs.push(notSupported(String(path.child('procMount')), sc.procMount, ['Default', 'Unmasked']));
  }
  if (sc.allowPrivilegeEscalation === false) {
    const whole = new GoValue('&core.SecurityContext{…}');
    if (sc.privileged === true) errs.push(invalid(String(path), whole, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if ((sc.capabilities?.add ?? []).includes('CAP_SYS_ADMIN')) {
      errs.push(invalid(String(path), whole, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  return errs;
}
