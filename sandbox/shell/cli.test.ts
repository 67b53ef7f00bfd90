// `npm run shell -- --kubeconfig <file> -c '<commands>'` as a process: our kubectl speaks HTTP
// to a served engine, stdout and stderr stay apart, the exit status is the last command's.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../apiserver/kubeconfig.js';
import { serveEngine, type Serving } from '../apiserver/serve.js';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { createDefaultCluster } from '../engine/cluster.js';

describe('npm run shell -- --kubeconfig … -c …', { timeout: 60_000 }, () => {
  let serving: Serving;
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-cli-'));
  const kubeconfig = join(dir, 'config');
  beforeAll(async () => {
    const engine = createDefaultCluster({ clock: new ManualClock(Date.parse('2026-11-01T09:00:00Z')), random: new SeededRandom(3), settleMs: 5_000 });
    serving = await serveEngine(engine, 'cli-token');
    writeFileSync(kubeconfig, kubeconfigYaml({ server: serving.url, token: 'cli-token', caCert: serving.caCert }));
  });
  afterAll(async () => {
    await serving?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (script: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', join(import.meta.dirname, 'cli.ts'), '--kubeconfig', kubeconfig, '-c', script], { encoding: 'utf8', timeout: 50_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, '') });
      });
    });

  it('runs the commands over HTTP and exits with the last status', async () => {
    const r = await run('kubectl get ns | grep -c Active; kubectl config current-context; kubectl get deploy nope');
    expect(r).toEqual({ code: 1, stdout: '4\nkubelab\n', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' });
  });

  it('exits 0 when the last command succeeds', async () => {
    const r = await run('kubectl get deploy nope; kubectl get ns default -o name');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('namespace/default\n');
  });
});
