// Scenario tests of the StatefulSet and PersistentVolume controllers on a default cluster.
import { describe, expect, it } from 'vitest';
import { eventsFor, get, list, ref, settledCluster } from './scenario-helpers.test-util.js';

const statefulSet = (replicas: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...extra,
  },
});
const names = (e: ReturnType<typeof settledCluster>, resource: string, ns?: string) => list(e, '', resource, ns).map((o) => o.metadata.name).sort();

describe('a StatefulSet', { timeout: 120_000 }, () => {
  it('creates web-0, web-1, web-2 in order, each with its bound claim, and scales down in reverse', () => {
    const e = settledCluster();
    e.client('kubectl').create(ref('', 'services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }] } });
    e.client('kubectl').create(ref('apps', 'statefulsets', 'default'), statefulSet(3));
    e.runUntilIdle();
    expect(names(e, 'pods', 'default')).toEqual(['web-0']);
    expect(names(e, 'persistentvolumeclaims', 'default')).toEqual(['www-web-0']);
    const web0 = get(e, '', 'pods', 'default', 'web-0');
    expect(web0.spec.hostname).toBe('web-0');
    expect(web0.spec.subdomain).toBe('nginx');
    expect(web0.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(web0.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': expect.stringMatching(/^web-[a-z0-9]+$/) });
    const claim = get(e, '', 'persistentvolumeclaims', 'default', 'www-web-0');
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).toBe(`pvc-${claim.metadata.uid}`);
    expect(claim.metadata.annotations!['volume.kubernetes.io/selected-node']).toBe(web0.spec.nodeName);
    const pv = get(e, '', 'persistentvolumes', undefined, claim.spec.volumeName);
    expect(pv.status.phase).toBe('Bound');
    expect(pv.spec).toMatchObject({ storageClassName: 'local-path', persistentVolumeReclaimPolicy: 'Delete', capacity: { storage: '1Gi' }, claimRef: { name: 'www-web-0', namespace: 'default' } });

    e.advance(3_000);
    expect(names(e, 'pods', 'default').length).toBeLessThan(3); // each waits for the one before to be Ready
    e.advance(30_000);
    expect(names(e, 'pods', 'default')).toEqual(['web-0', 'web-1', 'web-2']);
    expect(list(e, '', 'pods', 'default').every((p) => p.status.phase === 'Running')).toBe(true);
    const created = ['web-0', 'web-1', 'web-2'].map((n) => Date.parse(get(e, '', 'pods', 'default', n).metadata.creationTimestamp!));
    expect(created[0] < created[1] && created[1] < created[2]).toBe(true);
    const sts = get(e, 'apps', 'statefulsets', 'default', 'web');
    const revision = web0.metadata.labels!['controller-revision-hash'];
    expect(sts.status).toEqual({ observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: revision, updateRevision: revision, collisionCount: 0, availableReplicas: 3 });
    expect(list(e, 'apps', 'controllerrevisions', 'default').map((r: any) => [r.metadata.name, r.revision])).toEqual([[revision, 1]]);
    const events = eventsFor(e, 'default', 'StatefulSet', 'web');
    expect(events.slice(0, 3)).toEqual([
      'Normal SuccessfulCreate statefulset-controller: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate statefulset-controller: create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate statefulset-controller: create Claim www-web-1 Pod web-1 in StatefulSet web success',
    ]);
    const endpoints = get(e, '', 'endpoints', 'default', 'nginx') as any;
    expect(endpoints.subsets[0].addresses.map((a: any) => a.hostname).sort()).toEqual(['web-0', 'web-1', 'web-2']);

    e.client('kubectl').patch(ref('apps', 'statefulsets', 'default', 'web'), 'merge', { spec: { replicas: 1 } });
    e.runUntilIdle();
    expect(get(e, '', 'pods', 'default', 'web-2').metadata.deletionTimestamp).toBeDefined();
    expect(get(e, '', 'pods', 'default', 'web-1').metadata.deletionTimestamp).toBeUndefined();
    e.advance(90_000);
    expect(names(e, 'pods', 'default')).toEqual(['web-0']);
    expect(names(e, 'persistentvolumeclaims', 'default')).toEqual(['www-web-0', 'www-web-1', 'www-web-2']); // claims are retained
    expect(eventsFor(e, 'default', 'StatefulSet', 'web').filter((x) => x.includes('delete Pod'))).toEqual([
      'Normal SuccessfulDelete statefulset-controller: delete Pod web-2 in StatefulSet web successful',
      'Normal SuccessfulDelete statefulset-controller: delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('with Parallel creates all pods at once and rolls a new template from the highest ordinal', () => {
    const e = settledCluster();
    e.client('kubectl').create(ref('apps', 'statefulsets', 'default'), statefulSet(3, { podManagementPolicy: 'Parallel' }));
    e.runUntilIdle();
    expect(names(e, 'pods', 'default')).toEqual(['web-0', 'web-1', 'web-2']);
    e.advance(30_000);
    const old = get(e, 'apps', 'statefulsets', 'default', 'web').status.currentRevision;
    e.client('kubectl').patch(ref('apps', 'statefulsets', 'default', 'web'), 'merge', { spec: { template: { metadata: { labels: { app: 'nginx', v: '2' } } } } });
    e.runUntilIdle();
    expect(get(e, '', 'pods', 'default', 'web-2').metadata.deletionTimestamp).toBeDefined();
    expect(get(e, '', 'pods', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined();
    e.advance(180_000);
    const sts = get(e, 'apps', 'statefulsets', 'default', 'web');
    expect(sts.status.updateRevision).not.toBe(old);
    expect(sts.status).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3, currentRevision: sts.status.updateRevision });
    expect(list(e, '', 'pods', 'default').every((p) => p.metadata.labels!.v === '2')).toBe(true);
    expect(list(e, 'apps', 'controllerrevisions', 'default').map((r: any) => r.revision).sort()).toEqual([1, 2]);
  });
});

describe('PersistentVolume binding', { timeout: 120_000 }, () => {
  it('binds a claim to a fitting Available volume of its class and releases and keeps it (Retain) when the claim goes', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('', 'persistentvolumes'), { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-small' }, spec: { storageClassName: 'manual', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/a' } } });
    kubectl.create(ref('', 'persistentvolumes'), { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-big' }, spec: { storageClassName: 'manual', capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/b' } } });
    e.runUntilIdle();
    expect(get(e, '', 'persistentvolumes', undefined, 'pv-big').status.phase).toBe('Available');
    kubectl.create(ref('', 'persistentvolumeclaims', 'default'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } });
    e.runUntilIdle();
    const claim = get(e, '', 'persistentvolumeclaims', 'default', 'data');
    expect(claim.spec.volumeName).toBe('pv-big');
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } });
    kubectl.delete(ref('', 'persistentvolumeclaims', 'default', 'data'));
    e.advance(1_000);
    expect(get(e, '', 'persistentvolumes', undefined, 'pv-big').status.phase).toBe('Released');
  });

  it('keeps a claim of the default class Pending until its first pod is scheduled', () => {
    const e = settledCluster();
    e.client('kubectl').create(ref('', 'persistentvolumeclaims', 'default'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    e.advance(5_000);
    expect(get(e, '', 'persistentvolumeclaims', 'default', 'data').status.phase).toBe('Pending');
    expect(eventsFor(e, 'default', 'PersistentVolumeClaim', 'data')[0]).toBe('Normal WaitForFirstConsumer persistentvolume-controller: waiting for first consumer to be created before binding');
  });
});
