import { describe, expect, it } from 'vitest';
import { get, list, ref, settledCluster } from './scenario-helpers.test-util.js';
import { PV_PROTECTION, PVC_PROTECTION } from './storage-protection.js';

describe('storage object in-use protection', () => {
  it('keeps a claim Terminating while a pod uses it, then lets it and its volume go', () => {
    const e = settledCluster();
    e.api.create(ref('', 'persistentvolumeclaims', 'default'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    e.api.create(ref('', 'pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app' }, spec: { containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'd', mountPath: '/data' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    e.advance(30_000);
    const claim = get(e, '', 'persistentvolumeclaims', 'default', 'data');
    expect(claim.metadata.finalizers).toEqual([PVC_PROTECTION]);
    const pv = get(e, '', 'persistentvolumes', undefined, claim.spec.volumeName);
    expect(pv.metadata.finalizers).toContain(PV_PROTECTION);
    e.api.delete(ref('', 'persistentvolumeclaims', 'default', 'data'));
    e.advance(5_000);
    expect(get(e, '', 'persistentvolumeclaims', 'default', 'data').metadata.deletionTimestamp).toBeDefined();
    e.api.delete(ref('', 'pods', 'default', 'app'));
    e.advance(60_000);
    expect(list(e, '', 'persistentvolumeclaims', 'default')).toHaveLength(0);
    expect(list(e, '', 'persistentvolumes').filter((v) => v.metadata.name === claim.spec.volumeName)).toHaveLength(0);
  });
});
