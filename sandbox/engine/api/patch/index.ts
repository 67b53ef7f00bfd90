// Every kind of PATCH the API server accepts, and server-side apply with managed fields. Pure
// functions on plain JSON: inputs are never changed (they may be frozen), results are new objects.
export { applyJsonMergePatch } from './merge.js';
export { applyJsonPatch } from './json-patch.js';
export { applyStrategicMergePatch, supportsStrategicMerge } from './strategic.js';
export { serverSideApply, type ApplyOptions } from './ssa/apply.js';
export { updateManagedFields, type UpdateOptions } from './ssa/update.js';
export { patchMetaFor, type PatchMeta, type FieldType } from './meta/index.js';
export { JsonPatchApplyError } from './errors.js';
