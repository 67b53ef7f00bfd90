// Pieces of strategic merge shared by the map and list halves: directive names, error helpers and
// the clean-up of values taken whole from a patch.
import { badRequest, type StatusError } from '../errors.js';
import { plainServerError, SMP, unprocessable } from './errors.js';
import { goFormat, isObject, type JsonObject } from './json.js';

export const PATCH = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ORDER = '$setElementOrder/';
export const DELETE_FROM = '$deleteFromPrimitiveList/';

export const isDirectiveKey = (k: string) =>
  k === PATCH || k === RETAIN_KEYS || k.startsWith(SET_ORDER) || k.startsWith(DELETE_FROM);

/** The handler's interpretStrategicMergePatchError: some texts are 400, some 422, the rest 500. */
export function smpError(message: string): StatusError {
  switch (message) {
    case SMP.badJSONDoc:
    case SMP.badPrimitiveList:
    case SMP.badRetainKeys:
    case SMP.badSetElementOrder:
    case SMP.unsupported:
      return badRequest(message);
    case SMP.noListOfLists:
    case SMP.retainKeysMismatch:
      return unprocessable();
    default:
      return plainServerError(message);
  }
}

export const noMergeKey = (m: JsonObject, key: string) => smpError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);
export const badPatchType = (t: unknown, m: JsonObject) => smpError(`unknown patch type: ${goFormat(t)} in map: ${goFormat(m)}`);

/**
 * A patch value the original lacks is stored as sent; nulls are discarded (IgnoreUnmatchedNulls) and
 * directive keys vanish when the result is decoded into the Go type.
 */
export function takeWhole(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(takeWhole);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && !isDirectiveKey(k)) out[k] = takeWhole(v);
  return out;
}

/** Index of `item` in `list`: by merge key value for maps, by value for primitives. */
export function indexIn(list: readonly unknown[], item: unknown, mergeKey: string | undefined): number {
  if (mergeKey && isObject(item)) {
    const key = item[mergeKey];
    return list.findIndex((x) => isObject(x) && sameScalar(x[mergeKey], key));
  }
  return list.findIndex((x) => sameScalar(x, item));
}

const sameScalar = (a: unknown, b: unknown) => a === b && a !== undefined;
