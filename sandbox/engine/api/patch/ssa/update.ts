// Managed fields for every write that is not an apply (create, update, JSON/merge/strategic patch,
// subresources): the writer takes the fields it added or changed, fields it removed leave every set
// (structured-merge-diff Updater.Update with force, then managedFieldsUpdater's merge per manager).
import type { KubeObject } from '../../../objects.js';
import { copyJson, type JsonObject } from '../json.js';
import { patchMetaFor } from '../meta/index.js';
import { capUpdateManagers } from './cap.js';
import { decodeManagedFields, encodeManagedFields, managerId, trackedView, withManagedFields, type ManagerEntry } from './managed.js';
import { compare } from './walk.js';

export interface UpdateOptions {
  manager: string;
  operation: 'Update' | 'Apply';
  /** RFC 3339, from the engine's clock. */
  now: string;
  subresource?: string;
}

export function updateManagedFields(old: KubeObject | undefined, next: KubeObject, opts: UpdateOptions): KubeObject {
  const meta = patchMetaFor(next.apiVersion, next.kind);
  const managers = decodeManagedFields(baseEntries(old, next, opts.subresource));
  const before = trackedView((old ?? meta.skeleton) as JsonObject, opts.subresource);
  const after = trackedView(next as JsonObject, opts.subresource);
  const c = compare(before, after, meta.root);
  const taken = c.added.union(c.modified);
  const id = managerId({ manager: opts.manager, operation: opts.operation, apiVersion: next.apiVersion, subresource: opts.subresource });
  for (const [key, m] of managers) {
    if (key !== id) m.set = m.set.difference(taken).difference(c.removed);
  }
  const self = managers.get(id);
  if (!taken.isEmpty()) {
    const entry: ManagerEntry = {
      manager: opts.manager,
      operation: opts.operation,
      apiVersion: next.apiVersion,
      time: opts.now,
      set: (self ? self.set.difference(c.removed) : taken).union(taken),
    };
    if (opts.subresource) entry.subresource = opts.subresource;
    managers.set(id, entry);
  } else if (self) {
    self.set = self.set.difference(c.removed);
  }
  capUpdateManagers(managers);
  // A fresh, mutable object: nothing is shared with the (possibly frozen) inputs.
  return copyJson(withManagedFields(next, encodeManagedFields(managers)));
}

/**
 * FieldManager.Update: the writer's own managedFields when it sent some (clients may edit them),
 * else the live object's, so that clients unaware of them cannot drop them. Subresources always
 * use the live object's.
 */
function baseEntries(old: KubeObject | undefined, next: KubeObject, subresource: string | undefined): unknown {
  const sent = next.metadata?.managedFields;
  if (!subresource && Array.isArray(sent) && sent.length > 0) return sent;
  return old?.metadata?.managedFields;
}
