// Subresources: status (writes only status), scale (autoscaling/v1 Scale), pods/binding,
// pods/eviction, serviceaccounts/token, namespaces/finalize.
import { rfc3339 } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import { conflict, createdStatus, failure, invalid, methodNotSupported } from './errors-extra.js';
import { invalid as invalidField } from './field-errors.js';
import { qualifiedResource, RESOURCES } from './resources.js';
import { checkName, decodeForWrite, isObjectBody, resourceNotFound } from './request.js';
import { prepareForStatusUpdate } from './strategies.js';
import { applyPatch } from './patching.js';
import { validateStatusUpdate } from './collaborators.js';
import { formatLabelSelector } from './selector-format.js';
import { evictPod } from './eviction.js';
import { requestToken } from './token.js';
import type { Api } from './api.js';
import type { PatchType, ResourceRef, ResourceType, WriteOptions } from './types.js';

export function getSubresource(api: Api, rt: ResourceType, sub: string, ref: ResourceRef): KubeObject {
  const obj = api.getObject(rt, ref.namespace, ref.name ?? '');
  if (sub === 'status' || sub === 'ephemeralcontainers' || sub === 'resize') return obj;
  if (sub === 'scale') return scaleOf(rt, obj);
  throw methodNotSupported(qualifiedResource(rt), 'get');
}

export function updateSubresource(api: Api, rt: ResourceType, sub: string, ref: ResourceRef, body: unknown, opts: WriteOptions): KubeObject {
  if (sub === 'status') return updateStatus(api, rt, ref, decodeForWrite(rt, body, opts), opts);
  if (sub === 'scale') return updateScale(api, rt, ref, body, opts);
  if (sub === 'finalize') return finalizeNamespace(api, rt, ref, decodeForWrite(rt, body, opts), opts);
  if (sub === 'ephemeralcontainers') return updateEphemeralContainers(api, rt, ref, decodeForWrite(rt, body, opts), opts);
  throw methodNotSupported(qualifiedResource(rt), 'update');
}

export function patchSubresource(api: Api, rt: ResourceType, sub: string, ref: ResourceRef, type: PatchType, patch: unknown, opts: WriteOptions): KubeObject {
  if (sub !== 'status' && sub !== 'scale' && sub !== 'ephemeralcontainers') throw methodNotSupported(qualifiedResource(rt), 'patch');
  const current = getSubresource(api, rt, sub, ref);
  const patched = type === 'apply' ? applyPatch('merge', current, patch, rt) : applyPatch(type, current, patch, rt);
  return updateSubresource(api, rt, sub, ref, patched, opts);
}

export function createSubresource(api: Api, rt: ResourceType, sub: string, ref: ResourceRef, body: unknown, opts: WriteOptions): KubeObject {
  if (sub === 'binding') return bindPod(api, ref, body, opts);
  if (sub === 'eviction') return evictPod(api, ref, body, opts) as unknown as KubeObject;
  if (sub === 'token') return requestToken(api, rt, ref, body);
  if (!rt.subresources.some((s) => s.name === sub)) throw resourceNotFound();
  throw methodNotSupported(qualifiedResource(rt), 'create');
}

function updateStatus(api: Api, rt: ResourceType, ref: ResourceRef, body: KubeObject, opts: WriteOptions): KubeObject {
  checkName(body, ref.name);
  const old = api.getObject(rt, ref.namespace, ref.name ?? '');
  const next = prepareForStatusUpdate(body, old);
  const errs = validateStatusUpdate(next, old);
  if (errs.length) throw invalid({ group: rt.group, kind: rt.kind }, old.metadata.name ?? '', errs);
  return api.updateObject(rt, next, old, opts, { verb: 'update', subresource: 'status', managed: 'update' });
}

/** pods/ephemeralcontainers (kubectl debug): only spec.ephemeralContainers changes. */
function updateEphemeralContainers(api: Api, rt: ResourceType, ref: ResourceRef, body: KubeObject, opts: WriteOptions): KubeObject {
  checkName(body, ref.name);
  const old = api.getObject(rt, ref.namespace, ref.name ?? '');
  const next = clone(old) as KubeObject & { spec: Record<string, unknown> };
  const wanted = (body.spec as { ephemeralContainers?: unknown[] } | undefined)?.ephemeralContainers;
  if (wanted?.length) next.spec.ephemeralContainers = clone(wanted);
  else delete next.spec.ephemeralContainers;
  if (body.metadata.resourceVersion) (next.metadata as { resourceVersion?: string }).resourceVersion = body.metadata.resourceVersion;
  return api.updateObject(rt, next, old, opts, { verb: 'update', subresource: 'ephemeralcontainers', managed: 'update' });
}

