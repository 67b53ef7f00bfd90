import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from './clock.js';
import { Engine } from './engine.js';
import { bootstrapControlPlaneObjects, registerControlPlaneControllers } from './bootstrap.js';
import type { Controller } from './controllers/runtime-contract.js';
import type { KubeObject } from './objects.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const cms = { group: '', version: 'v1', resource: 'configmaps' };

function freshCluster(seed = 9): Engine {
  const e = new Engine({ clock: new ManualClock(T0), random: new SeededRandom(seed) });
  registerControlPlaneControllers(e);
  bootstrapControlPlaneObjects(e);
  return e;
}

/** Some learner activity: generated names, services with allocations, deletions, time passing. */
function activity(e: Engine): void {
  const kubectl = e.client('kubectl');
  kubectl.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  e.advance(1000);
  for (let i = 0; i < 3; i++) kubectl.create({ ...cms, namespace: 'team' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' } });
  kubectl.create({ group: '', version: 'v1', resource: 'services', namespace: 'team' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
  kubectl.create({ group: '', version: 'v1', resource: 'pods', namespace: 'team' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  e.advance(5000);
}

describe('bootstrap', () => {
  it('creates what a fresh kubeadm cluster has', () => {
    const e = freshCluster();
    const names = (resource: string, namespace?: string, group = '') => e.api.list({ group, version: 'v1', resource, ...(namespace ? { namespace } : {}) }).items.map((o) => o.metadata.name);
    expect(names('namespaces')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(e.api.get({ group: '', version: 'v1', resource: 'namespaces', name: 'kube-system' }).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
    expect(names('serviceaccounts', 'default')).toEqual(['default']);
    expect(names('configmaps', 'kube-node-lease')).toEqual(['kube-root-ca.crt']);
    expect(names('configmaps', 'kube-public')).toEqual(['cluster-info', 'kube-root-ca.crt']);
    const svc = e.api.get({ group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'kubernetes' }) as KubeObject & { spec: Record<string, unknown> };
    expect(svc.spec).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
    expect(names('priorityclasses', undefined, 'scheduling.k8s.io')).toEqual(['system-cluster-critical', 'system-node-critical']);
    expect(names('clusterroles', undefined, 'rbac.authorization.k8s.io')).toContain('cluster-admin');
    expect(e.trace().find((t) => t.resource === 'serviceaccounts' && t.namespace === 'kube-public')?.actor).toBe('serviceaccount-controller');
  });
});

describe('determinism and snapshots', () => {
  it('two engines with the same seed and inputs produce identical snapshots', () => {
    const [a, b] = [freshCluster(), freshCluster()];
    activity(a);
    activity(b);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it('a restored engine behaves exactly like the original from then on', () => {
    const original = freshCluster();
    activity(original);
    const snap = JSON.parse(JSON.stringify(original.snapshot()));
    const restored = Engine.restore(snap);
    registerControlPlaneControllers(restored);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
    for (const e of [original, restored]) {
      e.client('kubectl').create({ ...cms, namespace: 'team' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'after-' } });
      e.client('kubectl').delete({ group: '', version: 'v1', resource: 'namespaces', name: 'team' });
      e.advance(10_000);
    }
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
    expect(restored.api.list({ group: '', version: 'v1', resource: 'namespaces' }).items.map((n) => n.metadata.name)).not.toContain('team');
  });
});

describe('controller runtime', () => {
  it('runs requeues on simulated time and backs off after failures', () => {
    const e = new Engine({ clock: new ManualClock(T0), random: new SeededRandom(1) });
    const runs: number[] = [];
    const failures: number[] = [];
    const ticker: Controller = {
      name: 'ticker',
      watches: [{ ...cms, keysFor: (o) => [o.metadata.name!] }],
      reconcile: (key, ctx) => {
        if (key === 'tick') {
          runs.push(ctx.clock.now() - T0);
          return { requeueAfterMs: 5000 };
        }
        failures.push(ctx.clock.now() - T0);
        throw new Error('boom');
      },
    };
    e.api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    e.registerController(ticker);
    e.api.create({ ...cms, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tick' } });
    e.api.create({ ...cms, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fail' } });
    e.advance(12_000);
    expect(runs).toEqual([0, 5000, 10_000]);
    expect(failures.slice(0, 5)).toEqual([0, 5, 15, 35, 75]);
    expect(e.runtime.errors.at(-1)).toMatchObject({ controller: 'ticker', key: 'fail', message: 'boom' });
  });

  it('gives a controller registered late the objects that already exist, like an informer\'s initial list', () => {
    const e = new Engine({ clock: new ManualClock(T0), random: new SeededRandom(1) });
    e.api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    for (const name of ['b', 'a']) e.api.create({ ...cms, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    const seen: string[] = [];
    e.registerController({ name: 'late', watches: [{ ...cms, keysFor: (o) => [`${o.metadata.namespace}/${o.metadata.name}`] }], reconcile: (key) => void seen.push(key) });
    e.runUntilIdle();
    expect(seen).toEqual(['default/a', 'default/b']);
    // Restored with its queue, it resumes from that queue rather than listing again.
    const restored = Engine.restore(JSON.parse(JSON.stringify(e.snapshot())));
    const again: string[] = [];
    restored.registerController({ name: 'late', watches: [{ ...cms, keysFor: (o) => [o.metadata.name!] }], reconcile: (key) => void again.push(key) });
    restored.runUntilIdle();
    expect(again).toEqual([]);
  });

  it('records events with aggregation of repeats', () => {
    const e = freshCluster();
    const subject = e.api.get({ ...cms, namespace: 'default', name: 'kube-root-ca.crt' });
    e.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 to 1');
    e.advance(30_000);
    e.recordEvent('deployment-controller', subject, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 to 1');
    const events = e.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      involvedObject: { kind: 'ConfigMap', namespace: 'default', name: 'kube-root-ca.crt', uid: subject.metadata.uid, apiVersion: 'v1' },
      reason: 'ScalingReplicaSet',
      type: 'Normal',
      count: 2,
      firstTimestamp: '2026-01-01T12:00:00Z',
      lastTimestamp: '2026-01-01T12:00:30Z',
      source: { component: 'deployment-controller' },
      reportingComponent: 'deployment-controller',
    });
    expect(events[0].metadata.name).toMatch(/^kube-root-ca\.crt\.[0-9a-f]+$/);
  });

  it('tells change listeners about every commit', () => {
    const e = freshCluster();
    const seen: string[] = [];
    const off = e.onChange((c) => seen.push(`${c.record.actor} ${c.record.verb} ${c.record.resource} ${c.object.metadata.name}`));
    e.client('kubectl').create({ ...cms, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    off();
    e.client('kubectl').create({ ...cms, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } });
    expect(seen).toEqual(['kubectl create configmaps x']);
  });
});
