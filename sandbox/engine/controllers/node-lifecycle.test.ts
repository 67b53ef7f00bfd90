// Scenario test of a node failure on a default cluster: the node goes Unknown after the 40 s
// grace period, is tainted unreachable, its pods are evicted after their 300 s toleration and
// replaced by their ReplicaSet on the healthy node; the node comes back when its kubelet does.
import { describe, expect, it } from 'vitest';
import { failNode, recoverNode, startContainerRuntime, stopContainerRuntime } from '../node-faults.js';
import { evictionTime } from './taint-eviction.js';
import { eventsFor, get, list, ref, settledCluster, type Obj } from './scenario-helpers.test-util.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
};
const ready = (o: Obj, type = 'Ready') => o.status.conditions.find((c: any) => c.type === type);
const webPods = (e: ReturnType<typeof settledCluster>) => list(e, '', 'pods', 'default').filter((p) => p.metadata.name!.startsWith('web-'));

describe('evictionTime', () => {
  const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2025-03-01T10:00:00Z' };
  const at = Date.parse('2025-03-01T10:00:00Z');
  it('is now without a toleration, timeAdded + tolerationSeconds with one, never for a toleration without seconds', () => {
    expect(evictionTime([taint], [], at + 5)).toBe(at + 5);
    expect(evictionTime([taint], [{ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], at)).toBe(at + 300_000);
    expect(evictionTime([taint], [{ operator: 'Exists' }], at)).toBeUndefined();
  });
});

describe('a failed worker node', { timeout: 120_000 }, () => {
  it('goes Unknown, is tainted, has its pods evicted and replaced, and recovers', () => {
    const e = settledCluster();
    e.client('kubectl').create(ref('apps', 'deployments', 'default'), deployment);
    e.advance(20_000);
    const onNode01 = webPods(e).filter((p) => p.spec.nodeName === 'node01');
    expect(onNode01.length).toBeGreaterThan(0);
    const failedAt = e.clock.now();
    failNode(e, 'node01');

    e.advance(30_000); // within the grace period: nothing noticed yet
    expect(ready(get(e, '', 'nodes', undefined, 'node01')).status).toBe('True');

    e.advance(15_000);
    const node = get(e, '', 'nodes', undefined, 'node01');
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(ready(node, type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    const noticed = Date.parse(ready(node).lastTransitionTime);
    expect(noticed - failedAt).toBeGreaterThanOrEqual(30_000);
    expect(noticed - failedAt).toBeLessThanOrEqual(41_000);
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: ready(node).lastTransitionTime },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
    expect(['controlplane', 'node02'].map((n) => ready(get(e, '', 'nodes', undefined, n)).status)).toEqual(['True', 'True']);
    expect(eventsFor(e, 'default', 'Node', 'node01')).toContain('Normal NodeNotReady node-controller: Node node01 status is now: NodeNotReady');
    const pod = get(e, '', 'pods', 'default', onNode01[0].metadata.name!);
    expect(ready(pod).status).toBe('False');
    expect(pod.status.phase).toBe('Running');
    expect(eventsFor(e, 'default', 'Pod', pod.metadata.name!)).toContain('Warning NodeNotReady node-controller: Node is not ready');

    e.advance(290_000); // the default 300 s toleration has not run out yet
    expect(webPods(e).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    e.advance(20_000);
    const evicted = get(e, '', 'pods', 'default', onNode01[0].metadata.name!);
    expect(evicted.metadata.deletionTimestamp).toBeDefined(); // Terminating: its kubelet cannot confirm
    expect(ready(evicted, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(eventsFor(e, 'default', 'Pod', evicted.metadata.name!)).toContain(`Normal TaintManagerEviction taint-eviction-controller: Marking for deletion Pod default/${evicted.metadata.name}`);
    e.advance(20_000);
    const live = webPods(e).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(4);
    expect(live.every((p) => p.spec.nodeName === 'node02' && p.status.phase === 'Running')).toBe(true);

    recoverNode(e, 'node01');
    e.advance(40_000);
    const back = get(e, '', 'nodes', undefined, 'node01');
    expect(ready(back)).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(back.spec.taints).toBeUndefined();
    expect(webPods(e)).toHaveLength(4); // the evicted pods finished terminating
  });
});

describe('a node whose kubelet reports NotReady', { timeout: 60_000 }, () => {
  it('gets the not-ready NoSchedule and NoExecute taints, swapped for unreachable ones when it goes silent', () => {
    const e = settledCluster();
    stopContainerRuntime(e, 'node02'); // the kubelet reports Ready=False "container runtime is down"
    e.advance(45_000);
    const notReady = get(e, '', 'nodes', undefined, 'node02');
    expect(notReady.spec.taints.map((t: any) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(notReady.spec.taints.find((t: any) => t.effect === 'NoExecute').timeAdded).toBeDefined();
    failNode(e, 'node02');
    e.advance(60_000);
    const silent = get(e, '', 'nodes', undefined, 'node02');
    expect(silent.spec.taints.map((t: any) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    recoverNode(e, 'node02');
    startContainerRuntime(e, 'node02');
    e.advance(5_000);
    expect(get(e, '', 'nodes', undefined, 'node02').spec.taints).toBeUndefined();
  });
});
