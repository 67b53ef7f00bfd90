import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { functions } from './checks.js';

const check = functions['controllers/pod-replaced'];
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString().replace('.000Z', 'Z');
const obj = (kind: string, name: string, second: number): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'default', labels: { app: 'shop' }, creationTimestamp: at(second) } });
const state = (objects: KubeObject[]): GradingState => ({ objects, files: new Map() });

describe('controllers/pod-replaced', () => {
  it('fails while every Pod is as old as the ReplicaSet, saying what to delete', () => {
    const r = check.evaluate(state([obj('ReplicaSet', 'shop-1', 0), obj('Pod', 'a', 0), obj('Pod', 'b', 1)]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('kubectl delete pod');
  });
  it('passes once a younger Pod replaced one', () => {
    const r = check.evaluate(state([obj('ReplicaSet', 'shop-1', 0), obj('Pod', 'a', 0), obj('Pod', 'c', 40)]));
    expect(r).toMatchObject({ passed: true });
    expect(r.message).toContain('`c`');
  });
  it('passes for a replacement made two seconds after the lab opened (a quick learner)', () => {
    expect(check.evaluate(state([obj('ReplicaSet', 'shop-1', 0), obj('Pod', 'a', 0), obj('Pod', 'c', 2)])).passed).toBe(true);
  });
  it('fails when the Deployment is gone', () => {
    expect(check.evaluate(state([])).passed).toBe(false);
  });
});
