import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { serviceReaches } from './checks.js';

const svc = (selector: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { selector } });
const pod = (labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api-1', namespace: 'default', labels } });
const endpoints = (n: number): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'api', namespace: 'default' }, subsets: n ? [{ addresses: Array.from({ length: n }, (_, i) => ({ ip: `10.244.1.${i}` })) }] : [] } as KubeObject);
const state = (objects: KubeObject[]): GradingState => ({ objects, files: new Map() });
const reach = (objects: KubeObject[]) => serviceReaches(state(objects), 'api', 'expose it');

describe('services: serviceReaches', () => {
  it('says the Service is missing and how to create it', () => {
    expect(reach([])).toEqual({ passed: false, message: 'There is no Service `api` yet: expose it.' });
  });
  it('compares the selector with the labels the Pods have', () => {
    const r = reach([svc({ app: 'api-server' }), pod({ app: 'api' }), endpoints(0)]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('Service `api` selects `app=api-server`, but no Pod has that label (the Pods here have `app=api`). Change the Service\'s selector to match.');
  });
  it('waits for ready endpoints, then passes', () => {
    expect(reach([svc({ app: 'api' }), pod({ app: 'api' }), endpoints(0)]).message).toContain('none is ready yet');
    expect(reach([svc({ app: 'api' }), pod({ app: 'api' }), endpoints(2)])).toMatchObject({ passed: true });
  });
});
