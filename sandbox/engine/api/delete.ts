// Deletion as the generic registry store does it: preconditions, graceful deletion (pods), the
// propagation policy's finalizers (orphan, foregroundDeletion), objects held by finalizers, and
// the answer: the object while it is still there, else the deleted object or a Success Status.
import { rfc3339 } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import { conflict, deletedStatus, resourceVersionPrecondition, uidPrecondition } from './errors-extra.js';
import { qualifiedResource } from './resources.js';
import { metaOf, objectKeyOf } from './request.js';
import { returnsDeletedObject } from './strategies.js';
import { listObjects } from './list-watch.js';
import type { Api } from './api.js';
import { runAdmission } from '../admission/chain.js';
import type { DeleteOptions, DeleteResult, ListOptions, ObjectList, PropagationPolicy, ResourceType } from './types.js';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export function deleteObject(api: Api, rt: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions): DeleteResult {
  const obj = api.getObject(rt, namespace, name);
  checkPreconditions(rt, obj, opts);
  runAdmission(api, 'admit', { operation: 'DELETE', resource: rt, namespace, name, oldObject: obj, dryRun: !!opts.dryRun });
  if (rt.resource === 'namespaces' && !rt.group) return deleteNamespace(api, rt, obj, opts);
  return deleteStored(api, rt, obj, opts);
}

function checkPreconditions(rt: ResourceType, obj: KubeObject, opts: DeleteOptions): void {
  const p = opts.preconditions;
  const name = obj.metadata.name ?? '';
  if (p?.uid && p.uid !== obj.metadata.uid) {
    // Namespaces check it themselves; everything else fails early in rest.BeforeDelete, naming the kind.
    if (rt.resource === 'namespaces' && !rt.group) throw uidPrecondition(qualifiedResource(rt), name, p.uid, obj.metadata.uid);
    throw conflict({ group: rt.group, resource: rt.kind }, name, `the UID in the precondition (${p.uid}) does not match the UID in record (${obj.metadata.uid ?? ''}). The object might have been deleted and then recreated`);
  }
  if (p?.resourceVersion && p.resourceVersion !== obj.metadata.resourceVersion) {
    throw resourceVersionPrecondition(qualifiedResource(rt), name, p.resourceVersion, obj.metadata.resourceVersion);
  }
}

/** Finalizers after applying the propagation policy (shouldUpdateFinalizers). */
function finalizersFor(current: string[], policy: PropagationPolicy | undefined): string[] {
  const rest = current.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (policy === 'Orphan') return [...rest, ORPHAN_FINALIZER];
  if (policy === 'Foreground') return [...rest, FOREGROUND_FINALIZER];
  if (policy === 'Background') return rest;
  return current; // no policy asked: keep what the object has
}

