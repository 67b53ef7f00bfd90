// The deployment manifests are valid for a real API server: the real kubectl 1.32 applies them
// with --dry-run=server against our own engine (served over HTTPS like a cluster's API).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../sandbox/apiserver/kubeconfig.js';
import { createLabEngine } from '../sandbox/apiserver/lab-engine.js';
import { followWallClock, serveEngine } from '../sandbox/apiserver/serve.js';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const dir = mkdtempSync(join(tmpdir(), 'kubelab-deploy-'));
const here = join(import.meta.dirname, '..', 'deploy');
let close: () => Promise<void>;
let kubeconfig: string;

beforeAll(async () => {
  const engine = createLabEngine({ now: Date.now() });
  const serving = await serveEngine(engine, 'deploy-test-token');
  const stop = followWallClock(engine);
  close = async () => (stop(), await serving.close());
  kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigYaml({ server: serving.url, token: 'deploy-test-token', caCert: serving.caCert }), { mode: 0o600 });
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

// Asynchronous: the API server runs in this process and must keep answering.
const kubectl = async (...args: string[]) => (await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', mkdtempSync(join(dir, 'cache-')), ...args], { encoding: 'utf8' })).stdout;

describe('deploy/ manifests', () => {
  it('apply with --dry-run=server against our engine, every object accepted', async () => {
    expect(await kubectl('apply', '-f', join(here, 'namespace.yaml'))).toBe('namespace/kubelab created\n');
    const out = await kubectl('apply', '--dry-run=server', '-f', here);
    expect(out.trim().split('\n').sort()).toEqual(
      [
        'configmap/kubelab created (server dry run)',
        'deployment.apps/kubelab created (server dry run)',
        'deployment.apps/redis created (server dry run)',
        'horizontalpodautoscaler.autoscaling/kubelab created (server dry run)',
        'ingress.networking.k8s.io/kubelab created (server dry run)',
        'namespace/kubelab unchanged (server dry run)',
        'poddisruptionbudget.policy/kubelab created (server dry run)',
        'secret/kubelab created (server dry run)',
        'secret/postgres created (server dry run)',
        'service/kubelab created (server dry run)',
        'service/postgres created (server dry run)',
        'service/redis created (server dry run)',
        'statefulset.apps/postgres created (server dry run)',
      ].sort(),
    );
    // A dry run stores nothing.
    expect(await kubectl('get', 'deployments', '-n', 'kubelab')).toBe('');
  });
});
