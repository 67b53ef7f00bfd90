// Server-side apply's view of unknown fields (apiserver fieldmanager → structured-merge-diff).
// The applied object is converted to a typed value whatever fieldValidation says; a field the
// schema lacks fails the request with a plain error, which the handler turns into a 500 Status
// without a reason (kubectl: `Error from server: failed to create typed patch object
// (default/web; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema`).
// structured-merge-diff paths: `.spec.foo`, list items by merge key `[name="nginx"]` (or by all
// list-map keys, `[containerPort=80,protocol="TCP"]`), other list items by index `[0]`. It reports
// only the first unknown field of each object (Go map order: we take sorted keys).
import { StatusError } from '../api/errors.js';
import { DEFINITIONS, definitionNameForKind, resolve } from './definitions.js';
import type { Schema } from './types.js';

const UNKNOWN = 'field not declared in schema';
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Defaults structured-merge-diff fills in for missing list-map key fields (from the schema's defaults). */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

function itemElement(schema: Schema, item: unknown, index: number): string {
  const keys = schema['x-kubernetes-list-map-keys'] ?? (schema['x-kubernetes-patch-merge-key'] && schema['x-kubernetes-patch-strategy']?.includes('merge') ? [schema['x-kubernetes-patch-merge-key']] : undefined);
  if (!keys || !isPlainObject(item)) return `[${index}]`;
  return `[${keys.map((k) => `${k}=${JSON.stringify(item[k] ?? KEY_DEFAULTS[k])}`).join(',')}]`;
}

function walkValue(schema: Schema, value: unknown, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (schema.$ref) {
    const def = resolve(schema);
    if (def?.properties && isPlainObject(value)) walkObject(def.properties, value, path, out);
    return;
  }
  if (schema.items && Array.isArray(value)) value.forEach((item, i) => walkValue(schema.items!, item, `${path}${itemElement(schema, item, i)}`, out));
  if (schema.additionalProperties && isPlainObject(value)) {
    for (const key of Object.keys(value).sort()) walkValue(schema.additionalProperties, value[key], `${path}.${key}`, out);
  }
}

function walkObject(properties: Record<string, Schema>, value: Record<string, unknown>, path: string, out: string[]): void {
  for (const key of Object.keys(value).sort()) {
    const schema = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (!schema) {
      out.push(`${path}.${key}: ${UNKNOWN}`);
      return; // structured-merge-diff stops walking this object at its first unknown field
    }
    walkValue(schema, value[key], `${path}.${key}`, out);
  }
}

/** structured-merge-diff's validation errors for an applied object: `.spec.foo: field not declared in schema`. */
export function applyFieldErrors(apiVersion: string, kind: string, obj: unknown): string[] {
  const name = definitionNameForKind(apiVersion, kind);
  const properties = name ? DEFINITIONS[name].properties : undefined;
  const out: string[] = [];
  if (properties && isPlainObject(obj)) walkObject(properties, obj, '', out);
  return out;
}

/** ValidationErrors.Error(): one alone, or `errors:` then each on its own line, indented. */
export const validationErrorsText = (errors: string[]) => (errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n'));

/** `apps/v1, Kind=Deployment` or `/v1, Kind=Pod`: Go's GroupVersionKind.String(). */
const gvkString = (apiVersion: string, kind: string) => `${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Kind=${kind}`;

export interface ApplyTarget {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** The error a server-side apply fails with when the applied object has unknown fields. */
export function applyDecodeError(target: ApplyTarget, obj: unknown): StatusError | undefined {
  const errors = applyFieldErrors(target.apiVersion, target.kind, obj);
  if (!errors.length) return undefined;
  const where = `${target.namespace ?? ''}/${target.name}; ${gvkString(target.apiVersion, target.kind)}`;
  const message = `failed to create typed patch object (${where}): ${validationErrorsText(errors)}`;
  // Not an API status error: ErrorToAPIStatus makes it a 500 with no reason.
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}
