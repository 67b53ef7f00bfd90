import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { functions } from './checks.js';

const check = functions['scheduling/web-off-node02'];
const pod = (name: string, nodeName: string, app = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app } }, spec: { nodeName } });
const state = (objects: KubeObject[]): GradingState => ({ objects, files: new Map() });

describe('scheduling/web-off-node02', () => {
  it('fails before web has Pods, saying how to create it', () => {
    const r = check.evaluate(state([pod('fast', 'node01', 'fast')]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('kubectl create deployment web');
  });
  it('names the Pods left on node02 and how to move them', () => {
    const r = check.evaluate(state([pod('web-1', 'node01'), pod('web-2', 'node02')]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('`web-2`');
    expect(r.message).toContain('kubectl delete pod');
  });
  it('passes when every web Pod is elsewhere', () => {
    expect(check.evaluate(state([pod('web-1', 'node01'), pod('web-2', 'node01')])).passed).toBe(true);
  });
});

describe('scheduling/orphan-created-without-scheduler', () => {
  const orphanCheck = functions['scheduling/orphan-created-without-scheduler'];
  const orphan = (nodeName?: string, scheduledAt?: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'orphan', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: nodeName ? { nodeName } : {},
    status: scheduledAt ? { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: scheduledAt }] } : { phase: 'Pending' },
  });
  it('fails without the Pod, saying what to press and run', () => {
    const r = orphanCheck.evaluate(state([]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('kubectl run orphan --image=nginx');
  });
  it('passes while orphan has no node', () => {
    expect(orphanCheck.evaluate(state([orphan()])).passed).toBe(true);
  });
  it('passes when the binding came long after the creation', () => {
    const r = orphanCheck.evaluate(state([orphan('node01', '2026-01-01T00:00:30Z')]));
    expect(r).toMatchObject({ passed: true, message: 'orphan waited 30 s for a scheduler.' });
  });
  it('fails when a running scheduler bound it at once', () => {
    const r = orphanCheck.evaluate(state([orphan('node01', '2026-01-01T00:00:00Z')]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('Stop kube-scheduler');
  });
});
