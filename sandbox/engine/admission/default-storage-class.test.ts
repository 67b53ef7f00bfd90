import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import { defaultAdmissionPlugins } from './index.js';
import { defaultStorageClass } from './default-storage-class.js';

describe('DefaultStorageClass admission', () => {
  it('gives a claim without a class the default StorageClass, and leaves an explicit one (even "") alone', () => {
    const e = new Engine({ clock: new ManualClock(Date.parse('2025-03-01T10:00:00Z')), random: new SeededRandom(1), admission: [...defaultAdmissionPlugins(), defaultStorageClass] });
    e.api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    e.api.create({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path' });
    const claim = (name: string, extra: Record<string, unknown> = {}) =>
      e.api.create({ group: '', version: 'v1', resource: 'persistentvolumeclaims', namespace: 'default' }, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra } }) as any;
    expect(claim('a').spec.storageClassName).toBe('local-path');
    expect(claim('b', { storageClassName: '' }).spec.storageClassName).toBe('');
    expect(claim('c', { storageClassName: 'fast' }).spec.storageClassName).toBe('fast');
  });
});
