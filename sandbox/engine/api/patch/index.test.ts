import { describe, expect, it } from 'vitest';
import { deepFreeze, type KubeObject } from '../../objects.js';
import {
  applyJsonMergePatch,
  applyJsonPatch,
  applyStrategicMergePatch,
  patchMetaFor,
  serverSideApply,
  supportsStrategicMerge,
  updateManagedFields,
} from './index.js';
import { childType, itemType, type FieldType } from './meta/types.js';

const at = (t: FieldType, path: string): FieldType =>
  path.split('.').reduce((cur, key) => (key === '[]' ? itemType(cur) : childType(cur, key)), t);

describe('patchMetaFor', () => {
  const pod = patchMetaFor('v1', 'Pod').root;
  const deploy = patchMetaFor('apps/v1', 'Deployment').root;
  const cases: [string, FieldType, string, Partial<Record<'listType' | 'mergeKey' | 'strategy', string>>][] = [
    ['containers by name', pod, 'spec.containers', { listType: 'map', mergeKey: 'name', strategy: 'merge' }],
    ['container ports by containerPort (+protocol for apply)', pod, 'spec.containers.[].ports', { listType: 'map', mergeKey: 'containerPort' }],
    ['volumeMounts by mountPath', pod, 'spec.containers.[].volumeMounts', { mergeKey: 'mountPath' }],
    ['tolerations are atomic and replaced', pod, 'spec.tolerations', { listType: 'atomic' }],
    ['finalizers merge as a set', pod, 'metadata.finalizers', { listType: 'set', strategy: 'merge' }],
    ['ownerReferences by uid', pod, 'metadata.ownerReferences', { mergeKey: 'uid' }],
    ['pod template containers', deploy, 'spec.template.spec.containers', { mergeKey: 'name' }],
    ['deployment conditions by type', deploy, 'status.conditions', { listType: 'map', mergeKey: 'type' }],
    ['job conditions merge by type but are atomic for apply', patchMetaFor('batch/v1', 'Job').root, 'status.conditions', { listType: 'atomic', mergeKey: 'type' }],
    ['service ports by port', patchMetaFor('v1', 'Service').root, 'spec.ports', { listType: 'map', mergeKey: 'port' }],
  ];
  it.each(cases)('%s', (_n, root, path, want) => {
    expect(at(root, path)).toMatchObject(want);
  });

  it('tolerations have no merge strategy', () => {
    expect((at(pod, 'spec.tolerations') as { strategy?: string }).strategy).toBeUndefined();
  });

  it('knows served kinds, not custom resources', () => {
    expect(supportsStrategicMerge('networking.k8s.io/v1', 'Ingress')).toBe(true);
    expect(supportsStrategicMerge('example.com/v1', 'Widget')).toBe(false);
  });
});

describe('every function leaves frozen inputs alone and returns mutable objects', () => {
  const cm = deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: '1' } }, data: { k: 'v' } }) as KubeObject;
  const now = '2026-11-21T16:00:00Z';
  const results: [string, () => unknown][] = [
    ['merge patch', () => applyJsonMergePatch(cm, { data: { x: 'y' } })],
    ['JSON patch', () => applyJsonPatch(cm, [{ op: 'add', path: '/data/x', value: 'y' }])],
    ['strategic merge', () => applyStrategicMergePatch(cm, { data: { x: 'y' } })],
    ['apply', () => serverSideApply(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { x: 'y' } } as KubeObject, { manager: 'm', force: false, now, apiVersion: 'v1' })],
    ['update', () => updateManagedFields(cm, { ...cm, data: { x: 'y' } } as KubeObject, { manager: 'm', operation: 'Update', now })],
  ];
  it.each(results)('%s', (_n, run) => {
    const out = run() as { metadata: { labels: Record<string, string> }; data: Record<string, string> };
    expect(out.data.x).toBe('y');
    out.metadata.labels.b = '2';
    expect(cm.metadata.labels).toEqual({ a: '1' });
    expect(cm).toMatchObject({ data: { k: 'v' } });
  });
});
