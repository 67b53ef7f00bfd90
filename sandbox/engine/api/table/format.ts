// Small renderings shared by several printers: label sets, label selectors, container lists.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Container } from 'kubernetes-types/core/v1';

/** labels.Set.String(): `k=v` pairs sorted by key, comma-joined. */
export function labelSetString(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
}

/** labels.FormatLabels: the set, or `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return labelSetString(labels) || '<none>';
}

const OPERATORS: Record<string, (key: string, values: string[]) => string> = {
  In: (k, v) => `${k} in (${[...v].sort().join(',')})`,
  NotIn: (k, v) => `${k} notin (${[...v].sort().join(',')})`,
  Exists: (k) => k,
  DoesNotExist: (k) => `!${k}`,
};

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key. Returns undefined
 * for an invalid operator (the printers show `<error>` or `<invalid>` then).
 */
export function selectorString(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return '';
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const expr of selector.matchExpressions ?? []) {
    const render = OPERATORS[expr.operator];
    if (!render) return undefined;
    reqs.push({ key: expr.key, text: render(expr.key, expr.values ?? []) });
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` for an empty or absent selector, `<error>` for a bad one. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector);
  if (s === undefined) return '<error>';
  return s || '<none>';
}

/** The CONTAINERS and IMAGES cells: names and images, comma-joined. */
export function containerCells(containers: Container[] | undefined): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** net.JoinHostPort: IPv6 addresses get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Up to `max` items, then ` + N more...` (the printers' listWithMoreString). */
export function listWithMore(items: string[], max: number, empty: string): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : empty;
}

/** A condition of the given type is present with status True (first match wins, as in Go). */
export function conditionTrue(conditions: Array<{ type: string; status: string }> | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

/** IntOrString.String(). */
export function intOrString(v: number | string | undefined): string {
  return v === undefined ? '' : String(v);
}
