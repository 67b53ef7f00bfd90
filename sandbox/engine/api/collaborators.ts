// The one place the write path calls the parts other engineers own: defaulting, validation,
// strict decoding and patching. Each is imported from its module; where a module has not landed
// yet, the call site says WIRE and passes the object through unchanged, so that the rest of the
// write path can be built and tested meanwhile.
import type { KubeObject } from '../objects.js';
import type { FieldError } from './field-errors.js';
import type { FieldValidation } from './types.js';
import type { StatusError } from './errors.js';
import { decodeBody } from '../schema/strict-decoding.js';
import { applyJsonMergePatch as mergePatch } from './patch/merge.js';
import { applyJsonPatch as jsonPatch } from './patch/json-patch.js';

/** Strict decoding per fieldValidation: a 400 to throw, or warnings. */
export function decodeStrict(target: { apiVersion: string; kind: string }, obj: unknown, mode: FieldValidation): { error?: StatusError; warnings: string[] } {
  return decodeBody(target, obj, mode);
}

// WIRE: sandbox/engine/api/defaults/index.ts applyDefaults(obj) has not landed yet.
export function applyDefaults(_obj: KubeObject): void {}

// WIRE: sandbox/engine/api/validation/index.ts has not landed yet.
export function validateCreate(_obj: KubeObject): FieldError[] {
  return [];
}
export function validateUpdate(_obj: KubeObject, _old: KubeObject): FieldError[] {
  return [];
}
export function validateStatusUpdate(_obj: KubeObject, _old: KubeObject): FieldError[] {
  return [];
}

export const applyJsonMergePatch = (current: unknown, patch: unknown): unknown => mergePatch(current, patch);
export const applyJsonPatch = (current: unknown, patch: unknown): unknown => jsonPatch(current, patch);

// WIRE: sandbox/engine/api/patch/index.ts applyStrategicMergePatch has not landed yet; JSON merge
// semantics meanwhile (right for maps, wrong for merge-keyed lists).
export const applyStrategicMergePatch = (current: unknown, patch: unknown, _apiVersion?: string, _kind?: string): unknown => mergePatch(current, patch);

export interface ApplyOptions {
  manager: string;
  force: boolean;
  now: string;
  apiVersion: string;
}

// WIRE: serverSideApply from sandbox/engine/api/patch/index.ts has not landed yet; merge semantics meanwhile.
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, _opts: ApplyOptions): KubeObject {
  return (live ? mergePatch(live, applied) : applied) as KubeObject;
}

export interface ManagedFieldsOptions {
  manager: string;
  operation: 'Update' | 'Apply';
  now: string;
  subresource?: string;
}

// WIRE: updateManagedFields from sandbox/engine/api/patch/index.ts has not landed yet.
export function updateManagedFields(_old: KubeObject | undefined, next: KubeObject, _opts: ManagedFieldsOptions): KubeObject {
  return next;
}
