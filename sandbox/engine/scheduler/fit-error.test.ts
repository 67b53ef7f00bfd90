import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { fitErrorMessage } from './fit-error.js';
import { runFilters, toleratesTaint } from './filters.js';
import { addPod, newNodeInfo } from './node-info.js';

const node = (name: string, extra: Partial<Node['spec']> = {}, labels: Record<string, string> = {}): Node => ({
  metadata: { name, labels },
  spec: { ...extra },
  status: { allocatable: { cpu: '2', memory: '3902636Ki', pods: '110' } },
});
const pod = (cpu?: string, extra: Partial<Pod['spec']> = {}): Pod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: cpu ? { requests: { cpu } } : {} }], ...extra },
});
const cpTaint = { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' };

describe('FailedScheduling message', () => {
  it('is the real aggregated text for a taint and two nodes short of cpu', () => {
    const infos = [newNodeInfo(node('controlplane', { taints: [cpTaint] })), newNodeInfo(node('node01')), newNodeInfo(node('node02'))];
    const failures = infos.map((i) => runFilters(pod('3'), i)!);
    expect(fitErrorMessage(3, failures)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('counts what other pods already request, and reports selector mismatches', () => {
    const busy = newNodeInfo(node('node01'));
    addPod(busy, { ...pod('1500m'), spec: { ...pod('1500m').spec!, nodeName: 'node01' } });
    expect(runFilters(pod('600m'), busy)?.reasons).toEqual(['Insufficient cpu']);
    expect(runFilters(pod('400m'), busy)).toBeUndefined();
    const failure = runFilters(pod(undefined, { nodeSelector: { disk: 'ssd' } }), newNodeInfo(node('node02')))!;
    expect(fitErrorMessage(1, [failure])).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });

  it('lets a toleration through and honours cordoned nodes', () => {
    const cp = newNodeInfo(node('controlplane', { taints: [cpTaint] }));
    expect(runFilters(pod(undefined, { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), cp)).toBeUndefined();
    expect(toleratesTaint({ operator: 'Exists' }, cpTaint)).toBe(true);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, cpTaint)).toBe(false);
    expect(runFilters(pod(), newNodeInfo(node('node01', { unschedulable: true })))?.reasons).toEqual(['node(s) were unschedulable']);
  });
});
