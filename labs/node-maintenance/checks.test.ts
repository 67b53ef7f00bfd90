import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { functions } from './checks.js';

const offNode01 = functions['node-maintenance/web-off-node01'];
const uncordoned = functions['node-maintenance/node01-uncordoned'];
const node = (unschedulable: boolean): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { unschedulable } });
const web = (ready: number): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 4 }, status: { readyReplicas: ready } });
const pod = (name: string, nodeName: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { nodeName } });
const state = (objects: KubeObject[], history: string[] = []): GradingState => ({ objects, files: new Map(), history });
const DRAINED = ['kubectl drain node01 --ignore-daemonsets'];

describe('node-maintenance checks', () => {
  it('both fail before any drain, saying to drain', () => {
    const s = state([node(false), web(4), pod('a', 'node01')]);
    expect(offNode01.evaluate(s).message).toContain('kubectl drain node01');
    expect(uncordoned.evaluate(s)).toMatchObject({ passed: false });
  });
  it('web-off-node01 names Pods left on a cordoned node01, then waits for readiness', () => {
    expect(offNode01.evaluate(state([node(true), web(4), pod('a', 'node01')], DRAINED)).message).toContain('`a`');
    expect(offNode01.evaluate(state([node(true), web(2), pod('b', 'node02')], DRAINED)).message).toContain('2 ready Pods of 4');
    expect(offNode01.evaluate(state([node(true), web(4), pod('b', 'node02')], DRAINED)).passed).toBe(true);
  });
  it('node01-uncordoned asks for uncordon while cordoned', () => {
    expect(uncordoned.evaluate(state([node(true)], DRAINED)).message).toContain('kubectl uncordon node01');
    expect(uncordoned.evaluate(state([node(false)], DRAINED)).passed).toBe(true);
  });
});
