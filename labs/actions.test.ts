import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { createDefaultCluster } from '../sandbox/engine/cluster.js';
import { findAction, runLabAction } from './actions.js';
import { LabActionSpec, StepSpec } from './schema.js';

const cluster = () => createDefaultCluster({ clock: new ManualClock(Date.parse('2026-01-05T09:00:00Z')), random: new SeededRandom(1), workers: 2, settleMs: 5_000 });
const readyOf = (engine: ReturnType<typeof cluster>, node: string) =>
  ((engine.client('test').get({ group: '', version: 'v1', resource: 'nodes', name: node }).status as { conditions: { type: string; status: string }[] }).conditions.find((c) => c.type === 'Ready')!.status);
const action = (a: object) => LabActionSpec.parse(a);

describe('lab actions', () => {
  it('fail a node, let time pass, recover it: Ready goes Unknown and back', () => {
    const engine = cluster();
    expect(runLabAction(engine, action({ id: 'plug', label: 'Pull the plug', failNode: 'node02' }))).toBe('kubelab: node02 lost power (its kubelet stopped)');
    expect(runLabAction(engine, action({ id: 'wait', label: 'Wait', advanceSeconds: 60 }))).toBe('kubelab: 1 minute of cluster time passed');
    expect(readyOf(engine, 'node02')).toBe('Unknown');
    expect(readyOf(engine, 'node01')).toBe('True');
    runLabAction(engine, action({ id: 'back', label: 'Power on', recoverNode: 'node02' }));
    expect(readyOf(engine, 'node02')).toBe('True');
  });

  it('stop the scheduler: a new Pod stays unbound until it starts again', () => {
    const engine = cluster();
    const api = engine.client('test');
    const pods = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };
    expect(runLabAction(engine, action({ id: 'stop', label: 'Stop', stopComponent: { name: 'kube-scheduler' } }))).toBe('kubelab: kube-scheduler stopped');
    runLabAction(engine, action({ id: 'wait', label: 'Wait', advanceSeconds: 30 }));
    api.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'o', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    engine.advance(10_000);
    expect((api.get({ ...pods, name: 'o' }).spec as { nodeName?: string }).nodeName).toBeUndefined();
    runLabAction(engine, action({ id: 'start', label: 'Start', startComponent: { name: 'kube-scheduler' } }));
    engine.advance(30_000);
    expect((api.get({ ...pods, name: 'o' }).spec as { nodeName?: string }).nodeName).toMatch(/^node0[12]$/);
  });

  it('fast-forward moves the cluster clock', () => {
    const engine = cluster();
    const before = engine.clock.now();
    runLabAction(engine, action({ id: 'ff', label: 'Fast-forward', advanceSeconds: 300 }));
    expect(engine.clock.now() - before).toBe(300_000);
  });

  it('generate load names the Service', () => {
    const engine = cluster();
    engine.client('test').create({ group: '', version: 'v1', resource: 'services', namespace: 'default' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(runLabAction(engine, action({ id: 'load', label: 'Load', generateLoad: { service: 'web', requestsPerSecond: 100 } }))).toBe('kubelab: 100 requests per second now go to service default/web');
  });

  it('the schema wants exactly one effect, and solutions name existing actions', () => {
    expect(LabActionSpec.safeParse({ id: 'x', label: 'X', advanceSeconds: 5, failNode: 'node01' }).success).toBe(false);
    expect(LabActionSpec.safeParse({ id: 'x', label: 'X' }).success).toBe(false);
    const step = { id: 's', title: 'S', text: 's.md', checks: [], questions: [{ id: 'q', prompt: 'Q?', answer: 'a' }], hints: ['h'], actions: [{ id: 'ff', label: 'FF', advanceSeconds: 60 }], solution: { actions: ['ff'] } };
    const parsed = StepSpec.parse(step);
    expect(findAction([parsed], 's', 'ff')?.advanceSeconds).toBe(60);
    expect(findAction([parsed], 's', 'nope')).toBeUndefined();
  });
});
