// rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding, ClusterRoleBinding
// (pkg/apis/rbac/validation, 1.32). RBAC names are path segments, not DNS names.
import { GoValue, goQuote, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { goStringSlice, invalidEach, p, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isDNS1123Subdomain, isValidPathSegmentName, pathSegmentName } from './names.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function validatePolicyRule(rule: Obj, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(required(String(path.child('verbs')), 'verbs must contain at least one value'));
  const urls: string[] = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced) errs.push(invalid(String(path.child('nonResourceURLs')), goStringSlice(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if ((rule.apiGroups ?? []).length || (rule.resources ?? []).length || (rule.resourceNames ?? []).length) {
      errs.push(invalid(String(path.child('nonResourceURLs')), goStringSlice(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(required(String(path.child('apiGroups')), 'resource rules must supply at least one api group'));
  if ((rule.resources ?? []).length === 0) errs.push(required(String(path.child('resources')), 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(obj: Obj, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (obj.rules ?? []).forEach((rule: Obj, i: number) => errs.push(...validatePolicyRule(rule, namespaced, p('rules').index(i))));
  return errs;
}

export const validateRole = (role: Obj) => [...validateObjectMeta(role.metadata, true, pathSegmentName), ...validateRules(role, true)];
export const validateClusterRole = (role: Obj) => [...validateObjectMeta(role.metadata, false, pathSegmentName), ...validateRules(role, false)];
export const validateRoleUpdate = (role: Obj, old: Obj) => [...validateRole(role), ...validateObjectMetaUpdate(role.metadata, old.metadata)];
export const validateClusterRoleUpdate = (role: Obj, old: Obj) => [...validateClusterRole(role), ...validateObjectMetaUpdate(role.metadata, old.metadata)];

function validateSubject(subject: Obj, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!subject.name) errs.push(required(String(path.child('name'))));
  const apiGroup = subject.apiGroup ?? '';
  switch (subject.kind) {
    case 'ServiceAccount':
      if (subject.name) errs.push(...invalidEach(path.child('name'), subject.name, isDNS1123Subdomain(subject.name)));
      if (apiGroup) errs.push(notSupported(String(path.child('apiGroup')), apiGroup, ['']));
      if (!namespaced && !subject.namespace) errs.push(required(String(path.child('namespace'))));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(String(path.child('apiGroup')), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(String(path.child('kind')), subject.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(binding: Obj, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(binding.metadata, namespaced, pathSegmentName);
  const ref: Obj = binding.roleRef ?? {};
  if ((ref.apiGroup ?? '') !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required('roleRef.name'));
  else errs.push(...invalidEach('roleRef.name', ref.name, isValidPathSegmentName(ref.name)));
  (binding.subjects ?? []).forEach((s: Obj, i: number) => errs.push(...validateSubject(s, namespaced, p('subjects').index(i))));
  return errs;
}

/** Go's %#v of an rbac.RoleRef, as "cannot change roleRef" prints it. */
const goRoleRef = (ref: Obj = {}) =>
  new GoValue(`rbac.RoleRef{APIGroup:${goQuote(ref.apiGroup ?? '')}, Kind:${goQuote(ref.kind ?? '')}, Name:${goQuote(ref.name ?? '')}}`);

function validateBindingUpdate(binding: Obj, old: Obj, namespaced: boolean): FieldError[] {
  const errs = [...validateBinding(binding, namespaced), ...validateObjectMetaUpdate(binding.metadata, old.metadata)];
  const a: Obj = binding.roleRef ?? {};
  const b: Obj = old.roleRef ?? {};
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalid('roleRef', goRoleRef(a), 'cannot change roleRef'));
  return errs;
}

export const validateRoleBinding = (b: Obj) => validateBinding(b, true);
export const validateClusterRoleBinding = (b: Obj) => validateBinding(b, false);
export const validateRoleBindingUpdate = (b: Obj, old: Obj) => validateBindingUpdate(b, old, true);
export const validateClusterRoleBindingUpdate = (b: Obj, old: Obj) => validateBindingUpdate(b, old, false);
