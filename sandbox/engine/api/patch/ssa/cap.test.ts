import { describe, expect, it } from 'vitest';
import { capUpdateManagers } from './cap.js';
import { FieldSet } from './fieldset.js';
import { managerId, type ManagerEntry } from './managed.js';

describe('capUpdateManagers', () => {
  it('keeps at most 10 Update entries, merging the oldest into "ancient-changes"', () => {
    const managers = new Map<string, ManagerEntry>();
    for (let i = 0; i < 12; i++) {
      const e: ManagerEntry = {
        manager: `m${String(i).padStart(2, '0')}`,
        operation: 'Update',
        apiVersion: 'v1',
        time: `2026-11-21T16:${String(i).padStart(2, '0')}:00Z`,
        set: FieldSet.of([['f:data', `f:k${i}`]]),
      };
      managers.set(managerId(e), e);
    }
    const applier: ManagerEntry = { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', set: FieldSet.of([['f:data', 'f:x']]) };
    managers.set(managerId(applier), applier);
    capUpdateManagers(managers);
    const updates = [...managers.values()].filter((m) => m.operation === 'Update');
    expect(updates).toHaveLength(10);
    const bucket = updates.find((m) => m.manager === 'ancient-changes')!;
    expect(bucket.set.paths()).toEqual([['f:data', 'f:k0'], ['f:data', 'f:k1'], ['f:data', 'f:k2']]);
    expect(bucket.time).toBe('2026-11-21T16:02:00Z');
    expect(managers.has(managerId(applier))).toBe(true);
  });
});
