import { describe, expect, it } from 'vitest';
import { get, ref, settledCluster } from './scenario-helpers.test-util.js';

describe('resource quota controller', () => {
  it('keeps status.used current as pods come and go', () => {
    const e = settledCluster();
    e.api.create(ref('', 'resourcequotas', 'default'), { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: { pods: '5', 'requests.cpu': '2', 'limits.memory': '2Gi' } } });
    e.api.create(ref('apps', 'deployments', 'default'), {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '200m' }, limits: { cpu: '200m', memory: '128Mi' } } }] } } },
    });
    e.advance(30_000);
    expect(get(e, '', 'resourcequotas', 'default', 'compute').status).toEqual({ hard: { 'limits.memory': '2Gi', pods: '5', 'requests.cpu': '2' }, used: { 'limits.memory': '384Mi', pods: '3', 'requests.cpu': '600m' } });
    e.api.patch(ref('apps', 'deployments', 'default', 'web'), 'merge', { spec: { replicas: 1 } });
    e.advance(60_000);
    expect(get(e, '', 'resourcequotas', 'default', 'compute').status.used).toEqual({ 'limits.memory': '128Mi', pods: '1', 'requests.cpu': '200m' });
  });
});
