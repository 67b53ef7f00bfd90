// Applies a non-apply patch to the stored object, by patch type (server-side apply is the write
// path's own branch, since it also decides managed fields and conflicts).
import { clone, type KubeObject } from '../objects.js';
import { unsupportedMediaType } from './errors.js';
import { applyJsonMergePatch, applyJsonPatch, applyStrategicMergePatch } from './collaborators.js';
import type { PatchType, ResourceType } from './types.js';

export function applyPatch(type: PatchType, current: unknown, patch: unknown, rt: ResourceType): unknown {
  const base = clone(current);
  switch (type) {
    case 'merge':
      return applyJsonMergePatch(base, patch);
    case 'json':
      return applyJsonPatch(base, patch);
    case 'strategic':
      return applyStrategicMergePatch(base, patch);
    default:
      throw unsupportedMediaType(String(type));
  }
}

export type { KubeObject };
