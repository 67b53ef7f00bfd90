// Resource lists (cpu, memory, …) as quota and limit ranges add and compare them, with Go's
// Quantity texts (a sum keeps the format of its first term, as Quantity.Add does).
import { formatQuantity, parseQuantity, type Quantity } from '../api/validation/quantity.js';

export type ResourceList = Record<string, Quantity>;
export type RawResourceList = Record<string, string | number> | undefined;

export function parseList(raw: RawResourceList): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    const q = parseQuantity(v);
    if (q) out[k] = q;
  }
  return out;
}

export function add(into: ResourceList, k: string, q: Quantity): void {
  const cur = into[k];
  into[k] = cur ? { nanos: cur.nanos + q.nanos, format: cur.format } : { ...q };
}

export function sum(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [k, q] of Object.entries(b)) add(out, k, q);
  return out;
}

export const count = (n: number): Quantity => ({ nanos: BigInt(n) * 1_000_000_000n, format: 'DecimalSI' });
export const zero = (): Quantity => ({ nanos: 0n, format: 'DecimalSI' });
export const text = (q: Quantity) => formatQuantity(q);

/** `k=v,k=v` with sorted keys (quota's prettyPrint). */
export function prettyPrint(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${text(list[k])}`)
    .join(',');
}

export function toRaw(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(list).sort()) out[k] = text(list[k]);
  return out;
}
