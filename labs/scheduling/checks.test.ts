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
