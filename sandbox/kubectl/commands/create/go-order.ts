// The order encoding/json prints a typed object in: struct fields in Go declaration order
// (TypeMeta's kind and apiVersion first), map keys sorted. kubectl prints generator results
// (`create configmap … --dry-run=server -o json`) as typed objects, so their JSON follows it.
// The walk finds each node's type in the OpenAPI definitions; GO_FIELD_ORDER (recorded from the
// real kubectl 1.32, see go-field-order.ts) says the declaration order. Fields not recorded
// there follow in the definition's (alphabetical) order.
import { DEFINITIONS, definitionNameForKind, resolve } from '../../../engine/schema/definitions.js';
import type { Definition, Schema } from '../../../engine/schema/types.js';
import type { KubeObject } from '../../../engine/objects.js';
import { GO_FIELD_ORDER } from './go-field-order.js';

/** Raw JSON fields (fieldsV1) are printed as the server sent them. */
const RAW = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1']);

export function goOrdered(obj: KubeObject): KubeObject {
  const name = definitionNameForKind(obj.apiVersion, obj.kind);
  if (!name) return obj;
  // spec and status are value structs: encoding/json prints `{}` even when the server sent none.
  const props = DEFINITIONS[name].properties ?? {};
  const filled: Record<string, unknown> = { ...obj };
  for (const field of ['spec', 'status']) if (props[field]?.$ref && filled[field] === undefined) filled[field] = {};
  return orderStruct(filled, name) as unknown as KubeObject;
}

function orderStruct(value: Record<string, unknown>, defName: string): Record<string, unknown> {
  const def: Definition | undefined = DEFINITIONS[defName];
  if (!def?.properties || RAW.has(defName)) return value;
  const declared = GO_FIELD_ORDER[defName] ?? [];
  const keys = Object.keys(value);
  const known = declared.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !known.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) out[k] = orderValue(value[k], def.properties[k]);
  return out;
}

function orderValue(value: unknown, schema: Schema | undefined): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => orderValue(v, schema.items));
  const ref = schema.$ref ? resolve(schema) : undefined;
  if (ref) {
    const name = schema.$ref!.slice(schema.$ref!.lastIndexOf('/') + 1);
    return orderStruct(value as Record<string, unknown>, name);
  }
  // A map: keys sorted, values by the map's value schema.
  const map = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(map).sort()) out[k] = orderValue(map[k], schema.additionalProperties);
  return out;
}
