// Our `prisma migrate deploy` for PostgreSQL (the SQLite one is migrate.ts): applies
// prisma/migrations-postgresql/<name>/migration.sql in name order, recording each in
// `_prisma_migrations` with Prisma's PostgreSQL table and checksums, each in its own transaction
// (PostgreSQL DDL is transactional: a failed migration leaves nothing half-done behind it).
// Several server processes start together in a deployment: they all call this, and Prisma's own
// advisory lock (the same key, 72707369) makes them take turns, so only the first one migrates.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkHistory, MigrationError, readMigrations, type AppliedRow } from './migrate.js';

export const POSTGRES_MIGRATIONS_DIR = new URL('./migrations-postgresql/', import.meta.url).pathname;

/** The key `prisma migrate` itself locks with, so our migrator and Prisma's never overlap. */
export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own DDL for the PostgreSQL flavour of the migrations table.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Bring the PostgreSQL database at `url` up to date. Returns the names applied now. */
export async function migratePostgres(url: string, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new MigrationError(`cannot connect to PostgreSQL: ${(e as Error).message}`);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const rows = await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
    const applied = new Map<string, AppliedRow>();
    for (const row of rows.rows) if (row.rolled_back_at === null) applied.set(row.migration_name, row);
    checkHistory(migrations, applied, dir);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await applyOne(client, m.name, m.sql, m.checksum);
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, name: string, sql: string, checksum: string): Promise<void> {
  const id = randomUUID();
  await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)', [id, checksum, name]);
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = (e as Error).message;
    await client.query('UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2', [message, id]);
    throw new MigrationError(`migration ${name} failed: ${message}`);
  }
}
