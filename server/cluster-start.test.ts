// server.ts with PostgreSQL and Redis refuses to start, saying which one and why, when a service
// does not answer; with both answering it migrates PostgreSQL and joins the others (/readyz 200).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, servicesAvailable, startRedis, startServices, type Services } from '../test-support/services.js';

const ROOT = join(import.meta.dirname, '..');
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SESSION_SECRET: 'x'.repeat(32), HOST: '127.0.0.1' });

function start(env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: ROOT, env: { ...baseEnv(), PORT: '3198', ...env } as unknown as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: res.status, stderr: res.stderr };
}

describe('server start on PostgreSQL and Redis', () => {
  it('refuses a PostgreSQL that does not answer, naming it without its password', async () => {
    const port = await freePort();
    const { status, stderr } = start({ DATABASE_URL: `postgresql://kubelab:secret-pw@127.0.0.1:${port}/kubelab` });
    expect(status).toBe(1);
    expect(stderr).toContain(`[kubelab] not starting: database PostgreSQL postgresql://kubelab:***@127.0.0.1:${port}/kubelab: cannot connect to PostgreSQL`);
    expect(stderr).not.toContain('secret-pw');
  });
});

describe.skipIf(!servicesAvailable())('sandbox server on PostgreSQL and Redis', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => services?.stop());

  it('refuses a Redis that does not answer', async () => {
    const port = await freePort();
    const { status, stderr } = start({ DATABASE_URL: services.createDatabase('refuse_redis'), REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(status).toBe(1);
    expect(stderr).toContain(`[kubelab] not starting: Redis redis://127.0.0.1:${port} does not answer`);
  });

  it('reports not ready while Redis is down, ready again when it is back', async () => {
    const port = await freePort();
    const redis = await startRedis();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/sandbox-server.ts'], {
      cwd: ROOT,
      env: { ...baseEnv(), PORT: String(port), DATABASE_URL: services.databaseUrl, REDIS_URL: redis.url, SANDBOX_WORKERS: '0' } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let log = '';
        child.stdout!.on('data', (d) => ((log += d), log.includes('"msg":"ready"') && resolve()));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
      });
      const readyz = async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return `${res.status} ${await res.text()}`;
      };
      expect(await readyz()).toBe('200 ok\n');
      redis.stop();
      await until(async () => (await readyz()).startsWith('503 not ready: Redis'));
      const back = await startRedis(undefined, redis.port);
      await until(async () => (await readyz()) === '200 ok\n');
      back.stop();
    } finally {
      child.kill('SIGKILL');
      redis.stop();
    }
  });
});

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
