// The contract between controllers and the engine's controller runtime (like controller-runtime
// and kubernetes/sample-controller): event handlers only enqueue keys; reconcile reads the
// current state through the API and writes through it. Level-based: a reconcile must be correct
// whatever events were missed, given only the key.
import type { Clock, Random } from '../clock.js';
import type { KubeObject } from '../objects.js';
import type { ApiClient } from '../api/types.js';

export interface WatchedResource {
  group: string;
  version: string;
  resource: string;
  /** Keys to reconcile when this object changes (e.g. its own key, or its owner's). */
  keysFor(obj: KubeObject, old?: KubeObject): string[];
  /**
   * Keys from this watch wait until nothing else is ready at the current instant, so a burst of
   * changes (a kubelet starting 1,000 pods) costs one sync, as a workqueue dedups keys while its
   * worker is busy. Simulated time does not move; only intermediate syncs disappear.
   */
  coalesce?: boolean;
}

export interface ReconcileResult {
  /** Reconcile this key again after this many simulated milliseconds. */
  requeueAfterMs?: number;
}

export interface ControllerContext {
  /** Writes through the API are recorded in the trace with this controller's name as actor. */
  api: ApiClient;
  clock: Clock;
  random: Random;
  /** Records an Event (core/v1) about an object, the way client-go's EventRecorder does. */
  recordEvent(regarding: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface Controller {
  /** As the real component names itself in events and the trace: 'deployment-controller'. */
  name: string;
  watches: WatchedResource[];
  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void;
}

/** 'namespace/name' for namespaced objects, 'name' for cluster-scoped ones (cache.MetaNamespaceKeyFunc). */
export function objectKey(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : `${obj.metadata.name}`;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
