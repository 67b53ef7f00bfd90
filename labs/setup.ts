// Creates a lab's starting objects in a fresh cluster, through the API like any client's write
// (defaults, validation and admission apply). Used by the session and by labs:check.
import type { ApiClient } from '../sandbox/engine/api/types';
import { KINDS } from '../sandbox/grading/kinds';

export function createSetupObject(api: ApiClient, obj: Record<string, unknown>): void {
  const kind = String(obj.kind);
  const info = KINDS[kind];
  if (!info) throw new Error(`lab setup: sandbox/grading/kinds.ts does not know the kind ${kind}`);
  const metadata = (obj.metadata ?? {}) as { namespace?: string };
  const namespace = info.namespaced ? (metadata.namespace ?? 'default') : undefined;
  api.create({ ...info.ref, namespace }, { ...obj, metadata: { ...metadata, ...(namespace ? { namespace } : {}) } });
}
