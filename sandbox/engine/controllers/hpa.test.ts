import { describe, expect, it } from 'vitest';
import { eventsFor, get, settledCluster } from './scenario-helpers.test-util.js';
import { generateLoad } from '../metrics/index.js';
import { createHpa, createPhpApache, installMetricsServer } from './hpa.test-util.js';
import type { Engine } from '../engine.js';

const cluster = (): Engine => settledCluster();

const hpaStatus = (e: Engine) => get(e, 'autoscaling', 'horizontalpodautoscalers', 'default', 'php-apache').status;
const v2 = (e: Engine) => e.api.get({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: 'default', name: 'php-apache' }) as any;

describe('HorizontalPodAutoscaler controller', () => {
  it('reports the missing metrics API as the real HPA does', () => {
    const e = cluster();
    createPhpApache(e);
    createHpa(e);
    e.advance(60_000);
    const s = v2(e).status;
    expect(s.conditions.find((c: any) => c.type === 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
    expect(eventsFor(e, 'default', 'HorizontalPodAutoscaler', 'php-apache')).toContain(
      'Warning FailedGetResourceMetric horizontal-pod-autoscaler: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    );
  });

  it('scales php-apache up under load and back down 5 minutes after it stops', () => {
    const e = cluster();
    installMetricsServer(e);
    createPhpApache(e);
    e.advance(60_000);
    createHpa(e);
    e.advance(60_000);
    expect(hpaStatus(e)).toMatchObject({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 0 });
    generateLoad(e, { namespace: 'default', service: 'php-apache', requestsPerSecond: 140 });
    e.advance(30_000);
    expect(eventsFor(e, 'default', 'HorizontalPodAutoscaler', 'php-apache')).toContain('Normal SuccessfulRescale horizontal-pod-autoscaler: New size: 5; reason: cpu resource utilization (percentage of request) above target');
    e.advance(120_000);
    const up = v2(e).status;
    expect(up.desiredReplicas).toBeGreaterThanOrEqual(5);
    expect(get(e, 'apps', 'deployments', 'default', 'php-apache').spec.replicas).toBe(up.desiredReplicas);
    generateLoad(e, { namespace: 'default', service: 'php-apache' });
    e.advance(120_000);
    expect(v2(e).status.conditions[0]).toMatchObject({ reason: 'ScaleDownStabilized' });
    e.advance(240_000);
    expect(hpaStatus(e)).toMatchObject({ currentReplicas: 1 });
    expect(eventsFor(e, 'default', 'HorizontalPodAutoscaler', 'php-apache').at(-1)).toBe('Normal SuccessfulRescale horizontal-pod-autoscaler: New size: 1; reason: All metrics below target');
  });
});
