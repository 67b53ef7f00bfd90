import { describe, expect, it } from 'vitest';
import type { ClusterModel, MapItem } from '../../../sandbox/cluster-view/wire';
import { layoutMap } from './layout';

const pod = (name: string, node?: string, group = 'Deployment web → ReplicaSet web-1'): MapItem => ({ id: `pod/default/${name}`, kind: 'pod', name, namespace: 'default', node, group, status: 'Running' });
const model = (pods: MapItem[]): ClusterModel => ({
  nodes: ['controlplane', 'node01'],
  items: [
    { id: 'node//controlplane', kind: 'node', name: 'controlplane', status: 'Ready' },
    { id: 'component/controlplane/etcd', kind: 'component', name: 'etcd', node: 'controlplane', status: 'Running' },
    { id: 'node//node01', kind: 'node', name: 'node01', status: 'Ready' },
    { id: 'service/default/web', kind: 'service', name: 'web', status: 'ClusterIP', targets: pods.map((p) => p.id) },
    ...pods,
  ],
});

const inside = (outer: { x: number; y: number; w: number; h: number }, inner: { x: number; y: number; w: number; h: number }) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

describe('layoutMap', () => {
  it('puts each pod inside its node, unscheduled pods in their own column, and an edge per endpoint', () => {
    const l = layoutMap(model([pod('a', 'node01'), pod('b', 'node01'), pod('c')]));
    expect(inside(l.nodes.get('node01')!, l.boxes.get('pod/default/a')!)).toBe(true);
    expect(inside(l.nodes.get('')!, l.boxes.get('pod/default/c')!)).toBe(true);
    expect(inside(l.nodes.get('controlplane')!, l.boxes.get('component/controlplane/etcd')!)).toBe(true);
    expect(l.edges.map((e) => e.to)).toEqual(['pod/default/a', 'pod/default/b', 'pod/default/c']);
    expect(l.groups.map((g) => g.text)).toEqual(['Deployment web → ReplicaSet web-1', 'Deployment web → ReplicaSet web-1']);
  });

  it('lays 500 pods without overlaps, and a pod keeps its place when a later one goes', () => {
    const pods = Array.from({ length: 500 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, i % 2 ? 'node01' : 'controlplane'));
    const l = layoutMap(model(pods));
    const seen = new Set<string>();
    for (const p of pods) {
      const b = l.boxes.get(p.id)!;
      const key = `${b.x},${b.y}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const fewer = layoutMap(model(pods.slice(0, 499)));
    expect(fewer.boxes.get('pod/default/p010')).toEqual(l.boxes.get('pod/default/p010'));
  });
});

describe('layoutMap with dagre', () => {
  const ingress: MapItem = { id: 'ingress/default/web', kind: 'ingress', name: 'web', status: 'nginx', targets: ['service/default/web'] };
  const three = ['controlplane', 'node01', 'node02'];
  const withNodes = (m: ClusterModel): ClusterModel => ({ nodes: three, items: [...m.items, { id: 'node//node02', kind: 'node', name: 'node02', status: 'Ready' }] });

  it('ranks Ingresses above Services above the node columns, and keeps the nodes in their order', () => {
    const l = layoutMap(withNodes({ ...model([pod('a', 'node02')]), items: [...model([pod('a', 'node02')]).items, ingress] }));
    const ing = l.boxes.get(ingress.id)!;
    const svc = l.boxes.get('service/default/web')!;
    expect(ing.y + ing.h).toBeLessThan(svc.y);
    for (const n of three) expect(svc.y + svc.h).toBeLessThan(l.nodes.get(n)!.y);
    const xs = three.map((n) => l.nodes.get(n)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(three.map((n) => l.nodes.get(n)!.y)).size).toBe(1);
  });

  it('places a Service over the column its endpoints are in', () => {
    const l = layoutMap(withNodes(model([pod('a', 'node02'), pod('b', 'node02')])));
    const svc = l.boxes.get('service/default/web')!;
    const col = l.nodes.get('node02')!;
    expect(svc.x + svc.w / 2).toBeGreaterThanOrEqual(col.x);
    expect(svc.x + svc.w / 2).toBeLessThanOrEqual(col.x + col.w);
  });

  it('leaves pods where they were when a Service or an Ingress appears', () => {
    const pods = [pod('a', 'node01'), pod('b', 'controlplane'), pod('c')];
    const bare: ClusterModel = { ...model(pods), items: model(pods).items.filter((i) => i.kind !== 'service') };
    const before = layoutMap(bare);
    const after = layoutMap({ ...model(pods), items: [...model(pods).items, ingress] });
    for (const p of pods) expect(after.boxes.get(p.id)!.x).toEqual(before.boxes.get(p.id)!.x);
  });

  it('lays out a cluster with nothing in it', () => {
    const l = layoutMap({ nodes: [], items: [] });
    expect(l.boxes.size).toBe(0);
    expect(Number.isFinite(l.height)).toBe(true);
  });
});
