// metadata.managedFields entries <-> manager sets (apiserver pkg/util/managedfields internal:
// managedfields.go, manager identifiers, and the StripMeta/reset-fields views of an object).
import type { KubeObject } from '../../../objects.js';
import { isObject, type JsonObject } from '../json.js';
import { FieldSet } from './fieldset.js';

export type Operation = 'Apply' | 'Update';

export interface ManagerEntry {
  manager: string;
  operation: Operation;
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

/** BuildManagerIdentifier: appliers are one manager whatever apiVersion they used; times never count. */
export function managerId(e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: JsonObject = { manager: e.manager, operation: e.operation };
  if (e.operation === 'Update') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

export function decodeManagedFields(entries: unknown): Map<string, ManagerEntry> {
  const out = new Map<string, ManagerEntry>();
  if (!Array.isArray(entries)) return out;
  for (const raw of entries) {
    if (!isObject(raw)) continue;
    const e: ManagerEntry = {
      manager: String(raw.manager ?? ''),
      operation: raw.operation === 'Apply' ? 'Apply' : 'Update',
      apiVersion: String(raw.apiVersion ?? ''),
      set: FieldSet.fromFieldsV1(raw.fieldsV1),
    };
    if (typeof raw.time === 'string') e.time = raw.time;
    if (typeof raw.subresource === 'string' && raw.subresource) e.subresource = raw.subresource;
    out.set(managerId(e), e);
  }
  return out;
}

const seconds = (t: string | undefined) => (t ? Math.floor(Date.parse(t) / 1000) : 0);

/** Entries in the server's order: Apply before Update, then by time, manager, apiVersion, subresource. */
export function encodeManagedFields(managers: Map<string, ManagerEntry>): JsonObject[] {
  const entries = [...managers.values()].filter((e) => !e.set.isEmpty());
  entries.sort(
    (p, q) =>
      cmp(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      cmp(p.manager, q.manager) ||
      cmp(p.apiVersion, q.apiVersion) ||
      cmp(p.subresource ?? '', q.subresource ?? ''),
  );
  return entries.map((e) => {
    const out: JsonObject = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
    if (e.time) out.time = e.time;
    out.fieldsType = 'FieldsV1';
    out.fieldsV1 = e.set.toFieldsV1();
    if (e.subresource) out.subresource = e.subresource;
    return out;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Metadata the field manager never tracks (StripMetaManager). */
const UNTRACKED_META = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'];

/**
 * The part of an object whose fields are tracked: no apiVersion/kind or system metadata, and —
 * the reset fields of the status strategies — only `status` for the status subresource, everything
 * but `status` otherwise.
 */
export function trackedView(obj: JsonObject, subresource: string | undefined): JsonObject {
  if (subresource === 'status') return 'status' in obj ? { status: obj.status } : {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
    if (k === 'metadata' && isObject(v)) {
      const meta: JsonObject = {};
      for (const [mk, mv] of Object.entries(v)) if (!UNTRACKED_META.includes(mk)) meta[mk] = mv;
      out.metadata = meta;
    } else out[k] = v;
  }
  return out;
}

/** The object with the given managed fields (the key is dropped when there are none). */
export function withManagedFields<T extends KubeObject>(obj: T, entries: JsonObject[]): T {
  const metadata: JsonObject = { ...(obj.metadata as JsonObject) };
  if (entries.length > 0) metadata.managedFields = entries;
  else delete metadata.managedFields;
  return { ...obj, metadata } as T;
}
