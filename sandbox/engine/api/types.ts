// The contracts between the parts of the API layer. `Api` (api.ts) implements ApiClient; the
// HTTP front (sandbox/apiserver) and our kubectl (in-process) are its two transports.
import type { KubeObject } from '../objects.js';
import type { FieldError } from './field-errors.js';
import type { Status } from './errors.js';

/** One REST resource as discovery describes it. */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  resource: string; // plural, lower case: 'deployments'
  kind: string; // 'Deployment'
  listKind: string; // 'DeploymentList'
  singular: string; // 'deployment'
  namespaced: boolean;
  shortNames: string[];
  categories: string[]; // ['all'] for `kubectl get all`
  verbs: string[];
  subresources: SubresourceType[];
  /** etcd key prefix, as the real API server stores it: '/registry/deployments'. */
  storagePrefix: string;
  /**
   * Another resource this one is a view of (same objects, converted), e.g. events.k8s.io/v1
   * events over core/v1 events. Absent for resources stored on their own.
   */
  storedAs?: { group: string; version: string; resource: string };
}

export interface SubresourceType {
  name: string; // 'status' | 'scale' | 'log' | 'exec' | 'attach' | 'binding' | 'eviction' | 'token' | 'portforward' | 'proxy' | 'ephemeralcontainers'
  group: string;
  version: string;
  kind: string; // response kind: Deployment for status, Scale for scale, Pod for log…
  verbs: string[];
}

/** Where a request points: a resource, maybe a namespace, maybe an object and subresource. */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';
export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface UserInfo {
  username: string;
  groups: string[];
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: FieldValidation;
  /** Server-side apply: take ownership of conflicting fields. */
  force?: boolean;
  user?: UserInfo;
  /** Which component made the change, for the trace ("kubectl", "deployment-controller", …). */
  actor?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
}

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  /** Send ADDED for every existing object first (resourceVersion "" or "0" semantics). */
  sendInitialEvents?: boolean;
}

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
  user?: UserInfo;
  actor?: string;
}

export interface ObjectList {
  apiVersion: string;
  kind: string; // 'PodList'
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject | Status;
}
export interface Watch {
  stop(): void;
}

/** What a delete answered: the object (still present, being deleted) or a Success Status. */
export interface DeleteResult {
  /** 200 when done, 202 when the object waits on finalizers. */
  code: 200 | 202;
  body: KubeObject | Status;
}

/** The one implementation of the Kubernetes API semantics, synchronous and in-process. */
export interface ApiClient {
  create(ref: ResourceRef, body: unknown, opts?: WriteOptions): KubeObject;
  get(ref: ResourceRef): KubeObject;
  list(ref: ResourceRef, opts?: ListOptions): ObjectList;
  update(ref: ResourceRef, body: unknown, opts?: WriteOptions): KubeObject;
  patch(ref: ResourceRef, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject;
  delete(ref: ResourceRef, opts?: DeleteOptions): DeleteResult;
  deleteCollection(ref: ResourceRef, list: ListOptions, opts?: DeleteOptions): ObjectList;
  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Watch;
}

/** Per-kind behaviour plugged into the write path (like the real API server's registry strategies). */
export interface DefaultingContext {
  /** The namespace's or cluster's state, for defaults that need it. */
  namespace?: string;
}

/** apiVersion/kind key used to look up per-kind behaviour: 'apps/v1/Deployment', 'v1/Pod'. */
export type GvkKey = string;
export const gvkKey = (apiVersion: string, kind: string): GvkKey => `${apiVersion}/${kind}`;

export type Defaulter = (obj: KubeObject) => void;
export type CreateValidator = (obj: KubeObject) => FieldError[];
export type UpdateValidator = (obj: KubeObject, old: KubeObject) => FieldError[];
