// Sets of field paths (sigs.k8s.io/structured-merge-diff fieldpath.Set) as a tree whose edges are
// FieldsV1 path elements: `f:name` (field), `k:{"name":"x"}` (list item by key), `v:"x"` (set item),
// `i:0` (index). A node is a member when the path itself is in the set (`.` in FieldsV1).
import { isObject, type JsonObject } from '../json.js';

export class FieldSet {
  member = false;
  readonly children = new Map<string, FieldSet>();

  /** Parses FieldsV1: `{}` below the root is a member leaf, `.` marks a member with children. */
  static fromFieldsV1(v: unknown, isRoot = true): FieldSet {
    const set = new FieldSet();
    if (!isObject(v)) return set;
    if (!isRoot && Object.keys(v).length === 0) set.member = true;
    for (const [k, child] of Object.entries(v)) {
      if (k === '.') set.member = true;
      else set.children.set(k, FieldSet.fromFieldsV1(child, false));
    }
    return set;
  }

  /** FieldsV1 JSON: a member leaf is `{}`, a member with children has `.` first; children in order. */
  toFieldsV1(): JsonObject {
    const out: JsonObject = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const k of sortedKeys(this.children)) out[k] = this.children.get(k)!.toFieldsV1();
    return out;
  }

  insert(path: readonly string[]): void {
    let node: FieldSet = this;
    for (const pe of path) node = node.child(pe);
    node.member = true;
  }

  private child(pe: string): FieldSet {
    let c = this.children.get(pe);
    if (!c) this.children.set(pe, (c = new FieldSet()));
    return c;
  }

  isEmpty(): boolean {
    return !this.member && [...this.children.values()].every((c) => c.isEmpty());
  }

  /** Member paths, in order. */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = this.member ? [prefix] : [];
    for (const k of sortedKeys(this.children)) out.push(...this.children.get(k)!.paths([...prefix, k]));
    return out;
  }

  has(path: readonly string[]): boolean {
    let node: FieldSet | undefined = this;
    for (const pe of path) node = node?.children.get(pe);
    return node?.member ?? false;
  }

  /** Whether any member lies at or below `path`. */
  ownsUnder(path: readonly string[]): boolean {
    let node: FieldSet | undefined = this;
    for (const pe of path) node = node?.children.get(pe);
    return node !== undefined && !node.isEmpty();
  }

  union(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const p of [...this.paths(), ...o.paths()]) out.insert(p);
    return out;
  }

  difference(o: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !o.has(p)));
  }

  intersection(o: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => o.has(p)));
  }

  static of(paths: readonly (readonly string[])[]): FieldSet {
    const out = new FieldSet();
    for (const p of paths) out.insert(p);
    return out;
  }
}

const kindRank: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** structured-merge-diff's PathElement order: names, then keys, then values, then indices. */
function sortedKeys(m: Map<string, FieldSet>): string[] {
  return [...m.keys()].sort(compareElements);
}

function compareElements(a: string, b: string): number {
  const ra = kindRank[a[0]!] ?? 9;
  const rb = kindRank[b[0]!] ?? 9;
  if (ra !== rb) return ra - rb;
  const [x, y] = [a.slice(2), b.slice(2)];
  switch (a[0]) {
    case 'i':
      return Number(x) - Number(y);
    case 'v':
      return compareValues(JSON.parse(x), JSON.parse(y));
    case 'k':
      return compareKeys(JSON.parse(x) as JsonObject, JSON.parse(y) as JsonObject);
    default:
      return strcmp(x, y);
  }
}

const strcmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Key field lists, field by field: name, then value; a shorter list first. */
function compareKeys(a: JsonObject, b: JsonObject): number {
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    if (i >= ka.length) return -1;
    if (i >= kb.length) return 1;
    const c = strcmp(ka[i]!, kb[i]!) || compareValues(a[ka[i]!], b[kb[i]!]);
    if (c !== 0) return c;
  }
  return 0;
}

const typeRank = (v: unknown) =>
  typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : isObject(v) ? 4 : 5;

/** value.Compare: numbers < strings < bools < lists < maps < null, then by value. */
function compareValues(a: unknown, b: unknown): number {
  const [ra, rb] = [typeRank(a), typeRank(b)];
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return strcmp(a, b as string);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return strcmp(JSON.stringify(a), JSON.stringify(b));
}

/** A path as structured-merge-diff prints it: `.spec.containers[name="nginx"].image`. */
export function pathString(path: readonly string[]): string {
  return path.map(elementString).join('');
}

function elementString(pe: string): string {
  const body = pe.slice(2);
  switch (pe[0]) {
    case 'f':
      return `.${body}`;
    case 'k': {
      const key = JSON.parse(body) as JsonObject;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    }
    case 'v':
      return `[=${body}]`;
    default:
      return `[${body}]`;
  }
}
