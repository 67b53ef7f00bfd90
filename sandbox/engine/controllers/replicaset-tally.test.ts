import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../objects.js';
import { countPod, newTally, relabel } from './replicaset-tally.js';

const pod = (name: string, labels: Record<string, string>, phase: string, readyAt?: string, deleting = false): Pod =>
  deepFreeze({
    metadata: { name, labels, ...(deleting ? { deletionTimestamp: '2025-03-01T10:00:09Z' } : {}) },
    status: { phase, conditions: readyAt ? [{ type: 'Ready', status: 'True', lastTransitionTime: readyAt }] : [{ type: 'Ready', status: 'False' }] },
  } as unknown as Pod) as unknown as Pod;

describe('ReplicaSet status tally', () => {
  it('counts active, ready and fully labeled pods as they are added, replaced and removed', () => {
    const tally = newTally();
    relabel(tally, { app: 'web', tier: 'fe' }, []);
    const a = pod('a', { app: 'web', tier: 'fe' }, 'Pending');
    const b = pod('b', { app: 'web' }, 'Running', '2025-03-01T10:00:05Z');
    const c = pod('c', { app: 'web', tier: 'fe' }, 'Succeeded');
    for (const p of [a, b, c]) countPod(tally, p, 1);
    expect([tally.active, tally.ready, tally.labeled]).toEqual([2, 1, 1]);
    // a becomes Ready, b starts terminating: each replaces its old object.
    const aReady = pod('a', { app: 'web', tier: 'fe' }, 'Running', '2025-03-01T10:00:07Z');
    countPod(tally, a, -1);
    countPod(tally, aReady, 1);
    countPod(tally, b, -1);
    countPod(tally, pod('b', { app: 'web' }, 'Running', '2025-03-01T10:00:05Z', true), 1);
    expect([tally.active, tally.ready, tally.labeled]).toEqual([1, 1, 1]);
    expect(tally.latestReadySince).toBe(Date.parse('2025-03-01T10:00:07Z'));
    // New template labels are counted again from the pods.
    relabel(tally, { app: 'web' }, [aReady, b, c]);
    expect(tally.labeled).toBe(2);
  });
});
