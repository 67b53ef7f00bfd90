// The shape every API object shares. Concrete types come from `kubernetes-types`.
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference };

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** A JSON value as decoded from a request body. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** A mutable deep copy of a (possibly frozen) JSON value. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}
