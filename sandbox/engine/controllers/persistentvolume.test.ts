// Static binding in both orders: a PV created after the pending PVC it matches binds at the
// claim's next periodic sync (15 s), with the events a real persistentvolume-controller records
// while the claim waits.
import { describe, expect, it } from 'vitest';
import { CLAIM_RESYNC_MS } from './persistentvolume.js';
import { eventsFor, get, ref, settledCluster } from './scenario-helpers.test-util.js';

const pv = (name: string, storageClassName: string, storage = '1Gi') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], storageClassName, hostPath: { path: `/mnt/${name}` } },
});
const pvc = (name: string, storageClassName: string, storage = '500Mi') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { storageClassName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});

describe('a PV created after the pending PVC it matches', { timeout: 60_000 }, () => {
  it('binds at the claim\'s next periodic sync (class with no StorageClass object)', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('', 'persistentvolumeclaims', 'default'), pvc('data', 'manual'));
    e.advance(20_000);
    expect(get(e, '', 'persistentvolumeclaims', 'default', 'data').status.phase).toBe('Pending');
    expect(eventsFor(e, 'default', 'PersistentVolumeClaim', 'data')).toContain('Warning ProvisioningFailed persistentvolume-controller: storageclass.storage.k8s.io "manual" not found');

    kubectl.create(ref('', 'persistentvolumes'), pv('pv-small', 'manual', '100Mi')); // too small: stays Available
    kubectl.create(ref('', 'persistentvolumes'), pv('pv-data', 'manual'));
    e.advance(1_000);
    expect(get(e, '', 'persistentvolumes', undefined, 'pv-data').status.phase).toBe('Available');
    e.advance(CLAIM_RESYNC_MS);
    const claim = get(e, '', 'persistentvolumeclaims', 'default', 'data');
    expect(claim.status).toMatchObject({ phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] });
    expect(claim.spec.volumeName).toBe('pv-data');
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const volume = get(e, '', 'persistentvolumes', undefined, 'pv-data');
    expect(volume.status.phase).toBe('Bound');
    expect(volume.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    expect(get(e, '', 'persistentvolumes', undefined, 'pv-small').status.phase).toBe('Available');
  });

  it('binds a claim with no storage class (""), which waits with FailedBinding', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('', 'persistentvolumeclaims', 'default'), pvc('cache', ''));
    e.advance(40_000);
    const events = eventsFor(e, 'default', 'PersistentVolumeClaim', 'cache');
    expect(events).toContain('Normal FailedBinding persistentvolume-controller: no persistent volumes available for this claim and no storage class is set');
    kubectl.create(ref('', 'persistentvolumes'), pv('pv-cache', ''));
    e.advance(CLAIM_RESYNC_MS + 1_000);
    expect(get(e, '', 'persistentvolumeclaims', 'default', 'cache')).toMatchObject({ spec: { volumeName: 'pv-cache' }, status: { phase: 'Bound' } });
  });

  it('still binds at once in the other order (PV first)', () => {
    const e = settledCluster();
    const kubectl = e.client('kubectl');
    kubectl.create(ref('', 'persistentvolumes'), pv('pv-first', 'manual'));
    e.advance(1_000);
    kubectl.create(ref('', 'persistentvolumeclaims', 'default'), pvc('first', 'manual'));
    e.advance(1_000);
    expect(get(e, '', 'persistentvolumeclaims', 'default', 'first').status.phase).toBe('Bound');
    expect(eventsFor(e, 'default', 'PersistentVolumeClaim', 'first')).toEqual([]);
  });
});
