// server.ts refuses to start, saying why, on a bad environment or a database it cannot use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '3199', SESSION_SECRET: 'x'.repeat(32), ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stderr: res.stderr };
}

describe('server start', () => {
  it('refuses a database file that is not a database', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is not a SQLite database, just text that is long enough to look like a header'.repeat(10));
    const { status, stderr } = start({ DATABASE_URL: `file:${file}` });
    expect(status).toBe(1);
    expect(stderr).toContain(`[kubelab] not starting: database ${file} cannot be opened or migrated: file is not a database`);
  });

  it('refuses an invalid environment, naming each variable', () => {
    const { status, stderr } = start({ PORT: 'eighty', DATABASE_URL: 'mysql://db/kubelab' });
    expect(status).toBe(1);
    expect(stderr).toContain('[kubelab] not starting: invalid environment:');
    expect(stderr).toContain('  PORT: ');
    expect(stderr).toContain('  DATABASE_URL: use a SQLite file');
  });
});
