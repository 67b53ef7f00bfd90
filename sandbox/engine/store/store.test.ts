import { describe, expect, it } from 'vitest';
import { Store, StoreError, type StoreEvent } from './store.js';
import type { KubeObject } from '../objects.js';

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

describe('Store', () => {
  it('stamps one global revision as resourceVersion and freezes objects', () => {
    const s = new Store();
    const a = s.create('/registry/configmaps/default/a', cm('a'));
    const b = s.create('/registry/configmaps/default/b', cm('b'));
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    expect(s.revision).toBe(2);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.metadata)).toBe(true);
    expect(() => {
      (a.data as Record<string, string>).x = 'y';
    }).toThrow();
  });

  it('refuses a duplicate create and a stale update', () => {
    const s = new Store();
    s.create('/k/a', cm('a'));
    expect(() => s.create('/k/a', cm('a'))).toThrow(StoreError);
    s.update('/k/a', cm('a', { x: '1' }), 1);
    try {
      s.update('/k/a', cm('a', { x: '2' }), 1);
      expect.unreachable();
    } catch (e) {
      expect((e as StoreError).kind).toBe('conflict');
    }
    expect(() => s.delete('/k/missing')).toThrow(StoreError);
  });

  it('lists by prefix in key order', () => {
    const s = new Store();
    s.create('/registry/configmaps/ns2/b', cm('b'));
    s.create('/registry/configmaps/ns1/z', cm('z'));
    s.create('/registry/configmaps/ns1/a', cm('a'));
    s.create('/registry/secrets/ns1/a', cm('a'));
    expect(s.list('/registry/configmaps/ns1/').map((o) => o.metadata.name)).toEqual(['a', 'z']);
    expect(s.keys('/registry/configmaps/')).toEqual([
      '/registry/configmaps/ns1/a',
      '/registry/configmaps/ns1/z',
      '/registry/configmaps/ns2/b',
    ]);
  });

  it('replays history to a watch and then streams live events', () => {
    const s = new Store();
    s.create('/k/a', cm('a'));
    s.update('/k/a', cm('a', { v: '2' }));
    const seen: Array<[string, number]> = [];
    const w = s.watch('/k/', 1, (e) => seen.push([e.type, e.revision]));
    s.delete('/k/a');
    s.create('/other/x', cm('x'));
    w.stop();
    s.create('/k/b', cm('b'));
    expect(seen).toEqual([
      ['MODIFIED', 2],
      ['DELETED', 3],
    ]);
  });

  it('a deleted event carries the deletion revision', () => {
    const s = new Store();
    s.create('/k/a', cm('a'));
    let deleted: StoreEvent | undefined;
    s.watch('/k/', s.revision, (e) => (deleted = e));
    s.delete('/k/a');
    expect(deleted?.object.metadata.resourceVersion).toBe('2');
    expect(deleted?.prev?.metadata.resourceVersion).toBe('1');
  });

  it('compacts a bounded history and refuses watches from before it', () => {
    const s = new Store(3);
    for (let i = 0; i < 5; i++) s.create(`/k/${i}`, cm(String(i)));
    expect(s.compactedRevision).toBe(2);
    expect(() => s.watch('/k/', 1, () => {})).toThrow(StoreError);
    const seen: number[] = [];
    s.watch('/k/', 2, (e) => seen.push(e.revision));
    expect(seen).toEqual([3, 4, 5]);
  });

  it('queues writes made from inside a watch handler so order is kept', () => {
    const s = new Store();
    const order: string[] = [];
    s.watch('/k/', 0, (e) => {
      order.push(`first:${e.key}`);
      if (e.key === '/k/a') s.create('/k/b', cm('b'));
    });
    s.watch('/k/', 0, (e) => order.push(`second:${e.key}`));
    s.create('/k/a', cm('a'));
    expect(order).toEqual(['first:/k/a', 'second:/k/a', 'first:/k/b', 'second:/k/b']);
  });

  it('snapshots to plain JSON and restores exactly, compacted at the snapshot (no history kept)', () => {
    const s = new Store(10);
    s.create('/k/a', cm('a'));
    s.update('/k/a', cm('a', { v: '1' }));
    s.create('/k/b', cm('b'));
    const snap = JSON.parse(JSON.stringify(s.snapshot()));
    expect(snap.history).toBeUndefined();
    expect(snap.compacted).toBe(3);
    const r = Store.restore(snap);
    expect(r.snapshot()).toEqual(s.snapshot());
    expect(r.keys('/k/')).toEqual(['/k/a', '/k/b']);
    // A watcher from before the snapshot must re-list, as after an etcd compaction.
    expect(() => r.watch('/k/', 1, () => {})).toThrow(expect.objectContaining({ kind: 'compacted', current: 3 }));
    const live: number[] = [];
    r.watch('/k/', 3, (e) => live.push(e.revision));
    expect(r.create('/k/c', cm('c')).metadata.resourceVersion).toBe(s.create('/k/c', cm('c')).metadata.resourceVersion);
    expect(live).toEqual([4]);
    expect(Object.isFrozen(r.get('/k/a'))).toBe(true);
  });

  it('restores an older snapshot that still carries its history', () => {
    const s = new Store(10);
    s.create('/k/a', cm('a'));
    s.update('/k/a', cm('a', { v: '1' }));
    const old = { ...s.snapshot(), compacted: 0, history: [{ type: 'ADDED' as const, revision: 1, key: '/k/a', object: cm('a') }, { type: 'MODIFIED' as const, revision: 2, key: '/k/a', object: cm('a', { v: '1' }), prev: cm('a') }] };
    const replay: number[] = [];
    Store.restore(JSON.parse(JSON.stringify(old))).watch('/k/', 0, (e) => replay.push(e.revision));
    expect(replay).toEqual([1, 2]);
  });
});

describe('Store.listAt', () => {
  it('rebuilds an earlier revision from history', () => {
    const s = new Store();
    s.create('/k/a', cm('a', { v: '1' }));
    s.create('/k/b', cm('b'));
    s.update('/k/a', cm('a', { v: '2' }));
    s.delete('/k/b');
    s.create('/k/c', cm('c'));
    expect(s.listAt('/k/', 2).map((o) => [o.metadata.name, o.data])).toEqual([
      ['a', { v: '1' }],
      ['b', {}],
    ]);
    expect(s.listAt('/k/', 3).map((o) => o.metadata.resourceVersion)).toEqual(['3', '2']);
    expect(s.listAt('/k/', 5).map((o) => o.metadata.name)).toEqual(['a', 'c']);
  });
  it('refuses a compacted revision', () => {
    const s = new Store(2);
    for (let i = 0; i < 4; i++) s.create(`/k/${i}`, cm(String(i)));
    expect(() => s.listAt('/k/', 1)).toThrow(StoreError);
  });
});