/** The pod strategy's grace period: the request's, else the pod's; 0 for unscheduled or finished pods. */
function gracePeriod(rt: ResourceType, obj: KubeObject, opts: DeleteOptions): number {
  if (rt.resource !== 'pods' || rt.group) return 0;
  const spec = (obj.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
}

function deleteStored(api: Api, rt: ResourceType, obj: KubeObject, opts: DeleteOptions): DeleteResult {
  const grace = gracePeriod(rt, obj, opts);
  const finalizers = finalizersFor(obj.metadata.finalizers ?? [], opts.propagationPolicy);
  const pending = !!obj.metadata.deletionTimestamp;
  if (pending && !shortensGrace(obj, grace) && sameList(finalizers, obj.metadata.finalizers ?? [])) return { code: 200, body: obj };
  if (finalizers.length === 0 && grace === 0) return removeNow(api, rt, obj, opts);
  const next = clone(obj);
  if (finalizers.length) next.metadata.finalizers = finalizers;
  else delete next.metadata.finalizers;
  if (!pending || shortensGrace(obj, grace)) {
    metaOf(next).deletionTimestamp = rfc3339(api.core.clock.now() + grace * 1000);
    metaOf(next).deletionGracePeriodSeconds = grace;
  }
  if (opts.dryRun) return { code: 200, body: next };
  const stored = api.core.store.update(objectKeyOf(rt, obj.metadata.namespace, obj.metadata.name!), next, Number(obj.metadata.resourceVersion));
  recordDelete(api, rt, stored, opts, 'MODIFIED');
  return { code: 200, body: stored };
}

function shortensGrace(obj: KubeObject, grace: number): boolean {
  const current = obj.metadata.deletionGracePeriodSeconds;
  return !!obj.metadata.deletionTimestamp && current !== undefined && grace < current;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function removeNow(api: Api, rt: ResourceType, obj: KubeObject, opts: DeleteOptions): DeleteResult {
  if (!opts.dryRun) api.removeObject(rt, obj, opts, { verb: 'delete', managed: 'update' });
  const body = returnsDeletedObject(rt) ? obj : deletedStatus(qualifiedResource(rt), obj.metadata.name ?? '', obj.metadata.uid);
  return { code: 200, body };
}

function recordDelete(api: Api, rt: ResourceType, stored: KubeObject, opts: DeleteOptions, type: 'MODIFIED'): void {
  api.core.onCommit({
    revision: api.core.store.revision,
    time: api.core.clock.now(),
    actor: opts.actor ?? 'unknown',
    verb: 'delete',
    group: rt.group,
    resource: rt.resource,
    ...(stored.metadata.namespace ? { namespace: stored.metadata.namespace } : {}),
    name: stored.metadata.name ?? '',
    type,
    object: stored,
  });
}

/**
 * Namespaces: the first delete marks the namespace Terminating and leaves it to the namespace
 * controller, which empties it and removes the `kubernetes` finalizer from spec.finalizers.
 */
function deleteNamespace(api: Api, rt: ResourceType, ns: KubeObject, opts: DeleteOptions): DeleteResult {
  const specFinalizers = ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length;
  const finalizers = finalizersFor(ns.metadata.finalizers ?? [], opts.propagationPolicy);
  if (ns.metadata.deletionTimestamp) {
    if (specFinalizers > 0) {
      throw conflict(qualifiedResource(rt), ns.metadata.name ?? '', 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.');
    }
    if (finalizers.length === 0) return removeNow(api, rt, ns, opts);
    return { code: 200, body: ns };
  }
  if (specFinalizers === 0 && finalizers.length === 0) return removeNow(api, rt, ns, opts);
  const next = clone(ns) as KubeObject & { status?: { phase?: string } };
  metaOf(next).deletionTimestamp = rfc3339(api.core.clock.now());
  metaOf(next).deletionGracePeriodSeconds = 0;
  if (finalizers.length) next.metadata.finalizers = finalizers;
  next.status = { ...(next.status ?? {}), phase: 'Terminating' };
  if (opts.dryRun) return { code: 200, body: next };
  const stored = api.core.store.update(objectKeyOf(rt, undefined, ns.metadata.name!), next, Number(ns.metadata.resourceVersion));
  recordDelete(api, rt, stored, opts, 'MODIFIED');
  return { code: 200, body: stored };
}

/** DELETE on a collection: every matching object, each by the rules above; answers the list of them. */
export function deleteCollection(api: Api, rt: ResourceType, namespace: string | undefined, list: ListOptions, opts: DeleteOptions): ObjectList {
  const listed = listObjects(api.core, rt, namespace, { labelSelector: list.labelSelector, fieldSelector: list.fieldSelector });
  const items: KubeObject[] = [];
  for (const obj of listed.items) {
    const result = deleteObject(api, rt, obj.metadata.namespace, obj.metadata.name ?? '', opts);
    items.push(result.body.kind === 'Status' ? obj : (result.body as KubeObject));
  }
  return { ...listed, items };
}
