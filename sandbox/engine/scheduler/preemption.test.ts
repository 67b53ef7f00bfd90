// Preemption through the real API server and scheduler (no kubelet: victims stay Terminating
// until the test removes them, which is what lets it see the "terminating pod" wait).
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import { DEFAULT_SHAPE, nodeObject, workerName } from '../cluster-nodes.js';
import { Scheduler } from './scheduler.js';

const T0 = Date.parse('2025-03-01T10:00:00Z');
const PODS = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

function cluster(workers: number): Engine {
  const random = new SeededRandom(7);
  const engine = new Engine({ clock: new ManualClock(T0), random });
  engine.api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  engine.api.create({ group: '', version: 'v1', resource: 'serviceaccounts', namespace: 'default' }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  for (let i = 1; i <= workers; i++) {
    const body = nodeObject(workerName(i), i, DEFAULT_SHAPE, T0, random);
    const created = engine.api.create({ group: '', version: 'v1', resource: 'nodes' }, { ...body, status: undefined });
    engine.api.update({ group: '', version: 'v1', resource: 'nodes', name: workerName(i), subresource: 'status' }, { ...created, status: body.status });
  }
  engine.api.create({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
  engine.registerController(new Scheduler());
  return engine;
}

const cpuPod = (name: string, cpu: string, spec: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...spec },
});

type P = { metadata: { name: string; uid: string; deletionTimestamp?: string }; spec: { nodeName?: string }; status: { nominatedNodeName?: string; conditions?: Array<{ type: string; reason?: string; message?: string }> } };
const pod = (e: Engine, name: string) => e.api.get({ ...PODS, name }) as unknown as P;
const events = (e: Engine, name: string) =>
  (e.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items as unknown as Array<{ involvedObject: { name: string }; reason: string; message: string }>)
    .filter((ev) => ev.involvedObject.name === name)
    .map((ev) => `${ev.reason}: ${ev.message}`);

function allocatableCpuMillis(e: Engine): number {
  const n = e.api.get({ group: '', version: 'v1', resource: 'nodes', name: workerName(1) }) as unknown as { status: { allocatable: { cpu: string } } };
  return Number.parseFloat(n.status.allocatable.cpu) * (n.status.allocatable.cpu.endsWith('m') ? 1 : 1000);
}

describe('priority preemption', () => {
  it('evicts the lower-priority pod, nominates its node, and binds there once the victim is gone', () => {
    const e = cluster(1);
    const big = `${allocatableCpuMillis(e) - 100}m`;
    e.api.create(PODS, cpuPod('low', big));
    e.runUntilIdle(1000);
    expect(pod(e, 'low').spec.nodeName).toBe('node01');

    e.api.create(PODS, cpuPod('urgent', big, { priorityClassName: 'high' }));
    e.runUntilIdle(1000);
    const victim = pod(e, 'low');
    const urgent = pod(e, 'urgent');
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    expect(events(e, 'low')).toContain(`Preempted: Preempted by pod ${urgent.metadata.uid} on node node01`);
    expect(urgent.status.nominatedNodeName).toBe('node01');
    expect(events(e, 'urgent')[0]).toBe('FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu.');

    e.advance(2_000); // retried while the victim terminates: it waits rather than preempting more
    expect(events(e, 'urgent')).toContain('FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.');

    e.api.delete({ ...PODS, name: 'low' }, { gracePeriodSeconds: 0 });
    e.advance(11_000);
    expect(pod(e, 'urgent').spec.nodeName).toBe('node01');
  });

  it('finds no victims among pods of equal priority, and respects preemptionPolicy Never', () => {
    const e = cluster(2);
    const big = `${allocatableCpuMillis(e) - 100}m`;
    e.api.create(PODS, cpuPod('a', big));
    e.api.create(PODS, cpuPod('b', big));
    e.runUntilIdle(1000);
    e.api.create(PODS, cpuPod('c', big));
    e.runUntilIdle(1000);
    expect(events(e, 'c')).toEqual(['FailedScheduling: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.']);
    e.api.create(PODS, cpuPod('polite', big, { priorityClassName: 'high', preemptionPolicy: 'Never' }));
    e.runUntilIdle(1000);
    expect(events(e, 'polite')).toEqual(['FailedScheduling: 0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.']);
    expect(pod(e, 'a').metadata.deletionTimestamp).toBeUndefined();
  });
});
