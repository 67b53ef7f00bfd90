// Reconcile functions called directly on fixtures (kubernetes/sample-controller style): a real
// Engine holds the objects, no controller is registered, and each test calls one reconcile.
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import type { KubeObject } from '../objects.js';
import type { ControllerContext } from './runtime-contract.js';
import { ReplicaSetController } from './replicaset.js';
import { DeploymentController } from './deployment.js';
import { podTemplateHash } from './pod-template-hash.js';

const NS = { group: '', version: 'v1', resource: 'namespaces' };

function fixture() {
  const engine = new Engine({ clock: new ManualClock(Date.parse('2025-03-01T10:00:00Z')), random: new SeededRandom(3) });
  engine.api.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  engine.api.create({ group: '', version: 'v1', resource: 'serviceaccounts', namespace: 'default' }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  const events: string[] = [];
  const ctx = (actor: string): ControllerContext => ({
    api: engine.client(actor),
    clock: engine.clock,
    random: engine.random,
    recordEvent: (o: KubeObject, type, reason, message) => events.push(`${type} ${reason} ${o.kind}/${o.metadata.name}: ${message}`),
  });
  return { engine, events, ctx };
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
const PODS = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

describe('ReplicaSet reconcile', () => {
  it('creates the missing pods with generateName and a controller reference, then reports status', () => {
    const { engine, events, ctx } = fixture();
    const rs = engine.api.create({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' }, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
    });
    const c = new ReplicaSetController();
    c.reconcile('default/web-abc', ctx(c.name));
    const pods = engine.api.list(PODS).items;
    expect(pods.map((p) => p.metadata.name)).toEqual([expect.stringMatching(/^web-abc-[a-z0-9]{5}$/), expect.stringMatching(/^web-abc-[a-z0-9]{5}$/)]);
    expect(pods[0].metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(events.sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate ReplicaSet/web-abc: Created pod: ${p.metadata.name}`).sort());
    c.reconcile('default/web-abc', ctx(c.name)); // level-based: nothing more to create
    expect(engine.api.list(PODS).items).toHaveLength(2);
    expect((engine.api.get({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: 'web-abc' }) as any).status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
  });

  it('deletes the surplus, unscheduled pods first', () => {
    const { engine, events, ctx } = fixture();
    const rs = engine.api.create({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' }, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template },
    });
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid, controller: true }];
    for (const [name, nodeName] of [['a', 'node01'], ['b', undefined]] as const) {
      engine.api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' }, ownerReferences: owner }, spec: { ...template.spec, ...(nodeName ? { nodeName } : {}) } });
    }
    const c = new ReplicaSetController();
    c.reconcile('default/web-abc', ctx(c.name));
    expect(events).toEqual(['Normal SuccessfulDelete ReplicaSet/web-abc: Deleted pod: b']);
  });
});

describe('Deployment reconcile', () => {
  it('creates the first ReplicaSet named by pod-template-hash, with revision and replica annotations', () => {
    const { engine, events, ctx } = fixture();
    engine.api.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
    });
    const d = engine.api.get({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' }) as any;
    const c = new DeploymentController();
    c.reconcile('default/web', ctx(c.name));
    const hash = podTemplateHash(d.spec.template);
    const rs = engine.api.get({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: `web-${hash}` }) as any;
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.replicas).toBe(3);
    expect(events).toEqual([`Normal ScalingReplicaSet Deployment/web: Scaled up replica set web-${hash} from 0 to 3`]);
    const after = engine.api.get({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' }) as any;
    expect(after.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(after.status.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "web-${hash}"`],
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ]);
  });
});
