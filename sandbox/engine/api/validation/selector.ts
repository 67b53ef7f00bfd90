// Label selector semantics (metav1.LabelSelectorAsSelector and labels.Selector.Matches).
import type { Obj } from './meta.js';
import { validateLabelSelector } from './meta.js';
import { FieldPath } from '../field-errors.js';

export type SelectorKind = 'nothing' | 'everything' | 'some' | 'invalid';

/** What LabelSelectorAsSelector makes of a selector: nil → Nothing, {} → Everything. */
export function selectorKind(sel: Obj | undefined | null): SelectorKind {
  if (!sel) return 'nothing';
  if (validateLabelSelector(sel, FieldPath.root('s')).length > 0) return 'invalid';
  const n = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length;
  return n === 0 ? 'everything' : 'some';
}

export function selectorMatches(sel: Obj | undefined | null, labels: Record<string, string> | undefined): boolean {
  const kind = selectorKind(sel);
  if (kind === 'nothing' || kind === 'invalid') return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel!.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of (sel!.matchExpressions ?? []) as Obj[]) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values: string[] = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(l[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(l[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
