// Server-side apply (structured-merge-diff Updater.Apply behind the apiserver field manager): merge
// the applied configuration into the live object, drop what this applier stopped applying when no
// one else owns it, and refuse — 409 — to change fields other managers own unless forced.
import type { KubeObject } from '../../../objects.js';
import { badRequest } from '../../errors.js';
import { copyJson, deepEqual, type JsonObject } from '../json.js';
import { patchMetaFor, type FieldType } from '../meta/index.js';
import { conflictError, type Conflict } from './conflict.js';
import { KUBECTL, allowedFromLastApplied, syncLastApplied } from './last-applied.js';
import { FieldSet } from './fieldset.js';
import { decodeManagedFields, encodeManagedFields, managerId, trackedView, withManagedFields, type ManagerEntry } from './managed.js';
import { mergeApplied, removePaths } from './merge.js';
import { updateManagedFields } from './update.js';
import { compare, fieldSetOf } from './walk.js';

export interface ApplyOptions {
  manager: string;
  force: boolean;
  /** RFC 3339, from the engine's clock. */
  now: string;
  /** The request's group/version, recorded in the applier's entry. */
  apiVersion: string;
  subresource?: string;
}

export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, opts: ApplyOptions): KubeObject {
  if (applied.metadata?.managedFields != null) throw badRequest('metadata.managedFields must be nil');
  const meta = patchMetaFor(applied.apiVersion ?? opts.apiVersion, applied.kind);
  const t = meta.root;
  const current = withoutManaged(live ?? ({ apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} } as KubeObject));
  const managers = decodeManagedFields(liveManagedFields(live, opts.now));
  const config = appliedPart(applied, opts.subresource);

  const id = managerId({ manager: opts.manager, operation: 'Apply', apiVersion: opts.apiVersion, subresource: opts.subresource });
  const previous = managers.get(id);
  const entry: ManagerEntry = { manager: opts.manager, operation: 'Apply', apiVersion: opts.apiVersion, set: fieldSetOf(trackedView(config, opts.subresource), t) };
  if (previous?.time) entry.time = previous.time;
  if (opts.subresource) entry.subresource = opts.subresource;
  managers.set(id, entry);

  let merged = mergeApplied(current, config, t) as JsonObject;
  if (previous) merged = prune(merged, previous.set, managers, t);

  const c = compare(trackedView(current, opts.subresource), trackedView(merged, opts.subresource), t);
  const allowed = opts.manager === KUBECTL && !opts.subresource ? allowedFromLastApplied(current, opts.apiVersion, t) : undefined;
  takeOrRefuse(managers, id, c.added.union(c.modified), opts.force, allowed);
  for (const m of managers.values()) m.set = m.set.difference(c.removed);

  if (!previous || !deepEqual(current, merged)) entry.time = opts.now;
  const result = withManagedFields(merged as KubeObject, encodeManagedFields(managers));
  // A fresh, mutable object: nothing is shared with the (possibly frozen) inputs.
  return copyJson(opts.manager === KUBECTL ? syncLastApplied(result, applied) : result);
}

const withoutManaged = (o: KubeObject): JsonObject => withManagedFields(o, []) as JsonObject;

/**
 * skipNonAppliedManager: a live object nobody tracked yet is first recorded as an Update by
 * "before-first-apply", so an apply changing its fields conflicts with that manager.
 */
function liveManagedFields(live: KubeObject | undefined, now: string): unknown {
  const entries = live?.metadata?.managedFields;
  if (!live || (Array.isArray(entries) && entries.length > 0)) return entries;
  return updateManagedFields(undefined, live, { manager: 'before-first-apply', operation: 'Update', now }).metadata.managedFields;
}

/**
 * The part of the configuration the endpoint writes: the registry resets status on the main
 * resource and everything but status on the status subresource.
 */
function appliedPart(applied: KubeObject, subresource: string | undefined): JsonObject {
  const { status, ...rest } = applied as JsonObject;
  if (subresource !== 'status') return rest;
  const identity: JsonObject = { apiVersion: applied.apiVersion, kind: applied.kind, metadata: applied.metadata };
  return status === undefined ? identity : { ...identity, status };
}

/** Fields the applier owned before and no longer applies go, unless another manager owns them. */
function prune(merged: JsonObject, lastSet: FieldSet, managers: Map<string, ManagerEntry>, t: FieldType): JsonObject {
  let owned = new FieldSet();
  for (const m of managers.values()) owned = owned.union(m.set);
  const dropped = lastSet.difference(owned).paths().filter((p) => !ownedBelow(managers, p));
  if (dropped.length === 0) return merged;
  return removePaths(merged, FieldSet.of(dropped), t) as JsonObject;
}

function ownedBelow(managers: Map<string, ManagerEntry>, path: string[]): boolean {
  for (const m of managers.values()) if (m.set.ownsUnder(path) && !m.set.has(path)) return true;
  return false;
}

/**
 * Fields other managers own that this apply changes: conflicts, or taken from them when forced.
 * When every conflict is `allowed` (unchanged since the last client-side apply) the apply is forced.
 */
function takeOrRefuse(managers: Map<string, ManagerEntry>, id: string, changed: FieldSet, force: boolean, allowed?: FieldSet): void {
  const overlaps = [...managers.keys()]
    .filter((k) => k !== id)
    .sort()
    .map((k) => ({ m: managers.get(k)!, overlap: managers.get(k)!.set.intersection(changed) }))
    .filter((o) => !o.overlap.isEmpty());
  const conflicts: Conflict[] = overlaps.flatMap(({ m, overlap }) => overlap.paths().map((path) => ({ manager: m, path })));
  if (!force && conflicts.length > 0) {
    const refused = allowed ? conflicts.filter((c) => !allowed.has(c.path)) : conflicts;
    if (refused.length > 0) throw conflictError(refused);
  }
  for (const { m, overlap } of overlaps) m.set = m.set.difference(overlap);
}
