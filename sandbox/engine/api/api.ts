// Api: the one implementation of the Kubernetes API semantics, synchronous and in-process.
// Every write from every client takes the same path: decode → server fields → defaults →
// mutating admission → validation → (service allocation) → validating admission → managed fields
// → commit. The HTTP front and our kubectl are its transports.
import { rfc3339 } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import { StoreError } from '../store/store.js';
import { alreadyExists, conflict, invalid, methodNotSupported, notFound, uidPrecondition } from './errors-extra.js';
import { apiVersionOf, findResource, qualifiedKind, qualifiedResource } from './resources.js';
import { viewOf } from './views.js';
import type { ApiClient, DeleteOptions, DeleteResult, ListOptions, ObjectList, PatchType, ResourceRef, ResourceType, Watch, WatchEvent, WatchOptions, WriteOptions } from './types.js';
import {
  actorOf,
  carryUpdateMetadata,
  checkName,
  checkNamespace,
  decodeForWrite,
  fillCreateMetadata,
  generatedName,
  managerFor,
  metaOf,
  objectKeyOf,
  requestWarnings,
  resolve,
  type ApiCore,
} from './request.js';
import { applyDefaults, serverSideApply, updateManagedFields, validateCreate, validateUpdate } from './collaborators.js';
import { allowCreateOnUpdate, prepareForCreate, prepareForUpdate } from './strategies.js';
import { runAdmission } from '../admission/chain.js';
import { allocateServiceOnCreate, allocateServiceOnUpdate, releaseService } from './services.js';
import { applyPatch } from './patching.js';
import { withActor } from './actor-client.js';
import { createReview } from './reviews.js';
import { deleteCollection, deleteObject } from './delete.js';
import { listObjects, watchObjects } from './list-watch.js';
import { createSubresource, getSubresource, patchSubresource, updateSubresource } from './subresources.js';

/** How a write records managed fields: a plain update, a server-side apply (done already), or not at all. */
export type ManagedMode = 'update' | 'apply';

export interface CommitOptions {
  verb: string;
  subresource?: string;
  managed: ManagedMode;
}

/** What the last top-level write did beyond its answer: for the HTTP front's status code and Warning headers. */
export interface WriteOutcome {
  /** The write created the object (201 rather than 200). */
  created: boolean;
  /** `unknown field "spec.foo"` and the like, under fieldValidation=Warn. */
  warnings: string[];
}

export class Api implements ApiClient {
  /** Set after every create, update and patch (reads leave it alone). */
  lastWrite: WriteOutcome = { created: false, warnings: [] };
  private depth = 0;
  private createdNow = false;

  constructor(readonly core: ApiCore) {}

  /** Runs a public write, noting whether it created and what it warned about. */
  private track<T>(write: () => T): T {
    if (this.depth === 0) {
      requestWarnings.length = 0;
      this.createdNow = false;
    }
    this.depth++;
    try {
      return write();
    } finally {
      this.depth--;
      if (this.depth === 0) this.lastWrite = { created: this.createdNow, warnings: [...new Set(requestWarnings)] };
    }
  }

  create(ref: ResourceRef, body: unknown, opts: WriteOptions = {}): KubeObject {
    return this.track(() => this.createNow(ref, body, opts));
  }

  private createNow(ref: ResourceRef, body: unknown, opts: WriteOptions = {}): KubeObject {
    const v = viewed(ref);
    if (v) return v.view.fromStored(this.create(v.stored, v.view.toStored(decodeForWrite(v.rt, body, opts)), opts));
    const { rt, sub } = resolve(ref);
    if (sub) return createSubresource(this, rt, sub.name, ref, body, opts);
    const review = createReview(this, rt, ref, body, opts);
    if (review) return review;
    if (!rt.verbs.includes('create') || (rt.namespaced && !ref.namespace)) throw methodNotSupported(qualifiedResource(rt), 'create');
    const obj = decodeForWrite(rt, body, opts);
    checkNamespace(rt, obj, ref.namespace);
    return this.createObject(rt, obj, opts, { verb: 'create', managed: 'update' });
  }

  get(ref: ResourceRef): KubeObject {
    const v = viewed(ref);
    if (v) return v.view.fromStored(this.get(v.stored));
    const { rt, sub } = resolve(ref);
    if (sub) return getSubresource(this, rt, sub.name, ref);
    return this.getObject(rt, ref.namespace, ref.name ?? '');
  }

