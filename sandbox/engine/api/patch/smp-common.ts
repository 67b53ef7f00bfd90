// Pieces of strategic merge shared by the map and list halves: directive names, error helpers and
// the clean-up of values taken whole from a patch.
import { badRequest, type StatusError } from '../errors.js';
import { plainServerError, SMP, unprocessable } from './errors.js';
import { goFormat, isObject, type JsonObject } from './json.js';

export const PATCH = '$patch';
export const RETAIN_KEYS = '$retainKeys';
/** The directive's name, as error texts print it; keys are `$setElementOrder/<list>`. */
export const SET_ORDER_NAME = '$setElementOrder';
export const SET_ORDER = `${SET_ORDER_NAME}/`;
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
 * A patch value for a key the original lacks: nulls are discarded (IgnoreUnmatchedNulls) and every
 * map holding a `$patch` directive, in maps and lists alike, is dropped — what kubectl 1.32's
 * strategicpatch does. Other directive keys vanish when the result is decoded into the Go type.
 */
export function takeWhole(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !hasPatchDirective(v)).map(takeWhole);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(k) || hasPatchDirective(v)) continue;
    out[k] = takeWhole(v);
  }
  return out;
}

/**
 * A patch value stored as sent (a replaced list, an appended item, a value of another type): only
 * what decoding into the Go type loses goes — nulls and directive keys.
 */
export function takeRaw(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(takeRaw);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && !isDirectiveKey(k)) out[k] = takeRaw(v);
  return out;
}

const hasPatchDirective = (v: unknown) => isObject(v) && PATCH in v;

/** Index of `item` in `list`: by merge key value for maps, by value for primitives. */
export function indexIn(list: readonly unknown[], item: unknown, mergeKey: string | undefined): number {
  if (mergeKey && isObject(item)) {
    const key = item[mergeKey];
    return list.findIndex((x) => isObject(x) && sameScalar(x[mergeKey], key));
  }
  return list.findIndex((x) => sameScalar(x, item));
}

const sameScalar = (a: unknown, b: unknown) => a === b && a !== undefined;
