// Rollouts on a real Engine: RollingUpdate steps within maxSurge/maxUnavailable with the real
// ScalingReplicaSet sequence, and Recreate stops every old pod before starting new ones.
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { createDefaultCluster } from '../cluster.js';
import type { Engine } from '../engine.js';

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };
const RS = { group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' };

function setup(strategy?: Record<string, unknown>): Engine {
  const engine = createDefaultCluster({ clock: new ManualClock(Date.parse('2025-03-01T10:00:00Z')), random: new SeededRandom(5), settleMs: 10_000 });
  engine.client('kubectl').create(DEPLOYMENTS, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, ...(strategy ? { strategy } : {}), selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  });
  engine.advance(20_000);
  return engine;
}

function setImage(engine: Engine, image: string): void {
  const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
  const template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ ...d.spec.template.spec.containers[0], image }] } };
  engine.client('kubectl').update({ ...DEPLOYMENTS, name: 'web' }, { ...d, spec: { ...d.spec, template } });
}

const scalingEvents = (engine: Engine) =>
  (engine.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items as any[]).filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message as string);

describe('Deployment rollouts', () => {
  it('rolls nginx:1.26 to nginx:1.27 one pod at a time (maxSurge 1, maxUnavailable 0)', () => {
    const engine = setup();
    setImage(engine, 'nginx:1.27');
    engine.advance(60_000);
    const rss = engine.api.list(RS).items as any[];
    const byRevision = Object.fromEntries(rss.map((rs) => [rs.metadata.annotations['deployment.kubernetes.io/revision'], rs]));
    const [oldRS, newRS] = [byRevision['1'].metadata.name, byRevision['2'].metadata.name];
    expect(byRevision['1'].spec.replicas).toBe(0);
    expect(byRevision['2'].spec.replicas).toBe(3);
    expect(scalingEvents(engine)).toEqual([
      `Scaled up replica set ${oldRS} from 0 to 3`,
      `Scaled up replica set ${newRS} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 3 to 2`,
      `Scaled up replica set ${newRS} from 1 to 2`,
      `Scaled down replica set ${oldRS} from 2 to 1`,
      `Scaled up replica set ${newRS} from 2 to 3`,
      `Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.conditions.find((c: any) => c.type === 'Progressing').message).toBe(`ReplicaSet "${newRS}" has successfully progressed.`);
    const pods = engine.api.list({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }).items as any[];
    expect(pods.map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
  });

  it('Recreate scales the old ReplicaSet to zero and waits for its pods before the new one', () => {
    const engine = setup({ type: 'Recreate' });
    setImage(engine, 'nginx:1.27');
    engine.advance(60_000);
    const rss = engine.api.list(RS).items as any[];
    const name = (rev: string) => rss.find((rs) => rs.metadata.annotations['deployment.kubernetes.io/revision'] === rev).metadata.name;
    expect(scalingEvents(engine)).toEqual([`Scaled up replica set ${name('1')} from 0 to 3`, `Scaled down replica set ${name('1')} from 3 to 0`, `Scaled up replica set ${name('2')} from 0 to 3`]);
    const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });
});

describe('Deployment rollback and pause', () => {
  it('rolls back to revision 1 by making its ReplicaSet new again (revision 3, revision-history 1)', () => {
    const engine = setup();
    setImage(engine, 'nginx:1.27');
    engine.advance(60_000);
    setImage(engine, 'nginx:1.26'); // what `kubectl rollout undo` does: the old template back
    engine.advance(60_000);
    const rss = engine.api.list(RS).items as any[];
    const back = rss.find((rs) => rs.spec.template.spec.containers[0].image === 'nginx:1.26');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back.spec.replicas).toBe(3);
    expect(rss).toHaveLength(2);
  });

  it('does not roll out while paused, says so in Progressing, and rolls out on resume', () => {
    const engine = setup();
    const d = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    engine.client('kubectl').update({ ...DEPLOYMENTS, name: 'web' }, { ...d, spec: { ...d.spec, paused: true } });
    engine.advance(1_000);
    setImage(engine, 'nginx:1.27');
    engine.advance(30_000);
    expect(engine.api.list(RS).items).toHaveLength(1);
    const paused = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    expect(paused.status.conditions.find((c: any) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    engine.client('kubectl').update({ ...DEPLOYMENTS, name: 'web' }, { ...paused, spec: { ...paused.spec, paused: false } });
    engine.advance(60_000);
    const resumed = engine.api.get({ ...DEPLOYMENTS, name: 'web' }) as any;
    expect(engine.api.list(RS).items).toHaveLength(2);
    expect(resumed.status.conditions.find((c: any) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});
