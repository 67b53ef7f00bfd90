// The client-side to server-side apply upgrade path (apiserver fieldmanager lastappliedmanager.go
// and lastappliedupdater.go), both only for the field manager "kubectl": conflicts on fields whose
// live value still matches the last-applied annotation are forced, and the annotation, when the
// object has one, is kept in step with what was applied.
import type { KubeObject } from '../../../objects.js';
import { isObject, type JsonObject } from '../json.js';
import type { FieldType } from '../meta/types.js';
import type { FieldSet } from './fieldset.js';
import { trackedView } from './managed.js';
import { compare, fieldSetOf } from './walk.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const KUBECTL = 'kubectl';

/** Fields of the last-applied configuration whose live value still equals it; undefined without one. */
export function allowedFromLastApplied(live: JsonObject, apiVersion: string, t: FieldType): FieldSet | undefined {
  const text = annotationsOf(live)?.[LAST_APPLIED];
  if (typeof text !== 'string' || text === '') return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(last) || last.apiVersion !== apiVersion) return undefined;
  const lastView = trackedView(last, undefined);
  const c = compare(lastView, trackedView(live, undefined), t);
  return fieldSetOf(lastView, t).difference(c.modified).difference(c.added).difference(c.removed);
}

/** The annotation rewritten from the applied configuration, when the result carries one. */
export function syncLastApplied(result: KubeObject, applied: KubeObject): KubeObject {
  const annotations = annotationsOf(result as JsonObject);
  if (!annotations || !(LAST_APPLIED in annotations)) return result;
  const config = { ...(applied as JsonObject) };
  const meta = { ...(config.metadata as JsonObject) };
  const ann = isObject(meta.annotations) ? { ...meta.annotations } : undefined;
  if (ann) {
    delete ann[LAST_APPLIED];
    if (Object.keys(ann).length > 0) meta.annotations = ann;
    else delete meta.annotations;
  }
  config.metadata = meta;
  const metadata = { ...result.metadata, annotations: { ...annotations, [LAST_APPLIED]: goJson(config) } };
  return { ...result, metadata } as KubeObject;
}

function annotationsOf(o: JsonObject): Record<string, unknown> | undefined {
  const meta = o.metadata;
  return isObject(meta) && isObject(meta.annotations) ? meta.annotations : undefined;
}

/** Go's json.Marshal of an unstructured map: keys sorted at every level, no trailing newline. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
