// --overrides for generated objects (kubectl's OverrideOptions): the inline JSON is applied to
// the generated object as a JSON merge patch (the default), a JSON patch or a strategic merge
// patch, and the result decoded back into the typed object, as `kubectl run` does.
import { applyJsonMergePatch, applyJsonPatch, applyStrategicMergePatch } from '../../engine/api/patch/index.js';
import type { KubeObject } from '../../engine/objects.js';
import { DEFINITIONS, definitionNameForKind, resolve } from '../../engine/schema/definitions.js';
import type { Schema } from '../../engine/schema/types.js';
import { UsageError } from '../host.js';

export function applyOverrides(obj: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (!overrides) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    // evanphx/json-patch cannot read the fragment.
    throw new UsageError('Invalid JSON Patch');
  }
  let merged: unknown;
  if (overrideType === 'merge' || overrideType === '') {
    // A list replaces the whole document; a scalar is no merge patch at all.
    if (patch === null || typeof patch !== 'object') throw new UsageError('Invalid JSON Patch');
    merged = Array.isArray(patch) ? patch : applyJsonMergePatch(obj, patch);
  }
  else if (overrideType === 'json') merged = applyJsonPatch(obj, patch);
  else if (overrideType === 'strategic') merged = applyStrategicMergePatch(obj, patch);
  else throw new UsageError(`invalid override type: ${overrideType}`);
  if (!merged || typeof merged !== 'object' || Array.isArray(merged)) {
    throw new UsageError(`couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(merged) ? 'array' : typeof merged} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  const typed = merged as KubeObject;
  const defName = definitionNameForKind(typed.apiVersion, typed.kind);
  return asTypedPod(defName ? (knownFieldsOnly(typed, defName) as KubeObject) : typed);
}

/** The Go decoder drops fields its struct does not have. */
function knownFieldsOnly(value: unknown, defName: string): unknown {
  const props = DEFINITIONS[defName]?.properties;
  if (!props || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (props[k]) out[k] = pruneBySchema(v, props[k]);
  return out;
}

function pruneBySchema(value: unknown, schema: Schema): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return schema.items ? value.map((v) => pruneBySchema(v, schema.items!)) : value;
  if (schema.$ref && resolve(schema)) return knownFieldsOnly(value, schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1));
  if (schema.additionalProperties) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruneBySchema(v, schema.additionalProperties!)]));
  return value;
}

/**
 * Decoding into the Go struct and encoding again: every container prints `resources: {}` (a
 * struct field encoding/json never omits), and the object keeps `status: {}`.
 */
function asTypedPod(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Pod') return obj;
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  for (const field of ['initContainers', 'containers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    spec[field] = list.map((c: Record<string, unknown>) => (c && typeof c === 'object' && !('resources' in c) ? { ...c, resources: {} } : c));
  }
  return { ...obj, spec, status: obj.status ?? {} };
}
