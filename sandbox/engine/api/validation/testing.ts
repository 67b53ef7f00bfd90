// Test support: runs an object through defaults and validation the way the write path does and
// returns the Status a client would see (undefined when the object is valid).
import type { KubeObject } from '../../objects.js';
import { clone } from '../../objects.js';
import { applyDefaults } from '../defaults/index.js';
import { invalid, type Status } from '../errors.js';
import { validateCreate, validateUpdate } from './index.js';

export function qualifiedKind(obj: KubeObject): { group: string; kind: string } {
  const slash = obj.apiVersion.indexOf('/');
  return { group: slash >= 0 ? obj.apiVersion.slice(0, slash) : '', kind: obj.kind };
}

/** Create (or, with `old`, update) `input` after defaulting both, as the API server would. */
export function statusFor(input: KubeObject, old?: KubeObject): Status | undefined {
  const obj = clone(input);
  applyDefaults(obj);
  let errors;
  if (old) {
    const prev = clone(old);
    applyDefaults(prev);
    errors = validateUpdate(obj, prev);
  } else errors = validateCreate(obj);
  return errors.length ? invalid(qualifiedKind(obj), obj.metadata?.name ?? '', errors).status : undefined;
}
