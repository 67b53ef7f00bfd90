// What every request handler shares: the engine's parts, resolving a ResourceRef to a resource,
// storage keys, decoding a body against its endpoint, and the server-set metadata fields.
import { rfc3339, type Clock, type Random } from '../clock.js';
import { clone, type KubeObject } from '../objects.js';
import type { Store, StoreEvent } from '../store/store.js';
import type { Allocators } from './allocators.js';
import type { AdmissionPlugin } from '../admission/types.js';
import { badRequest, failureStatus, invalid, StatusError } from './errors-extra.js';
import { apiVersionOf, findResource, qualifiedKind, RESOURCES } from './resources.js';
import type { ResourceRef, ResourceType, SubresourceType, WriteOptions } from './types.js';
import { required } from './field-errors.js';
import { decodeStrict } from './collaborators.js';

/** One committed change, for the engine's trace and change listeners. */
export interface CommitRecord {
  revision: number;
  time: number;
  actor: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name: string;
  type: StoreEvent['type'];
  object: KubeObject;
}

export interface ApiCore {
  store: Store;
  clock: Clock;
  random: Random;
  allocators: Allocators;
  admission: AdmissionPlugin[];
  onCommit(record: CommitRecord): void;
}

export interface Resolved {
  rt: ResourceType;
  sub?: SubresourceType;
}

export const resourceNotFound = () =>
  new StatusError(failureStatus(404, 'NotFound', 'the server could not find the requested resource'));

export function resolve(ref: ResourceRef): Resolved {
  const rt = findResource(ref.group, ref.version, ref.resource);
  if (!rt) throw resourceNotFound();
  if (!ref.subresource) return { rt };
  const sub = rt.subresources.find((s) => s.name === ref.subresource);
  if (!sub) throw resourceNotFound();
  return { rt, sub };
}

/** The resource whose objects are stored under this one's keys (events.k8s.io events are core events). */
export function storedResource(rt: ResourceType): ResourceType {
  if (!rt.storedAs) return rt;
  const { group, version, resource } = rt.storedAs;
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource) ?? rt;
}

export function objectKeyOf(rt: ResourceType, namespace: string | undefined, name: string): string {
  const prefix = storedResource(rt).storagePrefix;
  return rt.namespaced ? `${prefix}/${namespace ?? ''}/${name}` : `${prefix}/${name}`;
}

/** Keys of a collection: one namespace, or every namespace when none is given. */
export function collectionPrefix(rt: ResourceType, namespace: string | undefined): string {
  const prefix = storedResource(rt).storagePrefix;
  return rt.namespaced && namespace ? `${prefix}/${namespace}/` : `${prefix}/`;
}

export const isObjectBody = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Warnings of the write being handled (fieldValidation=Warn), read by Api after each write.
 * Writes are synchronous and never interleave, so one list serves every engine.
 */
export const requestWarnings: string[] = [];

/**
 * Decodes a create/update body for an endpoint: apiVersion and kind default to the endpoint's and
 * must match it, strict field validation as asked, metadata present. Returns a mutable copy.
 */
export function decodeForWrite(rt: ResourceType, body: unknown, opts: WriteOptions | undefined, expected?: { apiVersion: string; kind: string }): KubeObject {
  const target = expected ?? { apiVersion: apiVersionOf(rt), kind: rt.kind };
  if (!isObjectBody(body)) throw badRequest(`the object provided is unrecognized (must be of type ${target.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  const obj = clone(body) as KubeObject;
  const apiVersion = typeof obj.apiVersion === 'string' && obj.apiVersion ? obj.apiVersion : target.apiVersion;
  const kind = typeof obj.kind === 'string' && obj.kind ? obj.kind : target.kind;
  if (apiVersion !== target.apiVersion && !servedAlias(apiVersion, target.apiVersion, kind)) {
    throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${target.apiVersion})`);
  }
  if (kind !== target.kind) {
    throw badRequest(`${kind} in version ${JSON.stringify(apiVersion.split('/').pop())} cannot be handled as a ${target.kind}: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(target.apiVersion)}`);
  }
  obj.apiVersion = target.apiVersion;
  obj.kind = kind;
  const decoded = decodeStrict({ apiVersion: target.apiVersion, kind }, obj, opts?.fieldValidation ?? 'Ignore');
  if (decoded.error) throw decoded.error;
  requestWarnings.push(...decoded.warnings);
  if (!isObjectBody(obj.metadata)) obj.metadata = {};
  return obj;
}

/** A version served for the same resource (autoscaling/v1 for autoscaling/v2 HPAs). */
function servedAlias(given: string, expected: string, _kind: string): boolean {
  return given.split('/')[0] === expected.split('/')[0] && findResource(given.split('/')[0], given.split('/')[1] ?? '', '') !== undefined;
}

/** Namespace in the body must agree with the URL; cluster-scoped objects lose any namespace. */
export function checkNamespace(rt: ResourceType, obj: KubeObject, namespace: string | undefined): void {
  if (!rt.namespaced) {
    delete obj.metadata.namespace;
    return;
  }
  const given = obj.metadata.namespace;
  if (given && namespace && given !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = namespace ?? given;
}

export function checkName(obj: KubeObject, name: string | undefined): void {
  const given = obj.metadata.name ?? '';
  if (name !== undefined && given !== name) throw badRequest(`the name of the object (${given}) does not match the name on the URL (${name})`);
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_BASE = 58;

/** generateName + 5 characters, as names.SimpleNameGenerator makes them. */
export function generatedName(base: string, random: Random): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[Math.floor(random.next() * NAME_ALPHABET.length)];
  return `${base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base}${suffix}`;
}

/** A random (version 4) UUID from the injected random source. */
export function newUid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random.next() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** rest.BeforeCreate's server fields. The name comes later (generateName may need retries). */
export function fillCreateMetadata(rt: ResourceType, obj: KubeObject, core: ApiCore): void {
  const m = metaOf(obj);
  if (!m.name && !m.generateName) {
    throw invalid(qualifiedKind(rt), '', [required('metadata.name', 'name or generateName is required')]);
  }
  m.uid = newUid(core.random);
  m.creationTimestamp = rfc3339(core.clock.now());
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.resourceVersion;
  delete m.selfLink;
  delete m.generation;
}

/** Server fields an update may not change: carried over from the stored object. */
export function carryUpdateMetadata(obj: KubeObject, old: KubeObject): void {
  const m = metaOf(obj);
  const o = old.metadata;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp;
  else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  if (m.managedFields === undefined && o.managedFields !== undefined) m.managedFields = o.managedFields;
}

/** kubernetes-types marks server fields readonly; the server is the one who writes them. */
export type MutableMeta = { -readonly [K in keyof KubeObject['metadata']]: KubeObject['metadata'][K] };
export const metaOf = (obj: KubeObject): MutableMeta => obj.metadata as MutableMeta;

/** The field manager a component's writes carry, as the real binaries' user agents name them. */
export function managerFor(actor: string): string {
  if (actor === 'kubelet' || actor === 'kube-apiserver' || actor.startsWith('kubectl')) return actor;
  if (actor === 'default-scheduler' || actor === 'scheduler' || actor === 'kube-scheduler') return 'kube-scheduler';
  if (actor.endsWith('-controller') || actor === 'garbage-collector' || actor === 'root-ca-cert-publisher') return 'kube-controller-manager';
  return actor;
}

export const actorOf = (opts: { actor?: string; fieldManager?: string } | undefined) => opts?.actor ?? opts?.fieldManager ?? 'unknown';
