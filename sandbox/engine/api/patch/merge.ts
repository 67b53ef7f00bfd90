// JSON merge patch (RFC 7386) as the API server applies it: evanphx/json-patch MergePatch, then the
// handler decodes the result into the kind.
import { badRequest } from '../errors.js';
import { notAnObjectAfterPatch } from './errors.js';
import { copyJson, isObject, type JsonObject } from './json.js';

/**
 * Applies `patch` to `current` without touching either. A null or scalar patch is the library's
 * ErrBadJSONPatch (400 "Invalid JSON Patch"); a list replaces the document, which then cannot be
 * decoded as an object (422 on field `patch`).
 */
export function applyJsonMergePatch(current: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) throw notAnObjectAfterPatch(JSON.stringify(patch.map(pruneNulls)));
  if (!isObject(patch)) throw badRequest('Invalid JSON Patch');
  return mergeObjects(isObject(current) ? copyJson(current) : {}, patch);
}

function mergeObjects(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = mergeObjects(out[key] as JsonObject, value);
    else out[key] = pruneNulls(value);
  }
  return out;
}

/** A value taken whole from a patch loses its null members (nulls inside lists stay, like the library). */
export function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? null : pruneNulls(v)));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v);
  return out;
}
