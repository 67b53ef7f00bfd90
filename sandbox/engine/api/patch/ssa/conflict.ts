// The 409 an apply answers when it would change fields other managers own (apiserver fieldmanager
// internal/conflict.go, structured-merge-diff merge.Conflicts).
import { StatusError } from '../../errors.js';
import { pathString } from './fieldset.js';
import type { ManagerEntry } from './managed.js';

export interface Conflict {
  manager: ManagerEntry;
  path: string[];
}

/** `"kubectl"`, `"kube-controller-manager" using apps/v1`, with ` with subresource "status"` when set. */
export function printManager(m: ManagerEntry): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === 'Update') s += ` using ${m.apiVersion}`;
  return s;
}

export function conflictMessage(conflicts: Conflict[]): string {
  if (conflicts.length === 1) {
    const [c] = conflicts;
    return `Apply failed with 1 conflict: conflict with ${printManager(c!.manager)}: ${pathString(c!.path)}`;
  }
  const lines: string[] = [];
  let last: ManagerEntry | undefined;
  for (const c of conflicts) {
    if (c.manager !== last) lines.push(`conflicts with ${printManager(c.manager)}:`);
    last = c.manager;
    lines.push(`- ${pathString(c.path)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

export function conflictError(conflicts: Conflict[]): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: 'Conflict',
    details: {
      causes: conflicts.map((c) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with ${printManager(c.manager)}`,
        field: pathString(c.path),
      })),
    },
    code: 409,
  });
}
