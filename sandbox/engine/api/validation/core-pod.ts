// Pods, pod specs and pod templates (pkg/apis/core/validation ValidatePodSpec and friends, 1.32).
import { type FieldPath, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { validateContainers, validateInitContainers } from './core-container.js';
import { validateVolumes } from './core-volumes.js';
import { specDiff } from './spec-diff.js';
import { validateAffinity, validatePodSecurityContext, validateTopologySpreadConstraints } from './core-scheduling.js';
import { invalidEach, jsonEqual, p, validateAnnotations, validateLabelName, validateLabels, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './names.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

function validateRestartPolicy(policy: string | undefined, path: FieldPath): FieldError[] {
  if (!policy) return [required(String(path))];
  return RESTART_POLICIES.includes(policy) ? [] : [notSupported(String(path), policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string | undefined, path: FieldPath): FieldError[] {
  if (!policy) return [required(String(path))];
  return DNS_POLICIES.includes(policy) ? [] : [notSupported(String(path), policy, DNS_POLICIES)];
}

export function validateTolerations(tolerations: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const ip = path.index(i);
    if (t.key) errs.push(...validateLabelName(t.key, ip.child('key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(String(ip.child('operator')), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(String(ip.child('effect')), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (t.operator && t.operator !== 'Equal' && t.operator !== 'Exists') {
      errs.push(notSupported(String(ip.child('operator')), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(String(ip.child('effect')), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateImagePullSecrets(secrets: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (secrets ?? []).forEach((s, i) => {
    if (!s.name) errs.push(required(String(path.index(i).child('name'))));
  });
  return errs;
}

/** ValidatePodSpec, in the order the Go code checks the fields. */
export function validatePodSpec(spec: Obj | undefined, path: FieldPath): FieldError[] {
  const s = spec ?? {};
  const { errors: errs, names: volumes } = validateVolumes(s.volumes, path.child('volumes'));
  errs.push(...validateContainers(s.containers, volumes, path.child('containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, volumes, path.child('initContainers')));
  errs.push(...validateRestartPolicy(s.restartPolicy, path.child('restartPolicy')));
  errs.push(...validateDNSPolicy(s.dnsPolicy, path.child('dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector, path.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(s.securityContext, path.child('securityContext')));
  errs.push(...validateImagePullSecrets(s.imagePullSecrets, path.child('imagePullSecrets')));
  errs.push(...validateAffinity(s.affinity, path.child('affinity')));
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  if (s.serviceAccountName) errs.push(...invalidEach(path.child('serviceAccountName'), s.serviceAccountName, isDNS1123Subdomain(s.serviceAccountName)));
  if (s.nodeName) errs.push(...invalidEach(path.child('nodeName'), s.nodeName, isDNS1123Subdomain(s.nodeName)));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(String(path.child('activeDeadlineSeconds')), s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...invalidEach(path.child('hostname'), s.hostname, isDNS1123Label(s.hostname)));
  if (s.subdomain) errs.push(...invalidEach(path.child('subdomain'), s.subdomain, isDNS1123Label(s.subdomain)));
  errs.push(...validateTolerations(s.tolerations, path.child('tolerations')));
  if (s.priorityClassName) errs.push(...invalidEach(path.child('priorityClassName'), s.priorityClassName, isDNS1123Subdomain(s.priorityClassName)));
  return errs;
}

/** ValidatePodTemplateSpec: note the labels path is `template.labels`, not `template.metadata.labels`. */
export function validatePodTemplateSpec(template: Obj | undefined, path: FieldPath): FieldError[] {
  const t = template ?? {};
  const meta = t.metadata ?? {};
  const errs = validateLabels(meta.labels, path.child('labels'));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(t.spec, path.child('spec')));
  if ((t.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(String(path.child('spec', 'ephemeralContainers')), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** Pods (not templates, for compatibility) may not have images with surrounding whitespace. */
function validateImagesOnlyForPod(containers: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const image = String(c.image ?? '');
    if (image !== image.trim()) errs.push(invalid(String(path.index(i).child('image')), image, 'must not have leading or trailing whitespace'));
  });
  return errs;
}

export function validatePod(pod: Obj): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  const spec = p('spec');
  errs.push(...validatePodSpec(pod.spec, spec));
  errs.push(...validateImagesOnlyForPod(pod.spec?.containers, spec.child('containers')));
  errs.push(...validateImagesOnlyForPod(pod.spec?.initContainers, spec.child('initContainers')));
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden(String(spec.child('ephemeralContainers')), 'cannot be set on create'));
  return errs;
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The spec with the fields a pod update may change copied from the old spec (Go's "munged" spec). */
function mungedSpec(spec: Obj, old: Obj): Obj {
  const out: Obj = { ...spec };
  const withOldImages = (list: Obj[] | undefined, oldList: Obj[] | undefined) =>
    list?.map((c, i) => (oldList?.[i] ? { ...c, image: oldList[i].image } : c));
  out.containers = withOldImages(spec.containers, old.containers);
  out.initContainers = withOldImages(spec.initContainers, old.initContainers);
  out.activeDeadlineSeconds = old.activeDeadlineSeconds;
  out.tolerations = old.tolerations;
  out.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  return out;
}

/** ValidateContainerUpdates: the container count is fixed; images must stay set and trimmed. */
function validateContainerUpdates(next: Obj[] | undefined, prev: Obj[] | undefined, path: FieldPath): { errs: FieldError[]; stop: boolean } {
  if ((next ?? []).length !== (prev ?? []).length) return { errs: [forbidden(String(path), 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    const image = String(c.image ?? '');
    if (!image) errs.push(required(String(path.index(i).child('image'))));
    if (image !== image.trim()) errs.push(invalid(String(path.index(i).child('image')), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** activeDeadlineSeconds may only shrink; undefined means "no error, keep going". */
function validateDeadlineUpdate(next: number | undefined, prev: number | undefined, path: FieldPath): { errs: FieldError[]; stop: boolean } {
  if (next !== undefined) {
    if (next < 0 || next > MAX_INT32) return { errs: [invalid(String(path), next, inclusiveRangeError(0, MAX_INT32))], stop: true };
    if (prev !== undefined && prev < next) return { errs: [invalid(String(path), next, 'must be less than or equal to previous value')], stop: true };
    return { errs: [], stop: false };
  }
  if (prev !== undefined) return { errs: [invalid(String(path), null, 'must not update from a positive integer to nil value')], stop: false };
  return { errs: [], stop: false };
}

/** Tolerations may be added; existing ones may change only their tolerationSeconds. */
function validateOnlyAddedTolerations(next: Obj[] | undefined, prev: Obj[] | undefined, path: FieldPath): FieldError[] {
  const same = (a: Obj, b: Obj) => ['key', 'operator', 'value', 'effect'].every((k) => (a[k] ?? '') === (b[k] ?? ''));
  for (const old of prev ?? []) {
    if (!(next ?? []).some((t) => same(t, old))) return [forbidden(String(path), 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

/** ValidatePodUpdate: metadata, the pod as a whole, then only images, deadline and tolerations may change. */
export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePod({ ...pod, spec: { ...pod.spec, ephemeralContainers: undefined } }));
  const spec = p('spec');
  const newSpec: Obj = pod.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  for (const [field, path] of [['containers', spec.child('containers')], ['initContainers', spec.child('initContainers')]] as const) {
    const r = validateContainerUpdates(newSpec[field], oldSpec[field], path);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadline = validateDeadlineUpdate(newSpec.activeDeadlineSeconds, oldSpec.activeDeadlineSeconds, spec.child('activeDeadlineSeconds'));
  errs.push(...deadline.errs);
  if (deadline.stop) return errs;
  errs.push(...validateOnlyAddedTolerations(newSpec.tolerations, oldSpec.tolerations, spec.child('tolerations')));
  const munged = mungedSpec(newSpec, oldSpec);
  if (!jsonEqual(munged, oldSpec)) errs.push(forbidden(String(spec), `${POD_UPDATE_FORBIDDEN}\n${specDiff('core.PodSpec', oldSpec, munged)}`));
  return errs;
}
