// The one place the write path calls the parts other engineers own: defaulting, validation,
// strict decoding and patching.
import type { KubeObject } from '../objects.js';
import type { FieldValidation } from './types.js';
import type { StatusError } from './errors.js';
import { decodeBody } from '../schema/strict-decoding.js';
import * as patch from './patch/index.js';
import * as validation from './validation/index.js';
import { generateJobSelector } from './defaults/index.js';
import type { FieldError } from './field-errors.js';

/** Strict decoding per fieldValidation: a 400 to throw, or warnings. */
export function decodeStrict(target: { apiVersion: string; kind: string }, obj: unknown, mode: FieldValidation): { error?: StatusError; warnings: string[] } {
  return decodeBody(target, obj, mode);
}

export { applyDefaults } from './defaults/index.js';

/** Like the real Job strategy's Validate, creating a Job first generates its selector and labels (it needs the uid). */
export const validateCreate = (obj: KubeObject): FieldError[] => {
  if (obj.apiVersion === 'batch/v1' && obj.kind === 'Job') generateJobSelector(obj);
  return validation.validateCreate(obj);
};
export const validateUpdate = (obj: KubeObject, old: KubeObject): FieldError[] => validation.validateUpdate(obj, old);
export const validateStatusUpdate = (obj: KubeObject, old: KubeObject): FieldError[] => validation.validateStatusUpdate(obj, old);

export const applyJsonMergePatch = (current: unknown, p: unknown): unknown => patch.applyJsonMergePatch(current, p);
export const applyJsonPatch = (current: unknown, p: unknown): unknown => patch.applyJsonPatch(current, p);
export const applyStrategicMergePatch = (current: unknown, p: unknown): unknown => patch.applyStrategicMergePatch(current as KubeObject, p);
export const serverSideApply = patch.serverSideApply;
export const updateManagedFields = patch.updateManagedFields;
export type ApplyOptions = patch.ApplyOptions;
