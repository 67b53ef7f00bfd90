import { describe, expect, it } from 'vitest';
import { eventsFor, get, ref, settledCluster } from '../controllers/scenario-helpers.test-util.js';
import { binarySI } from './eviction.js';

export const stressOn = (name: string, node: string, vmBytes: string, requests?: Record<string, string>) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { nodeName: node, containers: [{ name: 'stress', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', vmBytes, '--vm-hang', '1'], ...(requests ? { resources: { requests } } : {}) }] },
});

describe('node memory pressure', () => {
  it('formats quantities as resource.Quantity BinarySI does', () => {
    expect([binarySI(100 * 1024 * 1024), binarySI(51200 * 1024), binarySI(1000), binarySI(0)]).toEqual(['100Mi', '50Mi', '1000', '0']);
  });

  it('reports MemoryPressure, taints the node and evicts the BestEffort pod first', () => {
    const e = settledCluster();
    e.api.create(ref('', 'pods', 'default'), stressOn('burstable', 'node01', '2000M', { memory: '1Gi' }));
    e.api.create(ref('', 'pods', 'default'), stressOn('besteffort', 'node01', '1450M'));
    e.advance(30_000);
    const evicted = get(e, '', 'pods', 'default', 'besteffort').status;
    expect(evicted).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(evicted.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+(Ki|Mi)\. Container stress was using \d+Ki, request is 0, has larger consumption of memory\. $/);
    expect(evicted.conditions[0]).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet' });
    expect(eventsFor(e, 'default', 'Pod', 'besteffort')).toContain(`Warning Evicted kubelet: ${evicted.message}`);
    expect(get(e, '', 'pods', 'default', 'burstable').status.phase).toBe('Running');
    const node = get(e, '', 'nodes', undefined, 'node01');
    expect(node.status.conditions.find((c: { type: string }) => c.type === 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory' });
    expect(node.spec.taints).toContainEqual({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' });
    e.advance(6 * 60_000);
    const after = get(e, '', 'nodes', undefined, 'node01');
    expect(after.status.conditions.find((c: { type: string }) => c.type === 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' });
    expect(after.spec.taints ?? []).not.toContainEqual({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' });
  });
});
