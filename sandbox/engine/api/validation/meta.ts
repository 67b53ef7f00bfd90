// ObjectMeta, labels, annotations and label selectors, as apimachinery pkg/api/validation and
// pkg/apis/meta/v1/validation check them (v0.32).
import { FieldPath, forbidden, GoValue, goQuote, invalid, required, tooLong, type FieldError } from '../field-errors.js';
import { byteLength, isDNS1123Label, isQualifiedName, isValidLabelValue, type NameFn } from './names.js';

/** Decoded JSON as validation walks it: shapes are checked field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Go sorts nothing when it ranges over a map; we sort keys so errors come in a stable order. */
export const sortedEntries = <T>(m: Record<string, T> | undefined | null): [string, T][] =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export const p = (root: string, ...children: string[]) => FieldPath.root(root).child(...children);

/** Each message of a name check as one Invalid error on `path`. */
export const invalidEach = (path: FieldPath | string, value: unknown, msgs: string[]): FieldError[] =>
  msgs.map((m) => invalid(String(path), value, m));

export function validateNonnegative(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(String(path), value, IS_NEGATIVE)] : [];
}

export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return invalidEach(path, key, isQualifiedName(key));
}

export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    errs.push(...invalidEach(path, v, isValidLabelValue(String(v ?? ''))));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    size += byteLength(k) + byteLength(String(v ?? ''));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(String(path), '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

export function validateLabelSelector(selector: Obj | undefined, path: FieldPath): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  (selector.matchExpressions ?? []).forEach((expr: Obj, i: number) => {
    const ep = path.child('matchExpressions').index(i);
    const values: string[] = expr.values ?? [];
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(String(ep.child('values')), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(String(ep.child('values')), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(String(ep.child('operator')), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', ep.child('key')));
    values.forEach((v, vi) => errs.push(...invalidEach(ep.child('values').index(vi), v, isValidLabelValue(v))));
  });
  return errs;
}

/** Go's %#v of a metav1.LabelSelector, as "empty selector" errors print it. */
export function goLabelSelector(sel: Obj | undefined): GoValue {
  if (!sel) return new GoValue('"null"');
  const ml = sel.matchLabels ? goStringMap(sel.matchLabels).text : 'map[string]string(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${(sel.matchExpressions as Obj[])
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values).text}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoValue(`v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}`);
}

/** Go's %#v of a map[string]string (nil when absent). */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  if (!m) return new GoValue('map[string]string(nil)');
  return new GoValue(`map[string]string{${sortedEntries(m).map(([k, v]) => `${goQuote(k)}:${goQuote(String(v))}`).join(', ')}}`);
}

/** Go's %#v of a []string (nil when absent). */
export function goStringSlice(list: string[] | undefined | null): GoValue {
  if (!list) return new GoValue('[]string(nil)');
  return new GoValue(`[]string{${list.map(goQuote).join(', ')}}`);
}

export function validateOwnerReferences(refs: Obj[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = String(ref.apiVersion ?? '').split('/').pop() ?? '';
    if (!version) errs.push(invalid(String(path.child('apiVersion')), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(String(path.child('kind')), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalid(String(path.child('name')), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalid(String(path.child('uid')), ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(String(path), new GoValue('[]v1.OwnerReference{…}'), `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
        );
      } else firstController = current;
    }
  }
  return errs;
}

export function validateFinalizers(finalizers: string[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...invalidEach(path, f, isQualifiedName(f)));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(String(path), goStringSlice(list), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

export function validateObjectMeta(meta: Obj | undefined, requiresNamespace: boolean, nameFn: NameFn, path = p('metadata')): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) errs.push(...invalidEach(path.child('generateName'), m.generateName, nameFn(m.generateName, true)));
  if (!m.name) errs.push(required(String(path.child('name')), 'name or generateName is required'));
  else errs.push(...invalidEach(path.child('name'), m.name, nameFn(m.name, false)));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(String(path.child('namespace'))));
    else errs.push(...invalidEach(path.child('namespace'), m.namespace, isDNS1123Label(m.namespace)));
  } else if (m.namespace) {
    errs.push(forbidden(String(path.child('namespace')), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(m.generation, path.child('generation')));
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, path.child('finalizers')));
  return errs;
}

/**
 * ObjectMetaUpdate without the "resourceVersion must be specified for an update" rule: the store
 * decides whether an update is conditional, so that check lives with it.
 */
export function validateObjectMetaUpdate(meta: Obj | undefined, old: Obj | undefined, path = p('metadata')): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const added = [...new Set<string>(m.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (added.length) {
      errs.push(forbidden(String(path.child('finalizers')), `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added).text}`));
    }
  }
  if ((m.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(String(path.child('generation')), m.generation ?? 0, 'must not be decremented'));
  // rest.BeforeUpdate fills an empty uid from the stored object and always keeps its creationTimestamp.
  for (const f of ['name', 'namespace', 'uid']) {
    if (f === 'uid' && !m.uid) continue;
    if ((m[f] ?? '') !== (o[f] ?? '')) errs.push(invalid(String(path.child(f)), m[f] ?? '', FIELD_IMMUTABLE));
  }
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  return errs;
}

/** Deep equality of decoded JSON values, treating absent, null, empty list and empty map alike (Semantic.DeepEqual on defaulted objects). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => jsonEqual((a as Obj)[k], (b as Obj)[k]));
  }
  return a === b;
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable` when the value changed. */
export function validateImmutable(value: unknown, old: unknown, path: FieldPath, render: (v: unknown) => unknown = (v) => v): FieldError[] {
  return jsonEqual(value, old) ? [] : [invalid(String(path), render(value), FIELD_IMMUTABLE)];
}
