// Strategic merge of lists (apimachinery strategicpatch mergeSlice and its ordering rules): maps merge
// by their merge key, primitives as sets; `$patch: delete|replace` items; the final order follows
// `$setElementOrder` (or the patch), with server-only items interleaved by their live position.
import { PATCH, badPatchType, indexIn, noMergeKey, smpError, takeRaw } from './smp-common.js';
import { SMP } from './errors.js';
import { goFormat, goJsonKind, type JsonObject } from './json.js';
import type { FieldType } from './meta/types.js';

export type MergeMapFn = (original: JsonObject, patch: JsonObject, t: FieldType) => JsonObject;

/** Whether the items are maps; errors for mixed item types and lists of lists (sliceElementType). */
export function itemsAreMaps(original: readonly unknown[], patch: readonly unknown[]): boolean {
  const kinds = new Set([...original, ...patch].map(goJsonKind));
  if (kinds.size > 1) throw smpError(`list element types are not identical: ${goFormat([original, patch])}`);
  if (kinds.has('array')) throw smpError(SMP.noListOfLists);
  return kinds.has('object');
}

/** mergeSlice: merges `patch` into `original` for a `patchStrategy:"merge"` list. */
export function mergeList(
  original: readonly unknown[],
  patch: readonly unknown[],
  item: FieldType,
  mergeKey: string | undefined,
  isDeleteList: boolean,
  mergeMap: MergeMapFn,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return [...original];
  if (!itemsAreMaps(original, patch)) {
    if (isDeleteList) return original.filter((x) => indexIn(patch, x, undefined) < 0);
    const merged = dedupe([...original, ...patch]);
    const [fromPatch, serverOnly] = partition(merged, patch, undefined);
    return normalizeOrder(fromPatch, serverOnly, patch, original, undefined);
  }
  if (!mergeKey) throw smpError('cannot merge lists without merge key');
  const special = applySpecialItems(original as JsonObject[], patch as JsonObject[], mergeKey);
  const merged = mergeByKey(special.original, special.patch, item, mergeKey, mergeMap);
  const [fromPatch, serverOnly] = partition(merged, special.patch, mergeKey);
  return normalizeOrder(fromPatch, serverOnly, special.patch, special.original, mergeKey);
}

function dedupe(list: unknown[]): unknown[] {
  return list.filter((x, i) => indexIn(list, x, undefined) === i);
}

/** `{$patch: delete, key: v}` removes items; `{$patch: replace}` makes the patch list the whole list. */
function applySpecialItems(original: JsonObject[], patch: JsonObject[], mergeKey: string) {
  let kept = [...original];
  const plain: JsonObject[] = [];
  let replace = false;
  for (const p of patch) {
    if (!(PATCH in p)) {
      plain.push(p);
      continue;
    }
    const directive = p[PATCH];
    if (directive === 'delete') {
      if (!(mergeKey in p)) throw noMergeKey(p, mergeKey);
      kept = kept.filter((o) => o[mergeKey] !== p[mergeKey]);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw smpError('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, p);
    }
  }
  return replace ? { original: plain.map((p) => takeRaw(p) as JsonObject), patch: [] } : { original: kept, patch: plain };
}

function mergeByKey(original: JsonObject[], patch: JsonObject[], item: FieldType, mergeKey: string, mergeMap: MergeMapFn): JsonObject[] {
  const out = [...original];
  for (const p of patch) {
    if (!(mergeKey in p)) throw noMergeKey(p, mergeKey);
    const i = out.findIndex((o) => o[mergeKey] === p[mergeKey]);
    if (i >= 0) out[i] = mergeMap({ ...out[i]! }, p, item);
    else out.push(takeRaw(p) as JsonObject);
  }
  return out;
}

/** Splits merged items into those named in `order` (patch items) and the server-only rest. */
export function partition(merged: readonly unknown[], order: readonly unknown[], mergeKey: string | undefined): [unknown[], unknown[]] {
  const inOrder: unknown[] = [];
  const rest: unknown[] = [];
  for (const x of merged) (indexIn(order, x, mergeKey) >= 0 ? inOrder : rest).push(x);
  return [inOrder, rest];
}

/**
 * normalizeElementOrder: patch items sorted by the patch order, server-only items by the live
 * order, then interleaved. A server-only item goes first only when both are live and it was
 * earlier, so items new to the list come before the server-only items that follow them.
 */
export function normalizeOrder(
  fromPatch: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string | undefined,
): unknown[] {
  const right = sortBy(fromPatch, patchOrder, mergeKey);
  const left = sortBy(serverOnly, serverOrder, mergeKey);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++]);
    else if (i >= left.length) out.push(right[j++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}

function sortBy(items: unknown[], order: readonly unknown[], mergeKey: string | undefined): unknown[] {
  const rank = (x: unknown) => indexIn(order, x, mergeKey);
  return items
    .map((x, pos) => ({ x, pos, r: rank(x) }))
    .sort((a, b) => (a.r >= 0 && b.r >= 0 ? a.r - b.r : a.pos - b.pos))
    .map((e) => e.x);
}
