// The apply merge (structured-merge-diff typed.Merge) and the removal of owned paths (RemoveItems).
import { copyJson, isObject, type JsonObject } from '../json.js';
import { childType, isAtomic, itemType, type FieldType, type ListType } from '../meta/types.js';
import type { FieldSet } from './fieldset.js';
import { itemElement } from './walk.js';

/** Merges the applied configuration `rhs` into the live value `lhs`; rhs wins for leaves. */
export function mergeApplied(lhs: unknown, rhs: unknown, t: FieldType): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined || lhs === null || isAtomic(t)) return copyJson(rhs);
  if (isObject(lhs) && isObject(rhs) && t.kind !== 'list') {
    const out: JsonObject = { ...lhs };
    for (const [k, v] of Object.entries(rhs)) {
      if (v === null) delete out[k];
      else out[k] = mergeApplied(lhs[k], v, childType(t, k));
    }
    return out;
  }
  if (Array.isArray(lhs) && Array.isArray(rhs) && t.kind === 'list' && t.listType !== 'atomic') return mergeItems(lhs, rhs, t);
  return copyJson(rhs);
}

/**
 * List merge order: applied items in their applied order, live-only items kept where they were
 * relative to the shared items (the two-cursor walk of structured-merge-diff's visitListItems).
 */
function mergeItems(lhs: unknown[], rhs: unknown[], t: ListType): unknown[] {
  const lpe = lhs.map((x, i) => itemElement(t, x, i));
  const rpe = rhs.map((x, i) => itemElement(t, x, i));
  const inR = new Set(rpe);
  const inL = new Map(lpe.map((pe, i) => [pe, i]));
  const shared = rpe.filter((pe) => inL.has(pe));
  const done = new Set<string>();
  const out: unknown[] = [];
  const takeRight = (ri: number) => {
    const pe = rpe[ri]!;
    done.add(pe);
    const li = inL.get(pe);
    out.push(t.listType === 'map' ? mergeApplied(li === undefined ? undefined : lhs[li], rhs[ri], itemType(t)) : copyJson(rhs[ri]));
    if (shared[0] === pe) shared.shift();
  };
  let l = 0;
  let r = 0;
  while (l < lhs.length || r < rhs.length) {
    const pe = lpe[l];
    if (pe !== undefined && r < rhs.length) {
      if (pe === rpe[r]) {
        takeRight(r++);
        l++;
        continue;
      }
      // A shared item, but not the next one in the applied order: it is placed when its turn comes.
      if (inR.has(pe) && shared.length > 0 && shared[0] !== pe) {
        l++;
        continue;
      }
    }
    if (pe !== undefined && (!inR.has(pe) || done.has(pe))) {
      if (!inR.has(pe)) out.push(lhs[l]);
      l++;
      continue;
    }
    if (r < rhs.length) takeRight(r++);
    else l++;
  }
  return out;
}

/**
 * Removes the member paths of `set` from `value`. A map emptied by the removal disappears, as an
 * empty map or omitempty struct does once the object is decoded into its Go type.
 */
export function removePaths(value: unknown, set: FieldSet, t: FieldType): unknown {
  if (isObject(value) && t.kind !== 'list') {
    const out: JsonObject = { ...value };
    for (const [pe, sub] of set.children) {
      if (!pe.startsWith('f:')) continue;
      const k = pe.slice(2);
      if (!(k in out)) continue;
      if (sub.member) delete out[k];
      else {
        const before = out[k];
        const after = removePaths(before, sub, childType(t, k));
        if (isObject(after) && Object.keys(after).length === 0 && isObject(before) && Object.keys(before).length > 0) delete out[k];
        else out[k] = after;
      }
    }
    return out;
  }
  if (Array.isArray(value) && t.kind === 'list') {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const sub = set.children.get(itemElement(t, item, i));
      if (!sub) out.push(item);
      else if (!sub.member) out.push(removePaths(item, sub, itemType(t)));
    });
    return out;
  }
  return value;
}
