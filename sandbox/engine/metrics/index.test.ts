import { describe, expect, it } from 'vitest';
import { ref, settledCluster } from '../controllers/scenario-helpers.test-util.js';
import { installMetricsServer } from '../controllers/hpa.test-util.js';
import { podMetrics } from './index.js';

describe('pod metrics follow the simulated use', () => {
  it('reports what the docs memory-demo holds and what cpu-demo burns under its limit', () => {
    const e = settledCluster();
    installMetricsServer(e);
    e.api.create(ref('', 'pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'memory-demo' }, spec: { containers: [{ name: 'memory-demo-ctr', image: 'polinux/stress', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }] } });
    e.api.create(ref('', 'pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cpu-demo' }, spec: { containers: [{ name: 'cpu-demo-ctr', image: 'vish/stress', resources: { limits: { cpu: '1' }, requests: { cpu: '500m' } }, args: ['-cpus', '2'] }] } });
    e.advance(60_000);
    const usage = Object.fromEntries(podMetrics(e.api, e.clock.now(), 'default').map((m) => [m.metadata.name, (m as any).containers[0].usage]));
    const ki = Number(usage['memory-demo'].memory.replace('Ki', ''));
    expect(ki / 1024).toBeGreaterThan(155);
    expect(ki / 1024).toBeLessThan(156);
    expect(usage['cpu-demo'].cpu).toBe(`${1000 * 1_000_000}n`); // 2 CPUs wanted, throttled at the 1 CPU limit
  });
});
