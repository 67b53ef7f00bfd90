// Real kubectl watches: `get -w` (a Table watch) ended by --request-timeout, `rollout status`
// and `wait --for` (JSON watches from a list's resourceVersion) while the cluster moves on.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } });

describe.runIf(realKubectlAvailable())('real kubectl: watch', () => {
  let c: CompatCluster;
  let engine: Engine;
  beforeAll(async () => {
    engine = createLabEngine({ now: START });
    engine.api.create({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }, configMap('first'));
    c = await CompatCluster.start(engine);
  });
  afterAll(() => c?.close());

  it('get -w prints the list, then each change, until the request times out', async () => {
    const cm = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };
    const onWatch = () => {
      engine.advance(5_000);
      engine.api.create(cm, configMap('second'));
      engine.api.delete({ ...cm, name: 'first' });
    };
    await c.expect('get-watch', ['get', 'configmaps', '-w', '--request-timeout=2s'], { onWatch });
  });

  it('get -w -o json streams JSON objects', async () => {
    const cm = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };
    const onWatch = () => engine.api.patch({ ...cm, name: 'second' }, 'merge', { data: { k: 'w' } });
    await c.expect('get-watch-name', ['get', 'configmaps', '-w', '-o', 'name', '--request-timeout=2s'], { onWatch });
  });

  it('rollout status waits for the deployment while the cluster moves on', async () => {
    await c.expect('rollout-create', ['create', 'deployment', 'roll', '--image=nginx:1.27', '--replicas=2']);
    await c.expect('rollout-status', ['rollout', 'status', 'deployment/roll', '--timeout=20s'], { tick: 500, ticks: 60 });
  });

  it('wait --for=condition=Available', () => c.expect('wait-available', ['wait', '--for=condition=Available', 'deployment/roll', '--timeout=10s']));
});
