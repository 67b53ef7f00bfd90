// Proves prisma/migrations and schema.prisma agree: the same tables and columns (with the same
// nullability), and every model and field written and read back through the generated client.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/db.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';
import { schemaModels } from '../test-support/schema-models.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations and schema.prisma', () => {
  const file = join(dir, 'agree.db');

  it('apply cleanly, once', () => {
    expect(migrate(file).length).toBeGreaterThan(0);
    expect(migrate(file)).toEqual([]);
  });

  it('have the same tables and columns with the same nullability', () => {
    const db = new Database(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'").all() as { name: string }[])
      .map((t) => t.name)
      .sort();
    const models = schemaModels();
    expect(tables).toEqual([...models.keys()].sort());
    for (const [model, fields] of models) {
      const columns = db.prepare(`PRAGMA table_info("${model}")`).all() as { name: string; notnull: number }[];
      expect(columns.map((c) => c.name).sort(), model).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const col = columns.find((c) => c.name === f.name)!;
        expect(col.notnull === 0 || col.name === 'id', `${model}.${f.name} nullability`).toBe(f.optional || col.name === 'id');
      }
    }
    db.close();
  });

  it('let the generated client write and read back every model and field', async () => {
    const prisma = createDb(`file:${file}`);
    try {
      const when = new Date('2025-01-02T03:04:05.000Z');
      const user = await prisma.user.create({ data: { id: 'u1', kind: 'guest', email: 'a@example.com', createdAt: when, lastSeenAt: when } });
      expect(user).toMatchObject({ id: 'u1', kind: 'guest', email: 'a@example.com', createdAt: when, lastSeenAt: when });
      await prisma.lessonProgress.create({ data: { userId: 'u1', lessonSlug: 'architecture', firstReadAt: when, completedAt: when } });
      const attempt = await prisma.labAttempt.create({ data: { userId: 'u1', labSlug: 'deploy-nginx', startedAt: when, completedAt: when } });
      await prisma.checkResult.create({ data: { attemptId: attempt.id, checkId: 'web-ready', passed: true, message: 'ok', firstPassedAt: when } });
      await prisma.sandboxSnapshot.create({ data: { id: 'u1:deploy-nginx', userId: 'u1', labSlug: 'deploy-nginx', version: 2, data: '{"a":1}' } });
      const back = await prisma.user.findUniqueOrThrow({
        where: { id: 'u1' },
        include: { lessons: true, attempts: { include: { checks: true } }, sandboxes: true },
      });
      expect(back.lessons[0]).toMatchObject({ lessonSlug: 'architecture', firstReadAt: when, completedAt: when });
      expect(back.attempts[0]).toMatchObject({ labSlug: 'deploy-nginx', startedAt: when, completedAt: when });
      expect(back.attempts[0].updatedAt).toBeInstanceOf(Date);
      expect(back.attempts[0].checks[0]).toMatchObject({ checkId: 'web-ready', passed: true, message: 'ok', firstPassedAt: when });
      expect(back.sandboxes[0]).toMatchObject({ id: 'u1:deploy-nginx', version: 2, data: '{"a":1}' });
      await prisma.user.delete({ where: { id: 'u1' } });
      expect(await prisma.sandboxSnapshot.count()).toBe(0); // cascades
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('the migrator', () => {
  it('records migrations as prisma migrate deploy does', () => {
    const file = join(dir, 'record.db');
    migrate(file);
    const db = new Database(file);
    const rows = db.prepare('SELECT * FROM _prisma_migrations').all() as Record<string, unknown>[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(typeof row.finished_at).toBe('number');
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('refuses an edited migration and a failed one, saying why', () => {
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const file = join(dir, 'edited.db');
    migrate(file, migrations);
    const first = readFileSync(join(migrations, '20251121160000_init', 'migration.sql'), 'utf8');
    writeFileSync(join(migrations, '20251121160000_init', 'migration.sql'), first + '\n-- edited\n');
    expect(() => migrate(file, migrations)).toThrow(/was modified after it was applied/);
    writeFileSync(join(migrations, '20251121160000_init', 'migration.sql'), first);
    mkdirSync(join(migrations, '29990101000000_broken'));
    writeFileSync(join(migrations, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "User" (x TEXT);');
    expect(() => migrate(file, migrations)).toThrow(/migration 29990101000000_broken failed: table "User" already exists/);
    expect(() => migrate(file, migrations)).toThrow(/failed earlier and is not rolled back/);
  });

  it('refuses a database it cannot open', () => {
    expect(() => migrate(join(dir, 'no', 'such', 'dir.db'))).toThrow(/cannot open the database/);
  });
});
