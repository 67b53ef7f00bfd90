// Walks a JSON value against the schema the way the API server's strict JSON decoder
// (sigs.k8s.io/json over encoding/json) does, in document order, collecting
// - unknown fields, with the strict decoder's paths: `spec.template.spec.containers[0].foo`;
// - type errors, with encoding/json's texts: `json: cannot unmarshal string into Go struct field
//   DeploymentSpec.spec.replicas of type int32` (its field path has no indices or map keys).
// encoding/json keeps going after a type error and reports the first one; an error from a type's own
// UnmarshalJSON (IntOrString, Quantity, Time) stops decoding at once and wins ("fatal").
import { DEFINITIONS, structName } from './definitions.js';
import { goTypeOf } from './go-types.js';
import { base64Error, quantityError } from './scalar-formats.js';
import { refName, type Schema } from './types.js';

/** Go's reflect kind of a decode target, for the unstructured converter's texts (patch-decoding.ts). */
export type GoKind = 'struct' | 'slice' | 'map' | 'string' | 'int32' | 'int64' | 'float64' | 'bool';

export interface TypeProblem {
  message: string;
  fatal: boolean;
  /** For encoding/json type mismatches: the JSON value and the Go kind it could not go into. */
  value?: unknown;
  kind?: GoKind;
}

export interface DecodeProblems {
  unknownFields: string[];
  typeErrors: TypeProblem[];
}

interface Context {
  /** The strict decoder's path: dots, `[i]` for items, `.key` for map keys. */
  path: string;
  /** encoding/json's field stack: JSON field names only. */
  fields: string[];
  /** The innermost struct (definition name) a field was read from. */
  struct: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** encoding/json's name for the JSON value it could not store: `string`, `number 1.5`, `bool`, `array`, `object`. */
function jsonKind(value: unknown, numberDetail = false): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return numberDetail ? `number ${JSON.stringify(value)}` : 'number';
  if (typeof value === 'boolean') return 'bool';
  return Array.isArray(value) ? 'array' : 'object';
}

const fieldPath = (base: string, name: string) => (base ? `${base}.${name}` : name);

class Walker {
  readonly problems: DecodeProblems = { unknownFields: [], typeErrors: [] };
  private stopped = false;

  typeError(ctx: Context, value: unknown, goType: string, kind: GoKind, numberDetail = false): void {
    const where = ctx.fields.length ? `Go struct field ${structName(ctx.struct)}.${ctx.fields.join('.')}` : 'Go value';
    const message = `json: cannot unmarshal ${jsonKind(value, numberDetail)} into ${where} of type ${goType}`;
    this.problems.typeErrors.push({ message, fatal: false, value, kind });
  }

  fatal(message: string): void {
    this.problems.typeErrors.push({ message, fatal: true });
    this.stopped = true;
  }

  struct(defName: string, value: unknown, ctx: Context): void {
    const def = DEFINITIONS[defName];
    if (!def || this.stopped || value === null) return;
    if (!isPlainObject(value)) return this.typeError(ctx, value, goTypeOf({ $ref: defName }, '', ''), 'struct');
    const properties = def.properties;
    if (!properties) return; // RawExtension, FieldsV1: any JSON is kept as it is
    for (const [key, child] of Object.entries(value)) {
      if (this.stopped) return;
      const path = fieldPath(ctx.path, key);
      const schema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (!schema) {
        this.problems.unknownFields.push(path);
        continue;
      }
      this.value(schema, child, { path, fields: [...ctx.fields, key], struct: defName }, key);
    }
  }

  value(schema: Schema, value: unknown, ctx: Context, prop: string): void {
    if (value === null || value === undefined || this.stopped) return;
    if (schema.$ref) return this.reference(refName(schema.$ref), value, ctx);
    const goType = goTypeOf(schema, ctx.struct, prop);
    switch (schema.type) {
      case 'string':
        if (typeof value !== 'string') return this.typeError(ctx, value, goType, schema.format === 'byte' ? 'slice' : 'string');
        if (schema.format === 'byte') {
          const bad = base64Error(value);
          if (bad) this.problems.typeErrors.push({ message: bad, fatal: false });
        }
        return;
      case 'integer':
        if (typeof value !== 'number') return this.typeError(ctx, value, goType, intKind(schema.format));
        if (!fitsInteger(value, schema.format)) this.typeError(ctx, value, goType, intKind(schema.format), true);
        return;
      case 'number':
        if (typeof value !== 'number') this.typeError(ctx, value, goType, 'float64');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.typeError(ctx, value, goType, 'bool');
        return;
      case 'array':
        if (!Array.isArray(value)) return this.typeError(ctx, value, goType, 'slice');
        value.forEach((item, i) => schema.items && this.value(schema.items, item, { ...ctx, path: `${ctx.path}[${i}]` }, prop));
        return;
      default:
        if (!isPlainObject(value)) return this.typeError(ctx, value, goType, 'map');
        if (!schema.additionalProperties) return;
        for (const [key, item] of Object.entries(value)) this.value(schema.additionalProperties, item, { ...ctx, path: `${ctx.path}.${key}` }, prop);
    }
  }

  /** A referenced type: a struct, or one with its own UnmarshalJSON. */
  reference(name: string, value: unknown, ctx: Context): void {
    switch (name) {
      case 'io.k8s.apimachinery.pkg.util.intstr.IntOrString':
        if (typeof value === 'string') return;
        if (typeof value !== 'number' || !fitsInteger(value, 'int32')) this.fatal(`json: cannot unmarshal ${jsonKind(value, true)} into Go value of type int32`);
        return;
      case 'io.k8s.apimachinery.pkg.api.resource.Quantity': {
        const bad = quantityError(value);
        if (bad) this.fatal(bad);
        return;
      }
      case 'io.k8s.apimachinery.pkg.apis.meta.v1.Time':
      case 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime':
        if (typeof value !== 'string') this.fatal(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
        return;
      default:
        this.struct(name, value, ctx);
    }
  }
}

const intKind = (format: string | undefined): GoKind => (format === 'int32' ? 'int32' : 'int64');

function fitsInteger(n: number, format: string | undefined): boolean {
  if (!Number.isInteger(n)) return false;
  const bound = format === 'int32' ? 2 ** 31 : 2 ** 63;
  return n >= -bound && n < bound;
}

/** Unknown fields and type errors of `obj` decoded as the definition `defName`. */
export function decodeProblems(defName: string, obj: unknown): DecodeProblems {
  const walker = new Walker();
  walker.struct(defName, obj, { path: '', fields: [], struct: defName });
  return walker.problems;
}
