// The garbage collector (kube-controller-manager's garbagecollector): follows ownerReferences.
// - Background: once an owner is gone, its dependents are deleted (or, with other owners left,
//   lose the dangling reference).
// - Foreground: an owner with the `foregroundDeletion` finalizer has its dependents deleted
//   (foreground too); when none with blockOwnerDeletion is left, the finalizer is removed.
// - Orphan: an owner with the `orphan` finalizer has its reference removed from every dependent,
//   then the finalizer.
// Keys: `owner|<group>|<resource>|<ns>|<name>`, `dependent|…` and `dependents-of|<uid>`.
import { isStatusError } from '../api/errors.js';
import { findResourceByKind, RESOURCES } from '../api/resources.js';
import type { ApiClient, ResourceRef, ResourceType } from '../api/types.js';
import type { KubeObject, OwnerReference } from '../objects.js';
import type { Controller, ControllerContext } from './runtime-contract.js';
import type { WatchedResourceWithDeletes } from './runtime.js';

export const ORPHAN = 'orphan';
export const FOREGROUND = 'foregroundDeletion';

/** Resources whose objects can own or depend: stored on their own, listable, deletable. */
export const COLLECTED_RESOURCES: ResourceType[] = RESOURCES.filter(
  (r) => !r.storedAs && r.verbs.includes('list') && r.verbs.includes('delete') && r.verbs.includes('watch'),
);

const refOf = (rt: ResourceType, namespace?: string, name?: string): ResourceRef => ({
  group: rt.group,
  version: rt.version,
  resource: rt.resource,
  ...(rt.namespaced && namespace ? { namespace } : {}),
  ...(name ? { name } : {}),
});

const objKey = (kind: string, rt: ResourceType, obj: KubeObject) => `${kind}|${rt.group}|${rt.resource}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
const owners = (obj: KubeObject | undefined): OwnerReference[] => (obj?.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
const hasGcFinalizer = (obj: KubeObject) => !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).some((f) => f === ORPHAN || f === FOREGROUND);

/** Where the owner a reference names lives, seen from its dependent. */
function ownerLocation(ref: OwnerReference, dependent: KubeObject): { rt: ResourceType; namespace?: string } | undefined {
  const rt = findResourceByKind(ref.apiVersion, ref.kind);
  if (!rt) return undefined;
  return { rt, namespace: rt.namespaced ? dependent.metadata.namespace : undefined };
}

function watched(rt: ResourceType): WatchedResourceWithDeletes {
  return {
    group: rt.group,
    version: rt.version,
    resource: rt.resource,
    keysFor(obj, old) {
      const keys: string[] = [];
      if (hasGcFinalizer(obj)) keys.push(objKey('owner', rt, obj));
      if (owners(obj).length || owners(old).length) keys.push(objKey('dependent', rt, obj));
      for (const ref of owners(obj)) {
        const at = ownerLocation(ref, obj);
        if (at && obj.metadata.deletionTimestamp) keys.push(`owner|${at.rt.group}|${at.rt.resource}|${at.namespace ?? ''}|${ref.name}`);
      }
      return keys;
    },
    keysForDeleted(obj) {
      const keys = [`dependents-of|${obj.metadata.uid}`];
      for (const ref of owners(obj)) {
        const at = ownerLocation(ref, obj);
        if (at) keys.push(`owner|${at.rt.group}|${at.rt.resource}|${at.namespace ?? ''}|${ref.name}`);
      }
      return keys;
    },
  };
}

function tryGet(api: ApiClient, ref: ResourceRef): KubeObject | undefined {
  try {
    return api.get(ref);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

interface Dependent {
  rt: ResourceType;
  obj: KubeObject;
}

function dependentsOf(api: ApiClient, uid: string): Dependent[] {
  const out: Dependent[] = [];
  for (const rt of COLLECTED_RESOURCES) {
    for (const obj of api.list(refOf(rt)).items) if (owners(obj).some((o) => o.uid === uid)) out.push({ rt, obj });
  }
  return out;
}

function setOwnerReferences(api: ApiClient, d: Dependent, refs: OwnerReference[]): void {
  api.patch(refOf(d.rt, d.obj.metadata.namespace, d.obj.metadata.name), 'merge', {
    metadata: { ownerReferences: refs.length ? refs : null, uid: d.obj.metadata.uid },
  });
}

function removeFinalizer(api: ApiClient, rt: ResourceType, obj: KubeObject, finalizer: string): void {
  const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  api.patch(refOf(rt, obj.metadata.namespace, obj.metadata.name), 'merge', {
    metadata: { finalizers: rest.length ? rest : null, resourceVersion: obj.metadata.resourceVersion },
  });
}

/** A dependent whose owners are (some or all) gone: drop the dangling references, or the dependent. */
function collectDependent(api: ApiClient, d: Dependent): void {
  const refs = owners(d.obj);
  if (refs.length === 0) return;
  const alive = refs.filter((ref) => {
    const at = ownerLocation(ref, d.obj);
    if (!at) return true; // an owner kind we do not serve is never judged absent
    const owner = tryGet(api, refOf(at.rt, at.namespace, ref.name));
    return owner !== undefined && owner.metadata.uid === ref.uid;
  });
  if (alive.length === refs.length) return;
  if (alive.length === 0) {
    if (!d.obj.metadata.deletionTimestamp) api.delete(refOf(d.rt, d.obj.metadata.namespace, d.obj.metadata.name), { propagationPolicy: 'Background', preconditions: { uid: d.obj.metadata.uid } });
    return;
  }
  setOwnerReferences(api, d, alive);
}

function collectOwner(api: ApiClient, rt: ResourceType, owner: KubeObject): void {
  const uid = owner.metadata.uid!;
  const finalizers = owner.metadata.finalizers ?? [];
  if (finalizers.includes(ORPHAN)) {
    for (const d of dependentsOf(api, uid)) setOwnerReferences(api, d, owners(d.obj).filter((o) => o.uid !== uid));
    removeFinalizer(api, rt, owner, ORPHAN);
    return;
  }
  if (!finalizers.includes(FOREGROUND)) return;
  const dependents = dependentsOf(api, uid);
  for (const d of dependents) {
    if (!d.obj.metadata.deletionTimestamp) api.delete(refOf(d.rt, d.obj.metadata.namespace, d.obj.metadata.name), { propagationPolicy: 'Foreground', preconditions: { uid: d.obj.metadata.uid } });
  }
  const blocking = dependentsOf(api, uid).filter((d) => owners(d.obj).some((o) => o.uid === uid && o.blockOwnerDeletion));
  if (blocking.length === 0) removeFinalizer(api, rt, tryGet(api, refOf(rt, owner.metadata.namespace, owner.metadata.name)) ?? owner, FOREGROUND);
}

function reconcile(key: string, ctx: ControllerContext): void {
  const [kind, ...rest] = key.split('|');
  const api = ctx.api;
  if (kind === 'dependents-of') {
    for (const d of dependentsOf(api, rest[0])) collectDependent(api, d);
    return;
  }
  const [group, resource, namespace, name] = rest;
  const rt = COLLECTED_RESOURCES.find((r) => r.group === group && r.resource === resource);
  if (!rt) return;
  const obj = tryGet(api, refOf(rt, namespace || undefined, name));
  if (!obj) return;
  if (kind === 'owner') {
    if (hasGcFinalizer(obj)) collectOwner(api, rt, obj);
  } else if (kind === 'dependent') collectDependent(api, { rt, obj });
}

export function garbageCollector(): Controller {
  return { name: 'garbage-collector', watches: COLLECTED_RESOURCES.map(watched), reconcile };
}
