// Walks of typed values for server-side apply: the field set of a value, the comparison of two
// values (added / modified / removed paths), the apply merge, and the removal of paths.
import { deepEqual, isObject, type JsonObject } from '../json.js';
import { childType, itemType, isAtomic, type FieldType, type ListType } from '../meta/types.js';
import { FieldSet } from './fieldset.js';

type Shape = 'leaf' | 'map' | 'list';

/** How apply treats a value: deduced objects are granular maps, deduced lists are atomic. */
function shapeOf(t: FieldType, a: unknown, b: unknown): Shape {
  const v = a ?? b;
  if (isAtomic(t)) return 'leaf';
  if (isObject(v) && (a == null || isObject(a)) && (b == null || isObject(b))) return t.kind === 'list' ? 'leaf' : 'map';
  if (Array.isArray(v) && (a == null || Array.isArray(a)) && (b == null || Array.isArray(b))) {
    return t.kind === 'list' && t.listType !== 'atomic' ? 'list' : 'leaf';
  }
  return 'leaf';
}

/** The path element of a list item: `v:` for sets, `k:` for maps (defaults fill missing keys), else `i:`. */
export function itemElement(t: ListType, item: unknown, index: number): string {
  if (t.listType === 'set') return `v:${JSON.stringify(item)}`;
  if (t.listType === 'map' && isObject(item)) {
    const key: JsonObject = {};
    for (const k of [...(t.keys ?? [])].sort()) {
      const v = item[k] ?? t.keyDefaults?.[k];
      if (v === undefined) return `i:${index}`;
      key[k] = v;
    }
    return `k:${JSON.stringify(key)}`;
  }
  return `i:${index}`;
}

function itemsByElement(t: FieldType, list: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (Array.isArray(list)) list.forEach((item, i) => out.set(itemElement(t as ListType, item, i), item));
  return out;
}

const isEmptyContainer = (v: unknown) => v == null || (isObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);

/** ToFieldSet: every leaf, every list item, and empty containers as leaves. */
export function fieldSetOf(value: unknown, t: FieldType, path: string[] = [], out = new FieldSet()): FieldSet {
  if (value == null) return out;
  const shape = shapeOf(t, value, undefined);
  if (shape === 'leaf' || isEmptyContainer(value)) {
    if (path.length > 0) out.insert(path);
    return out;
  }
  if (shape === 'map') {
    for (const [k, v] of Object.entries(value as JsonObject)) fieldSetOf(v, childType(t, k), [...path, `f:${k}`], out);
    return out;
  }
  for (const [pe, item] of itemsByElement(t, value)) {
    out.insert([...path, pe]);
    if ((t as ListType).listType === 'map') fieldSetOf(item, itemType(t), [...path, pe], out);
  }
  return out;
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

export function compare(lhs: unknown, rhs: unknown, t: FieldType): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareAt(lhs, rhs, t, [], c);
  return c;
}

/** `undefined` is an absent field; `null` is present (a Go field without omitempty) but empty. */
function compareAt(lhs: unknown, rhs: unknown, t: FieldType, path: string[], c: Comparison): void {
  if (lhs === undefined && rhs === undefined) return;
  const shape = shapeOf(t, lhs ?? undefined, rhs ?? undefined);
  if (shape === 'leaf' || (isEmptyContainer(lhs) && isEmptyContainer(rhs))) {
    if (path.length === 0) return;
    if (lhs === undefined) c.added.insert(path);
    else if (rhs === undefined) c.removed.insert(path);
    else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
    return;
  }
  if (shape === 'map') {
    const l = (lhs ?? {}) as JsonObject;
    const r = (rhs ?? {}) as JsonObject;
    for (const k of new Set([...Object.keys(l), ...Object.keys(r)])) compareAt(l[k], r[k], childType(t, k), [...path, `f:${k}`], c);
  } else {
    const l = itemsByElement(t, lhs);
    const r = itemsByElement(t, rhs);
    const granular = (t as ListType).listType === 'map';
    for (const pe of new Set([...l.keys(), ...r.keys()])) {
      const [a, b] = [l.get(pe), r.get(pe)];
      if (a === undefined) c.added.insert([...path, pe]);
      if (b === undefined) c.removed.insert([...path, pe]);
      if (granular) compareAt(a, b, itemType(t), [...path, pe], c);
      else if (a !== undefined && b !== undefined && !deepEqual(a, b)) c.modified.insert([...path, pe]);
    }
  }
  if (path.length === 0) return;
  if (lhs === undefined) c.added.insert(path);
  if (rhs === undefined) c.removed.insert(path);
}
