import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import { defaultAdmissionPlugins } from './index.js';
import { sandboxQuota } from './sandbox-quota.js';

const configmaps = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };

function engineWith(limits: { maxObjects: number; maxReplicas: number; maxObjectBytes: number }) {
  let engine!: Engine;
  const count = () => engine.store.count('/registry/') - engine.store.count('/registry/events/');
  engine = new Engine({ clock: new ManualClock(0), random: new SeededRandom(1), admission: [...defaultAdmissionPlugins(), sandboxQuota(limits, count)] });
  engine.api.create({ group: '', version: 'v1', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return engine;
}

describe('KubelabSandboxQuota', () => {
  it('refuses objects past the count, with a Forbidden that says why', () => {
    const engine = engineWith({ maxObjects: 3, maxReplicas: 10, maxObjectBytes: 1024 });
    engine.api.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    engine.api.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    expect(() => engine.api.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toThrow(
      'configmaps "c" is forbidden: this sandbox holds at most 3 objects; delete some first (kubelab sandbox limit)',
    );
  });

  it('refuses an object over the byte limit and a workload over the replica limit', () => {
    const engine = engineWith({ maxObjects: 100, maxReplicas: 10, maxObjectBytes: 1024 });
    expect(() => engine.api.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'é'.repeat(1000) } })).toThrow(
      'configmaps "big" is forbidden: the object is 3 KiB, but this sandbox stores at most 1 KiB per object (kubelab sandbox limit)',
    );
    const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };
    const spec = (replicas: number) => ({ replicas, selector: { matchLabels: { app: 'w' } }, template: { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'w', image: 'nginx' }] } } });
    expect(() => engine.api.create(deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: spec(11) })).toThrow(
      'deployments.apps "w" is forbidden: requested 11 replicas, but this sandbox runs at most 10 replicas per workload',
    );
    expect(engine.api.create(deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: spec(10) }).metadata.name).toBe('w');
  });
});