  list(ref: ResourceRef, opts: ListOptions = {}): ObjectList {
    const v = viewed(ref);
    if (v) {
      const list = this.list(v.stored, opts);
      return { ...list, apiVersion: apiVersionOf(v.rt), kind: v.rt.listKind, items: list.items.map(v.view.fromStored) };
    }
    const { rt } = resolve(ref);
    if (!rt.verbs.includes('list')) throw methodNotSupported(qualifiedResource(rt), 'list');
    return listObjects(this.core, rt, ref.namespace, opts);
  }

  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Watch {
    const v = viewed(ref);
    if (v) {
      return this.watch(v.stored, opts, (e) => onEvent(e.type === 'ERROR' ? e : { type: e.type, object: v.view.fromStored(e.object as KubeObject) }));
    }
    const { rt } = resolve(ref);
    if (!rt.verbs.includes('watch')) throw methodNotSupported(qualifiedResource(rt), 'watch');
    return watchObjects(this.core, rt, ref, opts, onEvent);
  }

  update(ref: ResourceRef, body: unknown, opts: WriteOptions = {}): KubeObject {
    return this.track(() => this.updateNow(ref, body, opts));
  }

  private updateNow(ref: ResourceRef, body: unknown, opts: WriteOptions = {}): KubeObject {
    const v = viewed(ref);
    if (v) return v.view.fromStored(this.update(v.stored, v.view.toStored(decodeForWrite(v.rt, body, opts)), opts));
    const { rt, sub } = resolve(ref);
    if (sub) return updateSubresource(this, rt, sub.name, ref, body, opts);
    if (!rt.verbs.includes('update')) throw methodNotSupported(qualifiedResource(rt), 'update');
    const obj = decodeForWrite(rt, body, opts);
    checkNamespace(rt, obj, ref.namespace);
    checkName(obj, ref.name);
    const old = this.core.store.get(objectKeyOf(rt, ref.namespace, obj.metadata.name!));
    if (!old) {
      if (!allowCreateOnUpdate(rt)) throw notFound(qualifiedResource(rt), ref.name ?? '');
      return this.createObject(rt, obj, opts, { verb: 'update', managed: 'update' });
    }
    return this.updateObject(rt, obj, old, opts, { verb: 'update', managed: 'update' });
  }

  patch(ref: ResourceRef, type: PatchType, patch: unknown, opts: WriteOptions = {}): KubeObject {
    return this.track(() => this.patchNow(ref, type, patch, opts));
  }

  private patchNow(ref: ResourceRef, type: PatchType, patch: unknown, opts: WriteOptions = {}): KubeObject {
    const v = viewed(ref);
    if (v) {
      const current = this.get(ref);
      const patched = applyPatch(type === 'apply' ? 'merge' : type, current, patch, v.rt);
      return v.view.fromStored(this.update(v.stored, v.view.toStored(decodeForWrite(v.rt, patched, opts)), opts));
    }
    const { rt, sub } = resolve(ref);
    if (sub) return patchSubresource(this, rt, sub.name, ref, type, patch, opts);
    if (!rt.verbs.includes('patch')) throw methodNotSupported(qualifiedResource(rt), 'patch');
    const name = ref.name ?? '';
    const old = this.core.store.get(objectKeyOf(rt, ref.namespace, name));
    if (!old) {
      if (type !== 'apply') throw notFound(qualifiedResource(rt), name);
      return this.applyCreate(rt, ref, patch, opts);
    }
    if (type === 'apply') {
      const applied = decodeForWrite(rt, patch, opts);
      checkNamespace(rt, applied, ref.namespace);
      checkName(applied, name);
      const next = serverSideApply(clone(old), applied, this.applyOptions(rt, opts));
      return this.updateObject(rt, clone(next), old, opts, { verb: 'patch', managed: 'apply' });
    }
    const patched = applyPatch(type, old, patch, rt);
    const obj = decodeForWrite(rt, patched, { ...opts, fieldValidation: opts.fieldValidation ?? 'Ignore' });
    checkNamespace(rt, obj, ref.namespace);
    checkName(obj, name);
    return this.updateObject(rt, obj, old, opts, { verb: 'patch', managed: 'update' });
  }

  delete(ref: ResourceRef, opts: DeleteOptions = {}): DeleteResult {
    const v = viewed(ref);
    if (v) {
      const result = this.delete(v.stored, opts);
      return result.body.kind === 'Status' ? result : { ...result, body: v.view.fromStored(result.body as KubeObject) };
    }
    const { rt, sub } = resolve(ref);
    if (sub || !rt.verbs.includes('delete')) throw methodNotSupported(qualifiedResource(rt), 'delete');
    return deleteObject(this, rt, ref.namespace, ref.name ?? '', opts);
  }