function scaleOf(rt: ResourceType, obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  const selector = rt.resource === 'replicationcontrollers' ? formatLabelSelector({ matchLabels: spec.selector as Record<string, string> }) : formatLabelSelector(spec.selector as never);
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

function updateScale(api: Api, rt: ResourceType, ref: ResourceRef, body: unknown, opts: WriteOptions): KubeObject {
  const scale = decodeForWrite(rt, body, opts, { apiVersion: 'autoscaling/v1', kind: 'Scale' });
  checkName(scale, ref.name);
  const old = api.getObject(rt, ref.namespace, ref.name ?? '');
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  if (replicas < 0) throw invalid({ group: 'autoscaling', kind: 'Scale' }, ref.name ?? '', [invalidField('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  if (scale.metadata.resourceVersion && scale.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(qualifiedResource(rt), ref.name ?? '');
  const next = clone(old) as KubeObject & { spec: { replicas?: number } };
  next.spec = { ...(next.spec ?? {}), replicas };
  const stored = api.updateObject(rt, next, old, opts, { verb: 'update', subresource: 'scale', managed: 'update' });
  return scaleOf(rt, stored);
}

/** pods/binding (and the bindings resource): assigns the pod to a node, once. */
export function bindPod(api: Api, ref: ResourceRef, body: unknown, opts: WriteOptions): KubeObject {
  if (!isObjectBody(body)) throw failure(400, 'BadRequest', 'the object provided is unrecognized (must be of type Binding)');
  const binding = body as { metadata?: { name?: string; annotations?: Record<string, string> }; target?: { kind?: string; name?: string } };
  const podName = ref.subresource ? (ref.name ?? '') : (binding.metadata?.name ?? '');
  const pod = api.getObject(PODS, ref.namespace, podName);
  const qr = { group: '', resource: 'pods/binding' };
  if (binding.target?.kind && binding.target.kind !== 'Node') throw failure(500, 'InternalError', `Internal error occurred: Binding target kind ${binding.target.kind} is not supported`);
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (pod.metadata.deletionTimestamp) throw conflict(qr, podName, `pod ${podName} is being deleted, cannot be assigned to a host`);
  if (spec.nodeName) throw conflict(qr, podName, `pod ${podName} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
  const next = clone(pod) as KubeObject & { spec: Record<string, unknown>; status?: { conditions?: Array<Record<string, unknown>> } };
  next.spec.nodeName = binding.target?.name ?? '';
  if (binding.metadata?.annotations) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...binding.metadata.annotations };
  const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(api.core.clock.now()) });
  next.status = { ...(next.status ?? {}), conditions };
  api.updateObject(PODS, next, pod, opts, { verb: 'create', subresource: 'binding', managed: 'update' });
  return createdStatus() as unknown as KubeObject;
}

const PODS = RESOURCES.find((r) => r.group === '' && r.resource === 'pods')!;

/** namespaces/finalize: replaces spec.finalizers; an emptied, terminating namespace is removed. */
function finalizeNamespace(api: Api, rt: ResourceType, ref: ResourceRef, body: KubeObject, opts: WriteOptions): KubeObject {
  checkName(body, ref.name);
  const old = api.getObject(rt, undefined, ref.name ?? '');
  const next = clone(old) as KubeObject & { spec?: { finalizers?: string[] } };
  next.spec = { ...(next.spec ?? {}), finalizers: ((body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).slice() };
  const stored = api.updateObject(rt, next, old, opts, { verb: 'update', subresource: 'finalize', managed: 'update' });
  const empty = !(stored.spec as { finalizers?: string[] }).finalizers?.length && !stored.metadata.finalizers?.length;
  if (stored.metadata.deletionTimestamp && empty) api.removeObject(rt, stored, opts, { verb: 'update', subresource: 'finalize', managed: 'update' });
  return stored;
}
