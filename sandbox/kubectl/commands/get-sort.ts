// kubectl get --sort-by=<jsonpath>: objects ordered by one field, numbers by value and strings
// in natural order (`pod-2` before `pod-10`), as kubectl's RuntimeSort and TableSorter do.
import type { KubeObject } from '../../engine/objects.js';
import { UsageError } from '../host.js';
import { evaluate, parsePath } from '../printers/jsonpath.js';
import type { TableLike } from '../printers/table.js';

/** `.metadata.name` or `{.metadata.name}` → the field's value on each object (undefined when absent). */
function valuesAt(expression: string, objects: KubeObject[]): unknown[] {
  const inner = expression.replace(/^\{(.*)\}$/, '$1');
  const steps = parsePath(inner.startsWith('.') || inner.startsWith('$') ? inner : `.${inner}`);
  return objects.map((o) => evaluate(steps, [o])[0]);
}

/** sortorder.NaturalLess: digit runs compare as numbers, everything else byte by byte. */
export function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const [x, y] = [ca[i], cb[i]];
    if (x === y) continue;
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    if (bothDigits && Number(x) !== Number(y)) return Number(x) < Number(y);
    return x < y;
  }
  return ca.length < cb.length;
}

function less(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b !== undefined && b !== null;
  if (b === undefined || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return naturalLess(typeof a === 'string' ? a : JSON.stringify(a), typeof b === 'string' ? b : JSON.stringify(b));
}

/** The objects sorted (stably) by the field; an error when no object has it. */
export function sortObjects(objects: KubeObject[], sortBy: string): KubeObject[] {
  if (objects.length < 2) return objects;
  const values = valuesAt(sortBy, objects);
  if (values.every((v) => v === undefined)) throw new UsageError(`couldn't find any field with path "{${sortBy.replace(/^\{(.*)\}$/, '$1')}}" in the list of objects`);
  const order = objects.map((o, i) => ({ o, v: values[i], i }));
  order.sort((x, y) => (less(x.v, y.v) ? -1 : less(y.v, x.v) ? 1 : x.i - y.i));
  return order.map((x) => x.o);
}

/** The table's rows in the order of `objects` (matched by namespace and name). */
export function orderRows<T extends TableLike>(table: T, objects: KubeObject[]): T {
  const key = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;
  const position = new Map(objects.map((o, i) => [key(o.metadata.namespace, o.metadata.name), i]));
  const rows = [...table.rows].sort((a, b) => (position.get(key(a.object?.metadata?.namespace, a.object?.metadata?.name)) ?? 0) - (position.get(key(b.object?.metadata?.namespace, b.object?.metadata?.name)) ?? 0));
  return { ...table, rows };
}
