import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { functions } from './checks.js';

const check = functions['resources/memory-demo-fits'];
const pod = (memory: string, status: object): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'memory-demo', namespace: 'default' }, spec: { containers: [{ name: 'c', resources: { limits: { memory } } }] }, status: { containerStatuses: [status] } });
const state = (objects: KubeObject[]): GradingState => ({ objects, files: new Map() });

describe('resources/memory-demo-fits', () => {
  it('fails without the Pod, saying how to create it', () => {
    expect(check.evaluate(state([])).message).toContain('kubectl apply -f memory-demo.yaml');
  });
  it('fails while it was OOMKilled, even in a moment of running', () => {
    const r = check.evaluate(state([pod('100Mi', { state: { running: {} }, lastState: { terminated: { reason: 'OOMKilled' } } })]));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('memory limit 100Mi');
  });
  it('passes when it runs with no OOM kill behind it', () => {
    expect(check.evaluate(state([pod('300Mi', { state: { running: {} }, lastState: {} })])).passed).toBe(true);
  });
});
