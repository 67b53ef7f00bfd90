// JSON patch (RFC 6902) with the quirks of gopkg.in/evanphx/json-patch.v4, which the API server uses:
// `replace` of a missing object key adds it, negative array indices count from the end, a failing
// op stops the patch. Texts of the library are kept in JsonPatchApplyError.detail; the client sees
// the generic 422 the handler answers with.
import { JsonPatchApplyError, notAnObjectAfterPatch, tooManyJsonPatchOps, unmarshalError } from './errors.js';
import { copyJson, deepEqual, goJsonKind, isObject, type JsonObject } from './json.js';

const MAX_OPS = 10000;

type Container = JsonObject | unknown[];
interface Op {
  [field: string]: unknown;
}

export function applyJsonPatch(current: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw unmarshalError(goJsonKind(ops), 'jsonpatch.Patch');
  for (const op of ops) {
    if (!isObject(op) && op !== null) throw unmarshalError(goJsonKind(op), 'jsonpatch.Operation');
  }
  if (ops.length > MAX_OPS) throw tooManyJsonPatchOps(ops.length);
  let doc: unknown = copyJson(current);
  for (const op of ops as (Op | null)[]) doc = applyOp(doc as Container, op ?? {});
  if (!isObject(doc)) throw notAnObjectAfterPatch(JSON.stringify(doc));
  return doc;
}

function applyOp(doc: Container, op: Op): Container {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add':
      return add(doc, op);
    case 'remove':
      return remove(doc, op);
    case 'replace':
      return replace(doc, op);
    case 'move':
      return move(doc, op);
    case 'copy':
      return copyOp(doc, op);
    case 'test':
      return test(doc, op);
    default:
      throw new JsonPatchApplyError(`Unexpected kind: ${kind}`);
  }
}

const fail = (message: string, cause: 'missing value' | 'test failed' | 'invalid index referenced') =>
  new JsonPatchApplyError(`${message}: ${cause}`);

function pathOf(op: Op, field: 'path' | 'from', what: string): string {
  const p = op[field];
  if (typeof p === 'string') return p;
  throw fail(`${what} operation failed to decode ${field}`, 'missing value');
}

/** `undefined` when a value is absent: the library stores JSON null then. */
const valueOf = (op: Op): unknown => (op.value === undefined ? null : copyJson(op.value));

/** The parent container of a pointer and its last, unescaped key (the library's findObject). */
function findParent(doc: Container, path: string): [Container, string] | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  let node: unknown = doc;
  for (const raw of parts.slice(1, -1)) {
    node = getChild(node as Container, unescape(raw));
    if (!Array.isArray(node) && !isObject(node)) return undefined;
  }
  return [node as Container, unescape(parts[parts.length - 1]!)];
}

const unescape = (k: string) => k.replaceAll('~1', '/').replaceAll('~0', '~');

function getChild(c: Container, key: string): unknown {
  if (!Array.isArray(c)) return c[key];
  const i = arrayIndex(c, key, c.length);
  return i === undefined ? undefined : c[i];
}

/** Index in [0, length) with negative indices from the end; undefined when out of range or not a number. */
function arrayIndex(c: unknown[], key: string, length: number): number | undefined {
  if (!/^-?\d+$/.test(key)) return undefined;
  let i = Number(key);
  if (i < 0) {
    if (i < -length) return undefined;
    i += length;
  }
  return i < length ? i : undefined;
}

