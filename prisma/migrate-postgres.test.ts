// PostgreSQL: every SQLite migration has its twin, the twins applied by migrate-postgres.ts to a
// REAL PostgreSQL (test-support/services.ts) give the tables, columns, types and nullability of
// schema.prisma, two processes migrating at once apply each migration once, and the PostgreSQL
// client (server/db.ts) writes and reads back through the pg adapter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/db.js';
import { POSTGRES_TYPES, schemaModels } from '../test-support/schema-models.js';
import { servicesAvailable, startServices, type Services } from '../test-support/services.js';
import { POSTGRES_MIGRATIONS_DIR, migratePostgres } from './migrate-postgres.js';
import { MigrationError } from './migrate.js';
import { POSTGRES_DIR, SQLITE_DIR, migrationFolders, postgresTwin } from './postgres-twin.js';

describe('PostgreSQL migration twins', () => {
  it('exist for every SQLite migration folder, with the same names', () => {
    expect(migrationFolders(POSTGRES_DIR)).toEqual(migrationFolders(SQLITE_DIR));
  });

  it('translate Prisma SQLite DDL into Prisma PostgreSQL DDL', () => {
    const sqlite = readFileSync(join(SQLITE_DIR, '20251121160000_init', 'migration.sql'), 'utf8');
    const twin = postgresTwin(sqlite);
    expect(twin).toContain('"createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,');
    expect(twin).toContain('CONSTRAINT "User_pkey" PRIMARY KEY ("id")');
    expect(twin).toContain('ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;');
    expect(twin).not.toMatch(/DATETIME|AUTOINCREMENT/);
    expect(() => postgresTwin('PRAGMA foreign_keys=OFF;\nCREATE TABLE "new_User" (\n "id" TEXT\n);')).toThrow(/by hand/);
  });
});

describe.skipIf(!servicesAvailable())('PostgreSQL migrations on a real server', () => {
  let services: Services;
  let url: string;
  beforeAll(async () => {
    services = await startServices();
    url = services.databaseUrl;
  });
  afterAll(() => services?.stop());

  it('apply once even when two processes migrate at the same moment (advisory lock)', async () => {
    const [a, b] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    const all = migrationFolders(POSTGRES_MIGRATIONS_DIR);
    expect([...a, ...b].sort()).toEqual(all);
    expect(await migratePostgres(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query('SELECT migration_name, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name');
    await client.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(all);
    for (const r of rows.rows) expect(r).toMatchObject({ applied_steps_count: 1, finished_at: expect.any(Date) });
  });

  it('give the tables, columns, types and nullability of schema.prisma', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name");
    const models = schemaModels();
    expect(tables.rows.map((r) => r.table_name).sort()).toEqual([...models.keys()].sort());
    for (const [model, fields] of models) {
      const cols = await client.query("SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1", [model]);
      const byName = new Map(cols.rows.map((c) => [c.column_name as string, c]));
      expect([...byName.keys()].sort(), model).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const col = byName.get(f.name)!;
        expect(col.data_type, `${model}.${f.name} type`).toBe(POSTGRES_TYPES[f.type]);
        expect(col.is_nullable === 'YES', `${model}.${f.name} nullability`).toBe(f.optional);
      }
    }
    await client.end();
  });

  it('refuse a twin edited after it was applied', async () => {
    const { mkdtempSync, cpSync, appendFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-pgmig-'));
    cpSync(POSTGRES_MIGRATIONS_DIR, dir, { recursive: true });
    appendFileSync(join(dir, '20251121160000_init', 'migration.sql'), '\n-- edited\n');
    await expect(migratePostgres(url, dir)).rejects.toThrow(MigrationError);
    await expect(migratePostgres(url, dir)).rejects.toThrow(/modified after it was applied/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serve the PostgreSQL client through the pg adapter (write and read back, cascade, transactions)', async () => {
    const db = createDb(url);
    try {
      const when = new Date('2025-01-02T03:04:05.678Z');
      await db.user.create({ data: { id: 'pg-u1', email: 'pg@example.com', createdAt: when } });
      await db.sandboxSnapshot.create({ data: { id: 'pg-u1:lab', userId: 'pg-u1', labSlug: 'lab', version: 2, data: '{"big":"' + 'x'.repeat(300_000) + '"}' } });
      await db.sandboxLease.create({ data: { sandboxId: 'pg-u1:lab', userId: 'pg-u1', ownerId: 'p1', fence: 3, expiresAt: when } });
      const back = await db.user.findUniqueOrThrow({ where: { id: 'pg-u1' }, include: { sandboxes: true } });
      expect(back.createdAt).toEqual(when);
      expect(back.sandboxes[0].data.length).toBe(300_010);
      expect(await db.sandboxLease.findUnique({ where: { sandboxId: 'pg-u1:lab' } })).toMatchObject({ fence: 3, expiresAt: when });
      await expect(
        db.$transaction(async (tx) => {
          await tx.sandboxLease.update({ where: { sandboxId: 'pg-u1:lab' }, data: { fence: 4 } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await db.sandboxLease.findUniqueOrThrow({ where: { sandboxId: 'pg-u1:lab' } })).fence).toBe(3);
      await db.user.delete({ where: { id: 'pg-u1' } });
      expect(await db.sandboxSnapshot.count({ where: { userId: 'pg-u1' } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
