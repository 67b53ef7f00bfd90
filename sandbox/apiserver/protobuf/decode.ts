// Decodes Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`) into the
// JSON objects the API would have received from a JSON client. The envelope is the magic
// `k8s\0` followed by runtime.Unknown{1: TypeMeta{1 apiVersion, 2 kind}, 2: raw object bytes}.
// Go's JSON encoding decides how a decoded field shows: zero values of non-pointer omitempty
// fields disappear, inlined structs merge into their parent, Time/Quantity/IntOrString become
// their JSON scalar forms.
import { ProtoReader, WIRE } from './reader.js';
import { ROOT_MESSAGES } from './roots.js';

/** [field number, JSON name, type, flags: r repeated, m map, p pointer, o omitempty, i inline]. */
export type FieldRow = [number, string, string, string];
export type MessageTable = Record<string, FieldRow[]>;

export const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1.';
const utf8 = new TextDecoder('utf-8', { fatal: false });

export class ProtobufDecodeError extends Error {}

export interface DecodedBody {
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
}

export function hasProtobufMagic(body: Uint8Array): boolean {
  return PROTOBUF_MAGIC.every((b, i) => body[i] === b);
}

/** Decodes `k8s\0` + runtime.Unknown; the object carries apiVersion and kind like a JSON body. */
export function decodeEnvelope(body: Uint8Array, table: MessageTable): DecodedBody {
  if (!hasProtobufMagic(body)) throw new ProtobufDecodeError('provided object is not a protobuf message');
  const r = new ProtoReader(body.subarray(4));
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  while (!r.done) {
    const { num, wire } = r.header();
    if (num === 1 && wire === WIRE.BYTES) ({ apiVersion, kind } = decodeTypeMeta(r.bytes()));
    else if (num === 2 && wire === WIRE.BYTES) raw = r.bytes();
    else r.skip(wire);
  }
  const message = ROOT_MESSAGES[`${apiVersion}/${kind}`];
  if (!message || !table[message]) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  const object = { apiVersion, kind, ...decodeMessage(raw, message, table) };
  return { apiVersion, kind, object };
}

function decodeTypeMeta(bytes: Uint8Array): { apiVersion: string; kind: string } {
  const r = new ProtoReader(bytes);
  const out = { apiVersion: '', kind: '' };
  while (!r.done) {
    const { num, wire } = r.header();
    if (num === 1 && wire === WIRE.BYTES) out.apiVersion = utf8.decode(r.bytes());
    else if (num === 2 && wire === WIRE.BYTES) out.kind = utf8.decode(r.bytes());
    else r.skip(wire);
  }
  return out;
}

/** A message as its JSON value (an object, or a scalar for the special apimachinery types). */
export function decodeMessage(bytes: Uint8Array, name: string, table: MessageTable): Record<string, unknown> {
  const fields = table[name];
  if (!fields) throw new ProtobufDecodeError(`unknown protobuf message ${name}`);
  const byNumber = new Map(fields.map((f) => [f[0], f]));
  const out: Record<string, unknown> = {};
  const r = new ProtoReader(bytes);
  while (!r.done) {
    const { num, wire } = r.header();
    const field = byNumber.get(num);
    if (!field) {
      r.skip(wire);
      continue;
    }
    readField(r, wire, field, out, table);
  }
  return finish(out, fields);
}

function readField(r: ProtoReader, wire: number, field: FieldRow, out: Record<string, unknown>, table: MessageTable): void {
  const [, name, type, flags] = field;
  if (flags.includes('m')) {
    const [key, value] = readMapEntry(r.bytes(), type, table);
    const map = (out[name] ??= {}) as Record<string, unknown>;
    map[key] = value;
    return;
  }
  if (flags.includes('r')) {
    const list = (out[name] ??= []) as unknown[];
    if (wire === WIRE.BYTES && isPackable(type)) {
      const packed = new ProtoReader(r.bytes());
      while (!packed.done) list.push(readScalar(packed, type, scalarWire(type)));
    } else list.push(readValue(r, wire, type, table));
    return;
  }
  out[name] = readValue(r, wire, type, table);
}

