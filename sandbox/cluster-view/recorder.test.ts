import { describe, expect, it } from 'vitest';
import { createDefaultCluster } from '../engine/cluster.js';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { ClusterViewRecorder } from './recorder.js';
import { stageOrder } from './timeline.js';
import { applyDiff, diffModels } from './diff.js';
import { svcChain } from '../engine/network/kube-proxy.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function cluster() {
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(7) });
  engine.advance(60_000);
  return engine;
}

const deployment = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});
const deploymentsRef = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };
const servicesRef = { group: '', version: 'v1', resource: 'services', namespace: 'default' };
const podsRef = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

describe('ClusterViewRecorder on a real default cluster', () => {
  it('chains kubectl create deployment through every component in the order they act', () => {
    const engine = cluster();
    const view = new ClusterViewRecorder(engine);
    const kubectl = engine.client('kubectl');
    kubectl.create(servicesRef, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    kubectl.create(deploymentsRef, deployment('web', 3));
    engine.advance(30_000);
    const chains = view.timeline();
    const deploy = chains.find((c) => c.title === 'create deployments.apps default/web')!;
    expect(stageOrder(deploy)).toEqual(['kubectl', 'api-server', 'etcd', 'deployment-controller', 'replicaset-controller', 'scheduler', 'kubelet', 'endpoints', 'kube-proxy']);
    const binds = deploy.steps.filter((s) => s.stage === 'scheduler' && s.summary.startsWith('binds'));
    expect(binds).toHaveLength(3);
    expect(binds[0].summary).toMatch(/^binds pod web-[a-z0-9]+-[a-z0-9]{5} to node0[12]$/);
    expect(deploy.steps.find((s) => s.stage === 'deployment-controller')?.event?.reason).toBe('ScalingReplicaSet');
    expect(deploy.steps.some((s) => s.stage === 'kubelet' && s.event?.reason === 'Pulling')).toBe(true);
    // Leases (heartbeats) are background, never part of a chain.
    expect(chains.flatMap((c) => c.steps).some((s) => s.object.resource.startsWith('leases'))).toBe(false);
  });

  it('puts the replacement pod in the chain of the delete that caused it', () => {
    const engine = cluster();
    const kubectl = engine.client('kubectl');
    kubectl.create(deploymentsRef, deployment('web', 2));
    engine.advance(30_000);
    const view = new ClusterViewRecorder(engine);
    const victim = kubectl.list(podsRef).items[0].metadata.name!;
    kubectl.delete({ ...podsRef, name: victim });
    engine.advance(60_000);
    const chain = view.timeline().at(-1)!;
    expect(chain.title).toBe(`delete pods default/${victim}`);
    const created = chain.steps.find((s) => s.stage === 'replicaset-controller' && s.summary.startsWith('creates pods'));
    expect(created?.object.name).not.toBe(victim);
    expect(stageOrder(chain)).toEqual(expect.arrayContaining(['replicaset-controller', 'scheduler', 'kubelet']));
  });

  it('maps nodes, components and pods grouped by owner with kubectl\'s STATUS', () => {
    const engine = cluster();
    const view = new ClusterViewRecorder(engine);
    engine.client('kubectl').create(deploymentsRef, deployment('web', 3));
    engine.runUntilIdle();
    const pods = () => view.model().items.filter((i) => i.kind === 'pod' && i.namespace === 'default');
    expect(pods().map((p) => p.status)).toEqual(['ContainerCreating', 'ContainerCreating', 'ContainerCreating']);
    engine.advance(30_000);
    const model = view.model();
    expect(model.nodes).toEqual(['controlplane', 'node01', 'node02']);
    expect(model.items.filter((i) => i.kind === 'component' && i.node === 'controlplane').map((c) => c.name)).toEqual([
      'kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager', 'kubelet', 'kube-proxy', 'containerd',
    ]);
    expect(model.items.find((i) => i.id === 'component/controlplane/etcd')?.status).toBe('Running');
    expect(pods().every((p) => p.status === 'Running' && /^node0[12]$/.test(p.node ?? '') && /^Deployment web → ReplicaSet web-/.test(p.group ?? ''))).toBe(true);
  });

  it('shows a Service with edges to its ready pods, and a pod\'s YAML with the last change marked', () => {
    const engine = cluster();
    const view = new ClusterViewRecorder(engine);
    const kubectl = engine.client('kubectl');
    kubectl.create(deploymentsRef, deployment('web', 2));
    kubectl.create(servicesRef, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    engine.advance(30_000);
    const svc = view.model().items.find((i) => i.id === 'service/default/web')!;
    expect(svc.targets).toHaveLength(2);
    expect(svc.status).toMatch(/^ClusterIP 10\.9[6-9]\.|^ClusterIP 10\.\d+\.\d+\.\d+$/);
    expect(svc.path?.dns).toBe('web.default.svc.cluster.local');
    expect(svc.path?.ports[0]).toMatchObject({ port: 80, protocol: 'TCP', chain: svcChain('default/web', 'tcp') });
    expect(svc.path?.ports[0].endpoints.map((e) => `pod/default/${e.pod}`).sort()).toEqual(svc.targets);
    expect(svc.path?.ports[0].endpoints[0].address).toMatch(/^10\.244\.\d+\.\d+:80$/);
    const pod = svc.targets![0].split('/')[2];
    const detail = view.detail({ resource: 'pods', namespace: 'default', name: pod });
    expect(detail.exists).toBe(true);
    expect(detail.yaml).toContain(`name: ${pod}`);
    expect(detail.yaml).not.toContain('managedFields');
    expect(detail.changed.length).toBeGreaterThan(0);
    expect(detail.events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Started']));
  });

  it('sends a diff that rebuilds the next model', () => {
    const engine = cluster();
    const view = new ClusterViewRecorder(engine);
    const before = view.model();
    engine.client('kubectl').create(deploymentsRef, deployment('web', 3));
    engine.advance(30_000);
    const after = view.model();
    const d = diffModels(before, after);
    expect(d.remove).toEqual([]);
    expect(d.upsert.filter((i) => i.kind === 'pod')).toHaveLength(3);
    expect(applyDiff(before, d)).toEqual({ nodes: after.nodes, items: expect.arrayContaining(after.items) });
    expect(applyDiff(before, d).items).toHaveLength(after.items.length);
  });
});
