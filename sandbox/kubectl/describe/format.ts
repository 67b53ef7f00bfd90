// The small renderings every describer shares (describe.go's printLabelsMultiline,
// printAnnotationsMultiline, taints, tolerations, RFC 1123 times), written on a DescribeWriter.
import { canonicalQuantity } from '../../engine/api/table/index.js';
import { goSort } from './go-sort.js';
import { LEVEL_0, type DescribeWriter } from './writer.js';

/**
 * Describers read objects as the JSON the API serves; a field may be absent anywhere, so the
 * code reads them loosely and renders what Go would print for a zero value.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.RFC1123Z in UTC (`Mon, 02 Jan 2006 15:04:05 +0000`); Go's zero time for an absent one. */
export function rfc1123z(t: string | undefined | null): string {
  const ms = t ? Date.parse(t) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

export const printBool = (v: unknown) => (v ? 'True' : 'False');
export const printBoolPtr = (v: unknown) => (v === undefined || v === null ? '<unset>' : printBool(v));
export const stringOrNone = (s: string | undefined) => (s ? s : '<none>');
export const stringOrDefault = (s: string | undefined, d: string) => (s ? s : d);
/** Go's `%v` of a possibly absent *bool / string field. */
export const goValue = (v: unknown, zero = '') => (v === undefined || v === null ? zero : String(v));

/** Quantity.String() of a serialised quantity. */
export const quantity = (q: unknown) => canonicalQuantity(q as string | number | undefined);

/** Go's sort.Strings order (byte order, which for these keys is code-unit order). */
export const sortedKeys = (m: Record<string, unknown> | undefined) => Object.keys(m ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** `Title:\tk=v\n\tk2=v2\n`, or `<none>`. */
export function printLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t', skip: string[] = []): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels).filter((k) => !skip.includes(k));
  if (!keys.length) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** Annotations, without last-applied-configuration; long or multi-line values get their own lines. */
export function printAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => k !== LAST_APPLIED);
  if (!keys.length) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Go slices bytes: s[:max] + "...". */
function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= max) return s;
  return new TextDecoder().decode(bytes.slice(0, max)) + '...';
}

/** Taint.ToString(). */
export function taintString(t: Json): string {
  const key = t.key ?? '';
  if (!t.effect) return t.value ? `${key}=${t.value}:` : key;
  return t.value ? `${key}=${t.value}:${t.effect}` : `${key}:${t.effect}`;
}

export function printTaints(w: DescribeWriter, title: string, taints: Json[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints?.length) return w.line('<none>');
  const cmpKey = (t: Json) => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = goSort([...taints], (a, b) => cmpKey(a) < cmpKey(b));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

export function printTolerations(w: DescribeWriter, title: string, tolerations: Json[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations?.length) return w.line('<none>');
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** `Kind/name` of the controlling owner, or ''. */
export function controllerOf(obj: Json): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r: Json) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Resource names of a ResourceList in sorted order. */
export const resourceNames = (list: Record<string, unknown> | undefined) => sortedKeys(list);
