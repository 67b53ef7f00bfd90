// A diff of two specs in the shape of go-cmp's cmp.Diff, which the API server appends to "pod updates
// may not change fields …" and similar errors. go-cmp's exact output is deliberately unstable, so
// this keeps its layout (Go field names, "-"/"+" lines, "... // N identical fields") without
// claiming byte equality: it shows the learner which field changed.
import { goQuote } from '../field-errors.js';
import { jsonEqual, type Obj } from './meta.js';

const goField = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
/** Fields that are Go maps: their keys print quoted, not as struct field names. */
const MAP_FIELDS = new Set(['nodeSelector', 'labels', 'annotations', 'limits', 'requests', 'matchLabels', 'capacity', 'data', 'selector']);

function goLiteral(value: unknown, isMap = false): string {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `{${value.map((v) => goLiteral(v)).join(', ')}}`;
  const entries = Object.entries(value as Obj).map(([k, v]) => (isMap ? `${goQuote(k)}: ${goLiteral(v)}` : `${goField(k)}: ${goLiteral(v, MAP_FIELDS.has(k))}`));
  return `{${entries.join(', ')}}`;
}

const isObject = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function diffLines(a: unknown, b: unknown, indent: string, label: string, isMap = false): string[] {
  const bothObjects = isObject(a) && isObject(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b) && a.length === b.length;
  if (!bothObjects && !bothArrays) {
    const lines: string[] = [];
    if (a !== undefined) lines.push(`- ${indent}${label}${goLiteral(a, isMap)},`);
    if (b !== undefined) lines.push(`+ ${indent}${label}${goLiteral(b, isMap)},`);
    return lines;
  }
  const inner = `${indent}\t`;
  const lines = [`  ${indent}${label}{`];
  if (bothArrays) {
    (a as unknown[]).forEach((x, i) => {
      if (!jsonEqual(x, (b as unknown[])[i])) lines.push(...diffLines(x, (b as unknown[])[i], inner, ''));
    });
  } else {
    const keys = [...new Set([...Object.keys(a as Obj), ...Object.keys(b as Obj)])];
    const changed = keys.filter((k) => !jsonEqual((a as Obj)[k], (b as Obj)[k]));
    for (const k of changed) {
      const name = isMap ? `${goQuote(k)}: ` : `${goField(k)}: `;
      lines.push(...diffLines((a as Obj)[k], (b as Obj)[k], inner, name, !isMap && MAP_FIELDS.has(k)));
    }
    const same = keys.length - changed.length;
    if (same > 0) lines.push(`  ${inner}... // ${same} identical field${same === 1 ? '' : 's'}`);
  }
  lines.push(`  ${indent}}${indent ? ',' : ''}`);
  return lines;
}

/** `typeName{…}` diff of two decoded specs, ending in a newline like go-cmp's. */
export function specDiff(typeName: string, oldSpec: Obj, newSpec: Obj): string {
  const lines = diffLines(oldSpec, newSpec, '', typeName);
  return lines.join('\n') + '\n';
}
