// /openapi/v2 as protobuf (gnostic openapi_v2.Document), which kubectl up to 1.27 asks for, with
// no JSON fallback, to learn which operations take `fieldValidation` (and so validate server-side).
// Encoded: swagger, info and every path's operations with their parameters and x-kubernetes-*
// extensions. Definitions are left out: kubectl then takes patch strategies from its built-in types.
import { stringify } from 'yaml';
import { ProtoWriter } from './protobuf/writer.js';

/** What kubectl asks for (`@` is not valid in a Go media type, so answers use the `.` form). */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
export const OPENAPI_V2_PROTOBUF_ANSWER = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

type Json = Record<string, unknown>;
const METHODS: Array<[string, number]> = [['get', 2], ['put', 3], ['post', 4], ['delete', 5], ['options', 6], ['head', 7], ['patch', 8]];

function namedAny(name: string, value: unknown): ProtoWriter {
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().string(2, stringify(value)));
}

function extensions(obj: Json, field: number, w: ProtoWriter): void {
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('x-')) w.message(field, namedAny(k, v));
}

function parameter(p: Json): ProtoWriter {
  if (p.in === 'body') {
    const body = new ProtoWriter().string(1, p.description as string).string(2, p.name as string).string(3, 'body').bool(4, p.required as boolean);
    return new ProtoWriter().message(1, new ProtoWriter().message(1, body));
  }
  const isPath = p.in === 'path';
  const sub = new ProtoWriter()
    .bool(1, p.required as boolean)
    .string(2, p.in as string)
    .string(3, p.description as string)
    .string(4, p.name as string)
    .string(isPath ? 5 : 6, p.type as string)
    .bool(isPath ? 19 : 20, p.uniqueItems as boolean);
  const nonBody = new ProtoWriter().message(isPath ? 4 : 3, sub);
  return new ProtoWriter().message(1, new ProtoWriter().message(2, nonBody));
}

function operation(op: Json): ProtoWriter {
  const w = new ProtoWriter()
    .strings(1, op.tags as string[])
    .string(3, op.description as string)
    .string(5, op.operationId as string)
    .strings(6, op.produces as string[])
    .strings(7, op.consumes as string[]);
  for (const p of (op.parameters as Json[]) ?? []) w.message(8, parameter(p));
  w.strings(10, op.schemes as string[]);
  extensions(op, 13, w);
  return w;
}

function pathItem(item: Json): ProtoWriter {
  const w = new ProtoWriter();
  for (const [method, field] of METHODS) if (item[method]) w.message(field, operation(item[method] as Json));
  for (const p of (item.parameters as Json[]) ?? []) w.message(9, parameter(p));
  extensions(item, 10, w);
  return w;
}

export function encodeOpenApiV2(doc: Json): Uint8Array {
  const info = doc.info as Json;
  const paths = new ProtoWriter();
  for (const [name, item] of Object.entries(doc.paths as Record<string, Json>)) {
    paths.message(2, new ProtoWriter().string(1, name).message(2, pathItem(item)));
  }
  return new ProtoWriter()
    .string(1, doc.swagger as string)
    .message(2, new ProtoWriter().string(1, info.title as string).string(2, info.version as string))
    .message(8, paths)
    .finish();
}