  deleteCollection(ref: ResourceRef, list: ListOptions, opts: DeleteOptions = {}): ObjectList {
    const v = viewed(ref);
    if (v) {
      const out = this.deleteCollection(v.stored, list, opts);
      return { ...out, apiVersion: apiVersionOf(v.rt), kind: v.rt.listKind, items: out.items.map(v.view.fromStored) };
    }
    const { rt } = resolve(ref);
    if (!rt.verbs.includes('deletecollection')) throw methodNotSupported(qualifiedResource(rt), 'deletecollection');
    return deleteCollection(this, rt, ref.namespace, list, opts);
  }

  /** The API as the API server itself calls it (admission's reads and quota writes). */
  internalClient(): ApiClient {
    return (this.internal ??= withActor(this, 'kube-apiserver'));
  }
  private internal?: ApiClient;

  // ---- the write path, shared with subresources, delete and the create-on-update cases ----

  getObject(rt: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.core.store.get(objectKeyOf(rt, namespace, name));
    if (!obj) throw notFound(qualifiedResource(rt), name);
    return obj;
  }

  createObject(rt: ResourceType, obj: KubeObject, opts: WriteOptions, how: CommitOptions): KubeObject {
    fillCreateMetadata(rt, obj, this.core);
    prepareForCreate(rt, obj);
    applyDefaults(obj);
    // Admission sees the name as requested (generateName for generated names), as the real handler does.
    const attrs = { operation: 'CREATE' as const, resource: rt, namespace: obj.metadata.namespace, name: obj.metadata.name || obj.metadata.generateName || '', object: obj, dryRun: !!opts.dryRun };
    runAdmission(this, 'admit', attrs);
    const fixedName = obj.metadata.name;
    if (!fixedName) obj.metadata.name = generatedName(obj.metadata.generateName ?? '', this.core.random);
    const errs = validateCreate(obj);
    if (errs.length) throw invalid(qualifiedKind(rt), obj.metadata.name ?? '', errs);
    const releaseAllocations = rt.resource === 'services' && !rt.group ? allocateServiceOnCreate(this.core, obj) : () => {};
    try {
      runAdmission(this, 'validate', attrs);
      const managed = how.managed === 'update' ? updateManagedFields(undefined, obj, this.managedOptions(opts, how)) : obj;
      if (opts.dryRun) {
        releaseAllocations();
        // The dry-run storage still asks the store whether the key is taken, as etcd's would.
        if (this.core.store.get(objectKeyOf(rt, obj.metadata.namespace, obj.metadata.name!))) throw alreadyExists(qualifiedResource(rt), obj.metadata.name!);
        this.createdNow = true;
        return managed;
      }
      return this.commitCreate(rt, managed, fixedName === undefined, opts, how);
    } catch (e) {
      releaseAllocations();
      throw e;
    }
  }

  /** Stores a new object; a generated name that collides is drawn again (RetryGenerateName). */
  private commitCreate(rt: ResourceType, obj: KubeObject, generated: boolean, opts: WriteOptions, how: CommitOptions): KubeObject {
    for (let attempt = 0; ; attempt++) {
      try {
        const stored = this.core.store.create(objectKeyOf(rt, obj.metadata.namespace, obj.metadata.name!), obj);
        this.createdNow = true;
        this.record(rt, stored, 'ADDED', opts, how);
        return stored;
      } catch (e) {
        if (!(e instanceof StoreError) || e.kind !== 'exists') throw e;
        if (!generated || attempt >= 7) throw alreadyExists(qualifiedResource(rt), obj.metadata.name!);
        obj.metadata.name = generatedName(obj.metadata.generateName ?? '', this.core.random);
      }
    }
  }

