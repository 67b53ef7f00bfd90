// The generic describer, for kinds describe.go has no describer for (Leases, EndpointSlices,
// custom resources…): name, namespace, labels, annotations, then every field of the object in
// sorted order with camel-case names turned into labels, then events.
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents, refOfObject, searchEvents } from './events.js';
import { printAnnotations, printLabels, sortedKeys, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { DescribeWriter, LEVEL_0 } from './writer.js';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

export async function describeGeneric(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const events = s.showEvents ? await searchEvents(s.api, refOfObject(obj)) : undefined;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as Json, '');
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of sortedKeys(content)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goString(child)}\n`);
      }
    } else if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${goString(value)}\n`);
    }
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** fmt's %v of a decoded JSON value. */
function goString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(v);
  return String(v);
}

/** smartLabelFor: `holderIdentity` → `Holder Identity`, `apiVersion` → `API Version`; other names unchanged. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = camelSplit(field);
  return parts
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fatih/camelcase.Split: runs of one character class, an upper-case run's last letter starting the next word. */
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1] += c;
    else runs.push(c);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/^[A-Z]/.test(runs[i]) && /^[a-z]/.test(runs[i + 1])) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}