function readMapEntry(bytes: Uint8Array, valueType: string, table: MessageTable): [string, unknown] {
  const r = new ProtoReader(bytes);
  let key = '';
  let value: unknown = defaultOf(valueType);
  while (!r.done) {
    const { num, wire } = r.header();
    if (num === 1) key = utf8.decode(r.bytes());
    else if (num === 2) value = readValue(r, wire, valueType, table);
    else r.skip(wire);
  }
  return [key, value];
}

function readValue(r: ProtoReader, wire: number, type: string, table: MessageTable): unknown {
  if (!type.includes('.')) return readScalar(r, type, wire);
  return specialOrMessage(r.bytes(), type, table);
}

function specialOrMessage(bytes: Uint8Array, type: string, table: MessageTable): unknown {
  const fields = decodeMessage(bytes, type, table);
  switch (type) {
    case `${META}Time`:
      return timeToJson(fields, false);
    case `${META}MicroTime`:
      return timeToJson(fields, true);
    case `${META}Duration`:
      return `${Number(fields.duration ?? 0) / 1e9}s`;
    case 'k8s.io.apimachinery.pkg.api.resource.Quantity':
      return fields.string ?? '0';
    case 'k8s.io.apimachinery.pkg.util.intstr.IntOrString':
      return Number(fields.type ?? 0) === 1 ? (fields.strVal ?? '') : (fields.intVal ?? 0);
    case 'k8s.io.apimachinery.pkg.runtime.RawExtension':
      return fields.raw ? JSON.parse(Buffer.from(String(fields.raw), 'base64').toString('utf8')) : null;
    default:
      return fields;
  }
}

function timeToJson(fields: Record<string, unknown>, micro: boolean): string | null {
  const seconds = Number(fields.seconds ?? 0);
  const nanos = Number(fields.nanos ?? 0);
  // Go's zero time.Time (year 1) marshals as JSON null.
  if (seconds <= -62135596800 || (seconds === 0 && nanos === 0 && !('seconds' in fields))) return null;
  const iso = new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
  if (!micro) return iso.replace(/\.\d{3}Z$/, 'Z');
  return `${iso.slice(0, 19)}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

function readScalar(r: ProtoReader, type: string, wire: number): unknown {
  switch (type) {
    case 'string':
      return utf8.decode(r.bytes());
    case 'bytes':
      return Buffer.from(r.bytes()).toString('base64');
    case 'bool':
      return r.varint() !== 0n;
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64':
      return Number(r.varint());
    case 'double':
      return r.fixed64().getFloat64(0, true);
    case 'float':
      return r.fixed32().getFloat32(0, true);
    default:
      r.skip(wire);
      return undefined;
  }
}

const isPackable = (type: string) => ['int32', 'int64', 'uint32', 'uint64', 'bool', 'double', 'float'].includes(type);
const scalarWire = (type: string) => (type === 'double' ? WIRE.FIXED64 : type === 'float' ? WIRE.FIXED32 : WIRE.VARINT);

function defaultOf(type: string): unknown {
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  if (!type.includes('.')) return 0;
  return type.endsWith('Quantity') ? '0' : {};
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false || v === null;

/** Applies Go's JSON rules: drop omitempty zero scalars, merge inline structs into the parent. */
function finish(out: Record<string, unknown>, fields: FieldRow[]): Record<string, unknown> {
  for (const [, name, type, flags] of fields) {
    if (!(name in out)) continue;
    const value = out[name];
    if (flags.includes('i') && value && typeof value === 'object') {
      delete out[name];
      Object.assign(out, value);
      continue;
    }
    const scalarLike = !type.includes('.') || type.endsWith('.Time') || type.endsWith('.MicroTime');
    if (scalarLike && !flags.includes('r') && !flags.includes('m') && !flags.includes('p') && flags.includes('o') && isZero(value)) {
      if (!(type.endsWith('.Time') && value === null)) delete out[name];
    }
  }
  return out;
}
