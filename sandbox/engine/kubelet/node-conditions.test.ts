// A running kubelet always heals its node: after the API server was down past the node monitor
// grace period, after its own service was stopped and started, and after containerd was stopped
// (NotReady "container runtime is down", the node still reachable) and started again.
import { describe, expect, it } from 'vitest';
import { startComponent, stopComponent } from '../components.js';
import { startContainerRuntime, stopContainerRuntime } from '../node-faults.js';
import { eventsFor, get, list, ref, settledCluster, type Obj } from '../controllers/scenario-helpers.test-util.js';
import { runtimeErrors } from './node-conditions.js';
import { newNodeRuntime } from './runtime-state.js';

const cond = (o: Obj, type = 'Ready') => o.status.conditions.find((c: any) => c.type === type);
const node = (e: ReturnType<typeof settledCluster>, name = 'node01') => get(e, '', 'nodes', undefined, name);
const taintKeys = (n: Obj) => (n.spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}`).sort();
const webPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx' }] },
};

function clusterWithPod() {
  const e = settledCluster();
  e.client('kubectl').create(ref('', 'pods', 'default'), webPod);
  e.advance(20_000);
  expect(cond(get(e, '', 'pods', 'default', 'web')).status).toBe('True');
  return e;
}

describe('runtimeErrors', () => {
  it('says nothing for 30 s, then "container runtime is down", then adds the PLEG after 3 minutes', () => {
    const rt = { ...newNodeRuntime(), runtimeDownSince: 0 };
    expect(runtimeErrors(rt, 29_999)).toBeUndefined();
    expect(runtimeErrors(rt, 30_000)).toBe('container runtime is down');
    expect(runtimeErrors(rt, 180_000)).toBe('container runtime is down');
    expect(runtimeErrors(rt, 184_500)).toBe('[container runtime is down, PLEG is not healthy: pleg was last seen active 3m4.5s ago; threshold is 3m0s]');
    expect(runtimeErrors(newNodeRuntime(), 1e9)).toBeUndefined();
  });
});

describe('a running kubelet heals its node', { timeout: 60_000 }, () => {
  it('after the API server was down for more than 40 s', () => {
    const e = clusterWithPod();
    for (let cycle = 0; cycle < 2; cycle++) {
      stopComponent(e, 'kube-apiserver');
      e.advance(60_000);
      startComponent(e, 'kube-apiserver');
      e.advance(1_000);
      const n = node(e);
      expect(cond(n)).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
      for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) expect(cond(n, type).status).toBe('False');
      expect(n.spec.taints).toBeUndefined();
      expect(cond(get(e, '', 'pods', 'default', 'web')).status).toBe('True');
      e.advance(30_000);
      expect(cond(node(e)).status).toBe('True');
    }
  });

  it('after its service was stopped and started, with the kubelet\'s events', () => {
    const e = clusterWithPod();
    for (let cycle = 0; cycle < 2; cycle++) {
      stopComponent(e, 'kubelet', 'node01');
      e.advance(50_000);
      expect(cond(node(e))).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
      expect(taintKeys(node(e))).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
      expect(cond(get(e, '', 'pods', 'default', 'web')).status).toBe('False');
      const startedAt = e.clock.now();
      startComponent(e, 'kubelet', 'node01');
      e.advance(1_000);
      const n = node(e);
      expect(cond(n)).toMatchObject({ status: 'True', reason: 'KubeletReady' });
      expect(Date.parse(cond(n).lastTransitionTime)).toBe(Math.floor(startedAt / 1000) * 1000);
      expect(n.spec.taints).toBeUndefined();
      expect(cond(get(e, '', 'pods', 'default', 'web')).status).toBe('True');
    }
    const events = eventsFor(e, 'default', 'Node', 'node01');
    expect(events.filter((x) => x === 'Normal NodeReady kubelet: Node node01 status is now: NodeReady').length).toBeGreaterThanOrEqual(1);
    expect(events).toContain('Normal NodeHasSufficientMemory kubelet: Node node01 status is now: NodeHasSufficientMemory');
  });
});

describe('containerd stopped on a node', { timeout: 60_000 }, () => {
  it('leaves the node reachable but NotReady with the kubelet\'s reason, freezes its pods, and heals when started', () => {
    const e = clusterWithPod();
    const stoppedAt = e.clock.now();
    stopContainerRuntime(e, 'node01');
    e.advance(25_000);
    expect(cond(node(e)).status).toBe('True');
    e.advance(20_000);
    const down = node(e);
    expect(cond(down)).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' });
    const noticed = Date.parse(cond(down).lastTransitionTime) - stoppedAt;
    expect(noticed).toBeGreaterThanOrEqual(29_000);
    expect(noticed).toBeLessThanOrEqual(41_000);
    expect(cond(down, 'MemoryPressure').status).toBe('False'); // the kubelet still posts: not Unknown
    expect(taintKeys(down)).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(eventsFor(e, 'default', 'Node', 'node01')).toContain('Normal NodeNotReady kubelet: Node node01 status is now: NodeNotReady');

    // New pods on it never start: the kubelet cannot reach the runtime.
    e.client('kubectl').create(ref('', 'pods', 'default'), { ...webPod, metadata: { name: 'late', namespace: 'default' } });
    e.advance(170_000);
    expect(get(e, '', 'pods', 'default', 'late').status.phase).toBe('Pending');
    expect(cond(node(e)).message).toMatch(/^\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d+(\.\d+)?s ago; threshold is 3m0s\]$/);
    expect(cond(node(e)).status).toBe('False');

    startContainerRuntime(e, 'node01');
    e.advance(12_000);
    const back = node(e);
    expect(cond(back)).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(back.spec.taints).toBeUndefined();
    const late = list(e, '', 'pods', 'default').find((p) => p.metadata.name === 'late');
    expect(late?.status.phase).toBe('Running');
  });
});