function insert(c: Container, key: string, value: unknown, path: string, what: string): void {
  if (!Array.isArray(c)) {
    c[key] = value;
    return;
  }
  if (key === '-') {
    c.push(value);
    return;
  }
  if (!/^-?\d+$/.test(key)) throw new JsonPatchApplyError(`error in ${what} for path: '${path}': value was not a proper array index: '${key}': strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const i = arrayIndex(c, key, c.length + 1);
  if (i === undefined) throw fail(`error in ${what} for path: '${path}': Unable to access invalid index: ${key}`, 'invalid index referenced');
  c.splice(i, 0, value);
}

function del(c: Container, key: string, path: string, what: string): void {
  if (!Array.isArray(c)) {
    if (!(key in c)) throw fail(`error in ${what} for path: '${path}': Unable to remove nonexistent key: ${key}`, 'missing value');
    delete c[key];
    return;
  }
  const i = arrayIndex(c, key, c.length);
  if (i === undefined) throw fail(`error in ${what} for path: '${path}': Unable to access invalid index: ${key}`, 'invalid index referenced');
  c.splice(i, 1);
}

function add(doc: Container, op: Op): Container {
  const path = pathOf(op, 'path', 'add');
  const found = findParent(doc, path);
  if (!found) throw fail(`add operation does not apply: doc is missing path: "${path}"`, 'missing value');
  insert(found[0], found[1], valueOf(op), path, 'add');
  return doc;
}

function remove(doc: Container, op: Op): Container {
  const path = pathOf(op, 'path', 'remove');
  const found = findParent(doc, path);
  if (!found) throw fail(`remove operation does not apply: doc is missing path: "${path}"`, 'missing value');
  del(found[0], found[1], path, 'remove');
  return doc;
}

function replace(doc: Container, op: Op): Container {
  const path = pathOf(op, 'path', 'replace');
  if (path === '') {
    const value = valueOf(op);
    // The library wraps a nil error here, so a scalar root value is silently ignored.
    return Array.isArray(value) || isObject(value) ? (value as Container) : doc;
  }
  const found = findParent(doc, path);
  if (!found) throw fail(`replace operation does not apply: doc is missing path: ${path}`, 'missing value');
  const [c, key] = found;
  if (Array.isArray(c)) {
    const i = arrayIndex(c, key, c.length);
    if (i === undefined) throw fail(`replace operation does not apply: doc is missing key: ${path}`, 'missing value');
    c[i] = valueOf(op);
  } else {
    c[key] = valueOf(op);
  }
  return doc;
}

function take(doc: Container, from: string, what: string): unknown {
  const found = findParent(doc, from);
  if (!found) throw fail(`${what} operation does not apply: doc is missing from path: ${from}`, 'missing value');
  const [c, key] = found;
  if (Array.isArray(c) && arrayIndex(c, key, c.length) === undefined) {
    throw fail(`error in ${what} for path: '${key}': Unable to access invalid index: ${key}`, 'invalid index referenced');
  }
  return getChild(c, key);
}

function move(doc: Container, op: Op): Container {
  const from = pathOf(op, 'from', 'move');
  const value = take(doc, from, 'move');
  const [fc, fkey] = findParent(doc, from)!;
  del(fc, fkey, fkey, 'move');
  const path = pathOf(op, 'path', 'move');
  const found = findParent(doc, path);
  if (!found) throw fail(`move operation does not apply: doc is missing destination path: ${path}`, 'missing value');
  insert(found[0], found[1], value === undefined ? null : value, path, 'move');
  return doc;
}

function copyOp(doc: Container, op: Op): Container {
  const from = pathOf(op, 'from', 'copy');
  const value = take(doc, from, 'copy');
  const path = pathOf(op, 'path', 'copy');
  const found = findParent(doc, path);
  if (!found) throw fail(`copy operation does not apply: doc is missing destination path: ${path}`, 'missing value');
  insert(found[0], found[1], value === undefined ? null : copyJson(value), path, 'copy');
  return doc;
}

function test(doc: Container, op: Op): Container {
  const path = pathOf(op, 'path', 'test');
  const expected = op.value === undefined ? null : op.value;
  if (path === '') {
    if (deepEqual(doc, expected)) return doc;
    throw fail(`testing value ${path} failed`, 'test failed');
  }
  const found = findParent(doc, path);
  if (!found) throw fail(`test operation does not apply: is missing path: ${path}`, 'missing value');
  const [c, key] = found;
  if (Array.isArray(c) && arrayIndex(c, key, c.length) === undefined) {
    throw fail(`error in test for path: '${path}': Unable to access invalid index: ${key}`, 'invalid index referenced');
  }
  const actual = getChild(c, key);
  if (deepEqual(actual ?? null, expected)) return doc;
  throw fail(`testing value ${path} failed`, 'test failed');
}
