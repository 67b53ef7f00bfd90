// The small API groups: storage.k8s.io StorageClass, coordination.k8s.io Lease, policy/v1
// PodDisruptionBudget and events.k8s.io/v1 Event (1.32 validation texts).
import { forbidden, GoValue, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { goIntOrString } from './apps.js';
import { invalidEach, jsonEqual, p, validateImmutable, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isQualifiedName, isValidPercent, nameIsDNSSubdomain } from './names.js';

export function validateStorageClass(sc: Obj): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, false, nameIsDNSSubdomain);
  const provisioner = String(sc.provisioner ?? '');
  if (!provisioner) errs.push(required('provisioner'));
  else errs.push(...invalidEach('provisioner', provisioner.toLowerCase(), isQualifiedName(provisioner.toLowerCase())));
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (!sc.volumeBindingMode) errs.push(required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  return errs;
}

export function validateStorageClassUpdate(sc: Obj, old: Obj): FieldError[] {
  const errs = [...validateObjectMetaUpdate(sc.metadata, old.metadata)];
  if (!jsonEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutable(sc.volumeBindingMode, old.volumeBindingMode, p('volumeBindingMode')));
  return errs;
}

export function validateLease(lease: Obj): FieldError[] {
  const errs = validateObjectMeta(lease.metadata, true, nameIsDNSSubdomain);
  const s: Obj = lease.spec ?? {};
  if (s.leaseDurationSeconds !== undefined && s.leaseDurationSeconds <= 0) errs.push(invalid('spec.leaseDurationSeconds', s.leaseDurationSeconds, 'must be greater than 0'));
  if (s.leaseTransitions !== undefined && s.leaseTransitions < 0) errs.push(invalid('spec.leaseTransitions', s.leaseTransitions, 'must be greater than or equal to 0'));
  return errs;
}

function intOrPercentErrors(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    const msgs = isValidPercent(v);
    if (msgs.length) return invalidEach(path, goIntOrString(v), msgs);
    return Number(v.slice(0, -1)) > 100 ? [invalid(path, goIntOrString(v), 'must not be greater than 100%')] : [];
  }
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

function validatePDBSpec(spec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.minAvailable !== undefined && s.maxUnavailable !== undefined) {
    errs.push(invalid('spec', new GoValue('policy.PodDisruptionBudgetSpec{…}'), 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (s.minAvailable !== undefined) errs.push(...intOrPercentErrors(s.minAvailable, 'spec.minAvailable'));
  if (s.maxUnavailable !== undefined) errs.push(...intOrPercentErrors(s.maxUnavailable, 'spec.maxUnavailable'));
  errs.push(...validateLabelSelector(s.selector, p('spec', 'selector')));
  const policy = s.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !['AlwaysAllow', 'IfHealthyBudget'].includes(policy)) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}

export const validatePDB = (pdb: Obj) => [...validateObjectMeta(pdb.metadata, true, nameIsDNSSubdomain), ...validatePDBSpec(pdb.spec)];
export const validatePDBUpdate = (pdb: Obj, old: Obj) => [...validateObjectMetaUpdate(pdb.metadata, old.metadata), ...validatePDBSpec(pdb.spec)];

/** events.k8s.io/v1: paths use the internal field names (source, firstTimestamp), as in Go. */
export function validateEventsV1Event(ev: Obj): FieldError[] {
  const errs = validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  if (!ev.eventTime) errs.push(required('eventTime'));
  if (ev.type !== 'Normal' && ev.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${ev.type ?? ''}`));
  if (ev.deprecatedFirstTimestamp) errs.push(invalid('firstTimestamp', '', 'needs to be unset'));
  if (ev.deprecatedLastTimestamp) errs.push(invalid('lastTimestamp', '', 'needs to be unset'));
  if (ev.deprecatedCount) errs.push(invalid('count', '', 'needs to be unset'));
  if (ev.deprecatedSource?.component || ev.deprecatedSource?.host) errs.push(invalid('source', '', 'needs to be unset'));
  if (!ev.reportingController) errs.push(required('reportingController'));
  else errs.push(...invalidEach('reportingController', ev.reportingController, isQualifiedName(ev.reportingController)));
  if (!ev.reportingInstance) errs.push(required('reportingInstance'));
  if (!ev.action) errs.push(required('action'));
  if (!ev.reason) errs.push(required('reason'));
  return errs;
}
