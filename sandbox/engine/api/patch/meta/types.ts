// Patch metadata: what the Go struct tags (`patchStrategy`, `patchMergeKey`) and the OpenAPI markers
// (`+listType`, `+listMapKey`, `+structType=atomic`, `+mapType=atomic`) of k8s.io/api say about a field.
// Only fields that differ from the defaults are declared: an undeclared field is "deduced" — objects
// merge key by key, lists are replaced whole (SMP) and atomic (server-side apply).

export type FieldType = StructType | MapType | ListType | ScalarType | DeducedType;

export interface StructType {
  kind: 'struct';
  fields: Record<string, FieldType>;
  /** `+structType=atomic`: owned and replaced as one value by server-side apply. */
  atomic?: boolean;
}

export interface MapType {
  kind: 'map';
  values: FieldType;
  /** `+mapType=atomic`. */
  atomic?: boolean;
}

export interface ListType {
  kind: 'list';
  items: FieldType;
  /** Server-side apply's view: `+listType`, or what the patch strategy implies. */
  listType: 'atomic' | 'set' | 'map';
  /** `+listMapKey`s, for listType map. */
  keys?: string[];
  /** Key fields with a schema default (e.g. protocol TCP), used when an item omits them. */
  keyDefaults?: Record<string, unknown>;
  /** Strategic merge: `patchStrategy:"merge"`; absent means replace. */
  strategy?: 'merge';
  /** Strategic merge: `patchMergeKey`; absent for merged lists of primitives. */
  mergeKey?: string;
}

export interface ScalarType {
  kind: 'scalar';
}

export interface DeducedType {
  kind: 'deduced';
}

export const DEDUCED: DeducedType = { kind: 'deduced' };
export const SCALAR: ScalarType = { kind: 'scalar' };

export interface PatchMeta {
  apiVersion: string;
  kind: string;
  /** False for kinds the engine has no Go types for (custom resources): no strategic merge. */
  known: boolean;
  root: FieldType;
  /**
   * The kind's Go zero value as JSON: the non-pointer structs that exist even in an empty object.
   * Managed fields of a create are computed against it, which decides where `.` entries appear.
   */
  skeleton: Record<string, unknown>;
}

// Builders that keep the per-group tables short.

export const struct = (fields: Record<string, FieldType>, atomic = false): StructType =>
  atomic ? { kind: 'struct', fields, atomic } : { kind: 'struct', fields };

export const atomicStruct = (): StructType => ({ kind: 'struct', fields: {}, atomic: true });

export const mapOf = (values: FieldType = SCALAR, atomic = false): MapType =>
  atomic ? { kind: 'map', values, atomic } : { kind: 'map', values };

export const atomicList = (items: FieldType = DEDUCED): ListType => ({ kind: 'list', items, listType: 'atomic' });

/** `patchStrategy:"merge"` on a list of primitives: a set for both SMP and apply. */
export const mergedSet = (): ListType => ({ kind: 'list', items: SCALAR, listType: 'set', strategy: 'merge' });

/** `+listType=set` without a patch strategy: replaced by SMP, a set for apply. */
export const applySet = (): ListType => ({ kind: 'list', items: SCALAR, listType: 'set' });

interface MergedListOptions {
  keys?: string[];
  keyDefaults?: Record<string, unknown>;
  /** Some lists merge by key in SMP but are `+listType=atomic` for apply. */
  atomicForApply?: boolean;
}

/** `patchStrategy:"merge" patchMergeKey:"<key>"` (and listType map unless said otherwise). */
export function mergedList(mergeKey: string, items: FieldType = DEDUCED, o: MergedListOptions = {}): ListType {
  const list: ListType = { kind: 'list', items, listType: o.atomicForApply ? 'atomic' : 'map', strategy: 'merge', mergeKey };
  if (!o.atomicForApply) list.keys = o.keys ?? [mergeKey];
  if (o.keyDefaults) list.keyDefaults = o.keyDefaults;
  return list;
}

/** `+listType=map` without a patch strategy: replaced by SMP, merged by key for apply. */
export const applyMapList = (keys: string[], items: FieldType = DEDUCED): ListType => ({ kind: 'list', items, listType: 'map', keys });

/** The type of `key` inside a value of type `t`. */
export function childType(t: FieldType, key: string): FieldType {
  if (t.kind === 'struct') return t.fields[key] ?? DEDUCED;
  if (t.kind === 'map') return t.values;
  return DEDUCED;
}

/** The type of the items of a list field (deduced lists have deduced items). */
export const itemType = (t: FieldType): FieldType => (t.kind === 'list' ? t.items : DEDUCED);

/** Whether server-side apply owns the value as one leaf. */
export const isAtomic = (t: FieldType): boolean =>
  t.kind === 'scalar' || ((t.kind === 'struct' || t.kind === 'map') && t.atomic === true) || (t.kind === 'list' && t.listType === 'atomic');
