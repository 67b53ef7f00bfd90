// metav1.FormatLabelSelector: a LabelSelector as the string Scale.status.selector and kubectl show.
import type { LabelSelectorSpec } from './label-selector.js';

export function formatLabelSelector(spec: LabelSelectorSpec | undefined | null): string {
  if (!spec) return '';
  const parts: Array<[string, string]> = Object.entries(spec.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of spec.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push([e.key, text]);
  }
  if (parts.length === 0) return '';
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, t]) => t)
    .join(',');
}
