// Real kubectl rollout, set, edit and logs on a deployment whose cluster the test steps.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { LabEngine } from '../lab-engine.js';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');
// An EDITOR that raises replicas to 4 in the file kubectl hands it.
const EDITOR = `#!/bin/sh\nsed -i 's/^  replicas: [0-9]*/  replicas: 4/' "$1"\n`;

describe.runIf(realKubectlAvailable())('real kubectl: rollout, set, edit, logs', () => {
  let c: CompatCluster;
  let engine: LabEngine;
  beforeAll(async () => {
    engine = createLabEngine({ now: START });
    engine.advance(60_000);
    c = await CompatCluster.start(engine);
    await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']);
    engine.advance(30_000);
  });
  afterAll(() => c?.close());

  it('set image, then rollout status and history', { timeout: 60_000 }, async () => {
    await c.expect('rollout-set-image', ['set', 'image', 'deployment/web', 'nginx=nginx:1.26']);
    await c.expect('rollout-status-after-set-image', ['rollout', 'status', 'deployment/web', '--timeout=20s'], { tick: 2000 });
    await c.expect('rollout-history', ['rollout', 'history', 'deployment/web']);
    await c.expect('rollout-history-revision', ['rollout', 'history', 'deployment/web', '--revision=2']);
  });
  it('rollout undo', { timeout: 60_000 }, async () => {
    await c.expect('rollout-undo', ['rollout', 'undo', 'deployment/web']);
    await c.expect('rollout-status-after-undo', ['rollout', 'status', 'deployment/web', '--timeout=20s'], { tick: 2000 });
  });
  // Before `rollout restart`, whose restartedAt annotation (kubectl's wall clock) changes the pod names.
  it('logs', async () => {
    engine.advance(30_000);
    await c.expect('logs-deploy', ['logs', 'deployment/web', '--tail=2']);
  });
  it('rollout restart, pause, resume', async () => {
    await c.expect('rollout-restart', ['rollout', 'restart', 'deployment/web']);
    await c.expect('rollout-pause', ['rollout', 'pause', 'deployment/web']);
    await c.expect('rollout-pause-again', ['rollout', 'pause', 'deployment/web']);
    await c.expect('rollout-resume', ['rollout', 'resume', 'deployment/web']);
  });
  it('set env and set resources', async () => {
    await c.expect('set-env', ['set', 'env', 'deployment/web', 'MODE=fast']);
    await c.expect('set-resources', ['set', 'resources', 'deployment/web', '--limits=cpu=200m,memory=128Mi']);
    await c.expect('set-env-list', ['set', 'env', 'deployment/web', '--list']);
  });
  it('edit with an EDITOR script', () =>
    c.expect('edit', ['edit', 'deployment/web'], { files: { 'editor.sh': EDITOR }, env: { EDITOR: 'sh ./editor.sh', KUBE_EDITOR: 'sh ./editor.sh' } }));
});
