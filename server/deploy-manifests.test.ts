// The deployment manifests are valid for a real API server: the real kubectl 1.32 applies them
// with --dry-run=server against our own engine (served over HTTPS like a cluster's API).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ENV_NAMES, parseEnv } from './env.js';
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

describe('deploy/ environment', () => {
  const docs = (file: string) => parseAllDocuments(readFileSync(join(here, file), 'utf8')).map((d) => d.toJS() as { kind: string; metadata: { name: string }; data?: Record<string, string>; stringData?: Record<string, string>; spec?: Record<string, never> });
  const kubelab = docs('kubelab.yaml');
  const env = { ...kubelab.find((d) => d.kind === 'ConfigMap')!.data, ...kubelab.find((d) => d.kind === 'Secret')!.stringData };

  it('sets only variables the server reads, and they pass its validation (PostgreSQL + Redis: several pods)', () => {
    for (const name of Object.keys(env)) expect(ENV_NAMES, name).toContain(name);
    const parsed = parseEnv(env);
    expect(parsed.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(parsed.REDIS_URL).toMatch(/^redis:\/\//);
    expect(kubelab.find((d) => d.kind === 'Deployment')!.spec!.replicas).toBeGreaterThan(1);
  });

  it('points DATABASE_URL and REDIS_URL at the PostgreSQL and Redis of postgres.yaml and redis.yaml', () => {
    const pg = docs('postgres.yaml');
    const pgSecret = pg.find((d) => d.kind === 'Secret')!.stringData!;
    const pgService = pg.find((d) => d.kind === 'Service')!;
    const db = new URL(env.DATABASE_URL);
    expect(db.hostname).toBe(`${pgService.metadata.name}.kubelab.svc`);
    expect(db.port).toBe('5432');
    expect(db.username).toBe(pgSecret.POSTGRES_USER);
    expect(db.password).toBe(pgSecret.POSTGRES_PASSWORD);
    expect(db.pathname).toBe(`/${pgSecret.POSTGRES_DB}`);
    const redisService = docs('redis.yaml').find((d) => d.kind === 'Service')!;
    expect(env.REDIS_URL).toBe(`redis://${redisService.metadata.name}.kubelab.svc:6379`);
  });
});
