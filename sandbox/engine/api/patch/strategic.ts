// Strategic merge patch (apimachinery pkg/util/strategicpatch, as the API server runs it with
// MergeParallelList and IgnoreUnmatchedNulls). Field behaviour comes from the kind's patch metadata.
import type { KubeObject } from '../../objects.js';
import { SMP, strategicMergeUnsupported, unmarshalError } from './errors.js';
import { copyJson, goFormat, goJsonKind, isObject, type JsonObject } from './json.js';
import { childType, itemType, patchMetaFor, type FieldType, type ListType } from './meta/index.js';
import { DELETE_FROM, PATCH, RETAIN_KEYS, SET_ORDER, SET_ORDER_NAME, badPatchType, indexIn, smpError, takeRaw, takeWhole } from './smp-common.js';
import { itemsAreMaps, mergeList, normalizeOrder, partition } from './strategic-list.js';

/** Whether the kind has Go types, and so accepts application/strategic-merge-patch+json. */
export const supportsStrategicMerge = (apiVersion: string, kind: string) => patchMetaFor(apiVersion, kind).known;

export function applyStrategicMergePatch(current: KubeObject, patch: unknown): KubeObject {
  const meta = patchMetaFor(current.apiVersion, current.kind);
  if (!meta.known) throw strategicMergeUnsupported();
  if (patch === null) return copyJson(current);
  if (!isObject(patch)) throw unmarshalError(goJsonKind(patch), 'map[string]interface {}');
  return mergeMap(copyJson(current) as JsonObject, patch, meta.root) as KubeObject;
}

/** Merges `patch` into `original`, which is a private copy and is changed in place. */
function mergeMap(original: JsonObject, patchIn: JsonObject, t: FieldType): JsonObject {
  const patch: JsonObject = { ...patchIn };
  if (PATCH in patch) {
    const directive = patch[PATCH];
    delete patch[PATCH];
    if (directive === 'replace') return takeRaw(patch) as JsonObject;
    if (directive === 'delete') return {};
    throw badPatchType(directive, patchIn);
  }
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, t);
  for (const [rawKey, value] of Object.entries(patch)) {
    const isDeleteList = rawKey.startsWith(DELETE_FROM);
    const key = isDeleteList ? rawKey.slice(DELETE_FROM.length) : rawKey;
    if (value === null) {
      delete original[key];
      continue;
    }
    if (!(key in original)) {
      if (!isDeleteList) original[key] = takeWhole(value);
      continue;
    }
    original[key] = mergeValue(original[key], value, childType(t, key), isDeleteList);
  }
  return original;
}

function mergeValue(original: unknown, patch: unknown, t: FieldType, isDeleteList: boolean): unknown {
  // A deletion list that is not a list deletes nothing (no error either, as the real merge does).
  if (isDeleteList && !Array.isArray(patch)) return original;
  if (isObject(original) && isObject(patch)) return mergeMap({ ...original }, patch, t);
  if (Array.isArray(original) && Array.isArray(patch)) {
    if (!isMergeList(t)) return takeRaw(patch);
    return mergeList(original, patch, itemType(t), t.mergeKey, isDeleteList, mergeMap);
  }
  // Different JSON types, or scalars: the patch value wins.
  return takeRaw(patch);
}

const isMergeList = (t: FieldType): t is ListType => t.kind === 'list' && t.strategy === 'merge';

/** `$retainKeys`: drop the original keys not listed; every patched key must be listed. */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const keys = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(keys)) throw smpError(SMP.badRetainKeys);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM) || k.startsWith(SET_ORDER)) continue;
    if (!keys.includes(k)) throw smpError(SMP.badRetainKeys);
  }
  for (const k of Object.keys(original)) if (!keys.includes(k)) delete original[k];
}

/**
 * `$setElementOrder/<list>` (mergePatchIntoOriginal): merges the list it names now, then orders the
 * result by it, and removes both from the patch so the main loop skips them.
 */
function applySetElementOrders(original: JsonObject, patch: JsonObject, t: FieldType): void {
  for (const directiveKey of Object.keys(patch).filter((k) => k.startsWith(SET_ORDER))) {
    const order = patch[directiveKey];
    const key = directiveKey.slice(SET_ORDER.length);
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw smpError(SMP.badSetElementOrder);
    const lt = childType(t, key);
    const mergeKey = lt.kind === 'list' ? lt.mergeKey : undefined;
    const live = original[key];
    const patched = patch[key];
    if (live !== undefined && !Array.isArray(live)) throw smpError(`expected a []interface {}, but received a ${goJsonKind(live)}`);
    if (patched !== undefined && patched !== null && !Array.isArray(patched)) throw smpError(`expected a []interface {}, but received a ${goJsonKind(patched)}`);
    validateOrder(patched ?? [], order, mergeKey);
    if (live === undefined && patched == null) continue;
    let merged: unknown[];
    if (patched == null) merged = live as unknown[];
    else if (live === undefined) merged = (patched as unknown[]).filter((x) => !(isObject(x) && PATCH in x)).map(takeRaw);
    else merged = mergeValue(live, patched, lt, false) as unknown[];
    delete patch[key];
    if (merged.length === 0) {
      original[key] = merged;
      continue;
    }
    itemsAreMaps(merged, []);
    const [fromPatch, serverOnly] = partition(merged, order, mergeKey);
    original[key] = normalizeOrder(fromPatch, serverOnly, order, (live as unknown[] | undefined) ?? [], mergeKey);
  }
}

/** Items of the patch list must appear in `$setElementOrder` and in the same relative order. */
function validateOrder(patchList: unknown[], order: unknown[], mergeKey: string | undefined): void {
  const items = patchList.filter((x) => !(isObject(x) && PATCH in x));
  let p = 0;
  for (let o = 0; p < items.length && o < order.length; o++) {
    if (indexIn([order[o]], items[p], mergeKey) === 0) p++;
  }
  if (p < items.length) {
    throw smpError(`The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ORDER_NAME} list:\n${goFormat(order)}\n`);
  }
}