  updateObject(rt: ResourceType, obj: KubeObject, old: KubeObject, opts: WriteOptions, how: CommitOptions): KubeObject {
    const qr = qualifiedResource(rt);
    const name = old.metadata.name!;
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(qr, name);
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) throw uidPrecondition(qr, name, obj.metadata.uid, old.metadata.uid);
    carryUpdateMetadata(obj, old);
    // Scale and ephemeral containers go through the main strategy (generation, kept status); status,
    // binding and finalize write what they mean to.
    if (!how.subresource || how.subresource === 'scale' || how.subresource === 'ephemeralcontainers') prepareForUpdate(rt, obj, old);
    applyDefaults(obj);
    const attrs = { operation: 'UPDATE' as const, resource: rt, subresource: how.subresource, namespace: obj.metadata.namespace, name, object: obj, oldObject: old, dryRun: !!opts.dryRun };
    runAdmission(this, 'admit', attrs);
    if (!how.subresource) {
      const errs = validateUpdate(obj, old);
      if (errs.length) throw invalid(qualifiedKind(rt), name, errs);
    }
    const release = rt.resource === 'services' && !rt.group ? allocateServiceOnUpdate(this.core, obj, old) : () => {};
    try {
      runAdmission(this, 'validate', attrs);
    } catch (e) {
      release();
      throw e;
    }
    metaOf(obj).resourceVersion = old.metadata.resourceVersion;
    const managed = how.managed === 'update' ? updateManagedFields(old, obj, this.managedOptions(opts, how)) : obj;
    if (sameObject(managed, old)) return old;
    if (opts.dryRun) {
      release();
      return managed;
    }
    const stored = this.core.store.update(objectKeyOf(rt, old.metadata.namespace, name), managed, Number(old.metadata.resourceVersion));
    this.record(rt, stored, 'MODIFIED', opts, how);
    if (shouldDeleteDuringUpdate(rt, stored, old)) {
      return this.removeObject(rt, stored, opts, { verb: how.verb, managed: how.managed });
    }
    return stored;
  }

  /** Deletes from the store now (no more grace, no finalizers), releasing what the object held. */
  removeObject(rt: ResourceType, obj: KubeObject, opts: { actor?: string }, how: CommitOptions): KubeObject {
    const removed = this.core.store.delete(objectKeyOf(rt, obj.metadata.namespace, obj.metadata.name!));
    if (rt.resource === 'services' && !rt.group) releaseService(this.core, removed);
    this.record(rt, removed, 'DELETED', opts, how, obj);
    return removed;
  }

  private applyCreate(rt: ResourceType, ref: ResourceRef, patch: unknown, opts: WriteOptions): KubeObject {
    if (rt.namespaced && !ref.namespace) throw methodNotSupported(qualifiedResource(rt), 'create');
    const applied = decodeForWrite(rt, patch, opts);
    checkNamespace(rt, applied, ref.namespace);
    checkName(applied, ref.name);
    const obj = clone(serverSideApply(undefined, applied, this.applyOptions(rt, opts)));
    return this.createObject(rt, obj, opts, { verb: 'patch', managed: 'apply' });
  }

  private applyOptions(rt: ResourceType, opts: WriteOptions) {
    return { manager: opts.fieldManager ?? managerFor(actorOf(opts)), force: !!opts.force, now: rfc3339(this.core.clock.now()), apiVersion: apiVersionOf(rt) };
  }

  private managedOptions(opts: WriteOptions, how: CommitOptions) {
    return {
      manager: opts.fieldManager ?? managerFor(actorOf(opts)),
      operation: 'Update' as const,
      now: rfc3339(this.core.clock.now()),
      ...(how.subresource ? { subresource: how.subresource } : {}),
    };
  }

  private record(rt: ResourceType, stored: KubeObject, type: 'ADDED' | 'MODIFIED' | 'DELETED', opts: { actor?: string; fieldManager?: string }, how: CommitOptions, last?: KubeObject): void {
    this.core.onCommit({
      revision: this.core.store.revision,
      time: this.core.clock.now(),
      actor: actorOf(opts),
      verb: how.verb,
      group: rt.group,
      resource: rt.resource,
      ...(how.subresource ? { subresource: how.subresource } : {}),
      ...(stored.metadata.namespace ? { namespace: stored.metadata.namespace } : {}),
      name: stored.metadata.name ?? '',
      type,
      object: last ?? stored,
    });
  }
}

/** An object being deleted goes once its last finalizer does (namespaces also wait on spec.finalizers). */
function shouldDeleteDuringUpdate(rt: ResourceType, obj: KubeObject, old: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp || obj.metadata.finalizers?.length || old.metadata.deletionGracePeriodSeconds !== 0) return false;
  const isNamespace = rt.resource === 'namespaces' && !rt.group;
  return !isNamespace || !((obj.spec as { finalizers?: string[] } | undefined)?.finalizers?.length);
}

/** For a resource that is a view of another's objects: the view and the stored resource's ref. */
function viewed(ref: ResourceRef) {
  const rt = findResource(ref.group, ref.version, ref.resource);
  const v = rt && viewOf(rt);
  if (!rt || !v) return undefined;
  return { rt, view: v.view, stored: { ...ref, ...v.stored } };
}

/**
 * An update that changes nothing is not written (etcd sees identical bytes): no new resourceVersion.
 * Whether two objects serialise to the same JSON up to key order (undefined members dropped):
 * walked in place rather than canonicalised and stringified, since every write asks it.
 */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  return sameJson(a, b);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // JSON writes an undefined array element as null.
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    let defined = 0;
    for (const k of Object.keys(x)) {
      if (x[k] === undefined) continue;
      defined++;
      if (y[k] === undefined || !Object.prototype.hasOwnProperty.call(y, k) || !sameJson(x[k], y[k])) return false;
    }
    for (const k of Object.keys(y)) if (y[k] !== undefined) defined--;
    return defined === 0;
  }
  return JSON.stringify(a) === JSON.stringify(b); // NaN and null, and other JSON coincidences
}

