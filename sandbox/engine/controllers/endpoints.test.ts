// Scenario tests of the Endpoints and EndpointSlice controllers on a default cluster.
import { describe, expect, it } from 'vitest';
import { get, list, ref, settledCluster } from './scenario-helpers.test-util.js';

function deployment(name: string, image: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 80 }] }] } } },
  };
}
function service(name: string, spec: Record<string, unknown>) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { team: 'a' } }, spec };
}

describe('Endpoints and EndpointSlices', { timeout: 120_000 }, () => {
  it('list ready pods as addresses and the others as notReadyAddresses, with targetPort names resolved', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('apps', 'deployments', 'default'), deployment('web', 'nginx', 2));
    kubectl.create(ref('apps', 'deployments', 'default'), deployment('broken', 'nginx:no-such-tag', 1));
    kubectl.create(ref('', 'services', 'default'), service('web', { selector: { tier: 'web' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }));
    e.advance(20_000);
    const pods = list(e, '', 'pods', 'default');
    const ip = (prefix: string) => pods.filter((p) => p.metadata.name!.startsWith(prefix)).map((p) => p.status.podIP).sort();
    const ep = get(e, '', 'endpoints', 'default', 'web') as any;
    expect(ep.metadata.labels).toEqual({ team: 'a' });
    expect(ep.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-03-01T10:00:\d\dZ$/);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a: any) => a.ip)).toEqual(ip('web-'));
    expect(ep.subsets[0].notReadyAddresses.map((a: any) => a.ip)).toEqual(ip('broken-'));
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(ep.subsets[0].addresses[0]).toMatchObject({ nodeName: expect.stringMatching(/^node0[12]$/), targetRef: { kind: 'Pod', namespace: 'default' } });

    const slices = list(e, 'discovery.k8s.io', 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web') as any[];
    expect(slices).toHaveLength(1);
    const slice = slices[0];
    expect(slice.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.metadata.ownerReferences[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    const conditions = Object.fromEntries(slice.endpoints.map((x: any) => [x.addresses[0], x.conditions]));
    for (const a of ip('web-')) expect(conditions[a]).toEqual({ ready: true, serving: true, terminating: false });
    for (const a of ip('broken-')) expect(conditions[a]).toEqual({ ready: false, serving: false, terminating: false });

    // Scaling down: the deleted pod leaves Endpoints at once and shows terminating in its slice meanwhile.
    kubectl.patch(ref('apps', 'deployments', 'default', 'web'), 'merge', { spec: { replicas: 1 } });
    e.runUntilIdle();
    const after = get(e, '', 'endpoints', 'default', 'web') as any;
    expect(after.subsets[0].addresses).toHaveLength(1);
    const terminating = (get(e, 'discovery.k8s.io', 'endpointslices', 'default', slice.metadata.name) as any).endpoints.filter((x: any) => x.conditions.terminating);
    expect(terminating).toHaveLength(1);
    expect(terminating[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('leave services without a selector alone and give a headless service hostnames and an empty placeholder slice', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('', 'services', 'default'), service('external', { ports: [{ port: 80 }] }));
    kubectl.create(ref('', 'services', 'default'), service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    e.advance(5_000);
    expect(() => get(e, '', 'endpoints', 'default', 'external')).toThrow();
    expect(list(e, 'discovery.k8s.io', 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'external')).toHaveLength(0);
    const placeholder = list(e, 'discovery.k8s.io', 'endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db') as any;
    expect(placeholder.metadata.labels['service.kubernetes.io/headless']).toBe('');
    expect(placeholder.endpoints ?? null).toBeNull();
    expect((get(e, '', 'endpoints', 'default', 'db') as any).subsets).toBeUndefined();
    kubectl.create(ref('', 'pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db-0', namespace: 'default', labels: { app: 'db' } }, spec: { hostname: 'db-0', subdomain: 'db', containers: [{ name: 'db', image: 'nginx' }] } });
    e.advance(30_000);
    const ep = get(e, '', 'endpoints', 'default', 'db') as any;
    expect(ep.subsets[0].addresses[0]).toMatchObject({ hostname: 'db-0', targetRef: { name: 'db-0' } });
    expect(ep.subsets[0].ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
    const slice = list(e, 'discovery.k8s.io', 'endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db') as any;
    expect(slice.metadata.name).toBe(placeholder.metadata.name);
    expect(slice.endpoints[0]).toMatchObject({ hostname: 'db-0', conditions: { ready: true } });
    expect(slice.ports).toEqual([{ name: '', port: 5432, protocol: 'TCP' }]);
  });
});
