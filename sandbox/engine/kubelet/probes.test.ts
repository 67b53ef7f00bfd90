import { describe, expect, it } from 'vitest';
import { eventsFor, get, ref, settledCluster, type Obj } from '../controllers/scenario-helpers.test-util.js';
import type { Engine } from '../engine.js';

function createPod(e: Engine, name: string, container: Record<string, unknown>): void {
  e.api.create(ref('', 'pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name, ...container }] } });
}

const status = (e: Engine, name: string) => get(e, '', 'pods', 'default', name).status as Obj['status'];

describe('probes', () => {
  it('restarts the docs liveness-exec container once /tmp/healthy is gone', () => {
    const e = settledCluster();
    createPod(e, 'liveness', {
      image: 'registry.k8s.io/busybox',
      args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    });
    e.advance(25_000);
    expect(status(e, 'liveness').containerStatuses[0].restartCount).toBe(0);
    e.advance(30_000);
    const events = eventsFor(e, 'default', 'Pod', 'liveness');
    expect(events.filter((l) => l.includes('Unhealthy'))[0]).toMatch(/^Warning Unhealthy kubelet: Liveness probe failed: cat: (can't open '\/tmp\/healthy'|\/tmp\/healthy): No such file or directory$/);
    expect(events).toContain('Normal Killing kubelet: Container liveness failed liveness probe, will be restarted');
    e.advance(40_000);
    const s = status(e, 'liveness').containerStatuses[0];
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('keeps a container with a failing readiness probe unready and out of the endpoints', () => {
    const e = settledCluster();
    e.api.create(ref('', 'services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    e.api.create(ref('', 'pods', 'default'), {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }] },
    });
    e.advance(60_000);
    const s = status(e, 'web');
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses[0]).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(s.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(eventsFor(e, 'default', 'Pod', 'web')).toContain('Warning Unhealthy kubelet: Readiness probe failed: HTTP probe failed with statuscode: 404');
    const ep = get(e, '', 'endpoints', 'default', 'web');
    expect((ep.subsets as { addresses?: unknown[] }[] | undefined)?.[0]?.addresses).toBeUndefined();
    expect((ep.subsets as { notReadyAddresses?: unknown[] }[] | undefined)?.[0]?.notReadyAddresses).toHaveLength(1);
  });

  it('marks a container ready once its readiness probe passes, and started only after the startup probe', () => {
    const e = settledCluster();
    createPod(e, 'web', { image: 'nginx', readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 10 }, startupProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } });
    e.advance(8_000);
    expect(status(e, 'web').containerStatuses[0]).toMatchObject({ ready: false, started: false });
    e.advance(20_000);
    expect(status(e, 'web').containerStatuses[0]).toMatchObject({ ready: true, started: true });
  });

  it('restarts a container whose startup probe never passes', () => {
    const e = settledCluster();
    createPod(e, 'slow', { image: 'nginx', startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2, failureThreshold: 3 } });
    e.advance(20_000);
    const events = eventsFor(e, 'default', 'Pod', 'slow');
    expect(events.some((l) => /Startup probe failed: dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused/.test(l))).toBe(true);
    expect(events).toContain('Normal Killing kubelet: Container slow failed startup probe, will be restarted');
    expect(status(e, 'slow').containerStatuses[0].restartCount).toBeGreaterThan(0);
  });
});
