// Our own `prisma migrate deploy` for SQLite (PostgreSQL: migrate-postgres.ts, migrateDatabase below): Prisma's CLI needs a schema-engine binary these
// machines cannot download. Applies prisma/migrations/<name>/migration.sql in name order and
// records each in `_prisma_migrations` with the same table, checksum (SHA-256 of the file) and
// columns as Prisma, so the real CLI can take over a database this migrator started.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname;

// Prisma's own DDL for the SQLite flavour of the migrations table.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`no migrations folder at ${dir}`);
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: number | Date | null;
  rolled_back_at: number | Date | null;
}

/**
 * Bring the database at `file` up to date. Returns the names applied now. Refuses, like Prisma,
 * when a migration failed before (P3009) or an applied migration's file was edited since.
 */
export function migrate(file: string, dir: string = MIGRATIONS_DIR): string[] {
  const migrations = readMigrations(dir);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new MigrationError(`cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.exec(MIGRATIONS_TABLE);
    const applied = new Map<string, AppliedRow>();
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as AppliedRow[];
    for (const row of rows) if (row.rolled_back_at === null) applied.set(row.migration_name, row);
    checkHistory(migrations, applied, dir);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      applyOne(db, m);
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

export function checkHistory(migrations: Migration[], applied: Map<string, AppliedRow>, dir: string = MIGRATIONS_DIR): void {
  const known = new Set(migrations.map((m) => m.name));
  for (const [name, row] of applied) {
    if (row.finished_at === null) {
      throw new MigrationError(`migration ${name} failed earlier and is not rolled back (Prisma P3009); fix the database, then mark it rolled back`);
    }
    if (!known.has(name)) throw new MigrationError(`the database has migration ${name}, which is missing from ${dir}`);
  }
  for (const m of migrations) {
    const row = applied.get(m.name);
    if (row && row.checksum !== m.checksum) {
      throw new MigrationError(`migration ${m.name} was modified after it was applied (checksum differs); add a new migration instead`);
    }
  }
}

function applyOne(db: Database.Database, m: Migration): void {
  const id = randomUUID();
  // Prisma's SQLite connector stores these timestamps as Unix milliseconds.
  db.prepare('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)').run(
    id,
    m.checksum,
    m.name,
    Date.now(),
  );
  try {
    db.transaction(() => db.exec(m.sql))();
  } catch (e) {
    const message = (e as Error).message;
    db.prepare('UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?').run(message, id);
    throw new MigrationError(`migration ${m.name} failed: ${message}`);
  }
  db.prepare('UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(Date.now(), id);
}

/**
 * Migrate whichever database DATABASE_URL names: a SQLite file (`file:…`) or PostgreSQL
 * (`postgres://…`, from migrations-postgresql/). Returns the names applied now.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { migratePostgres } = await import('./migrate-postgres.js');
    return migratePostgres(databaseUrl);
  }
  if (!databaseUrl.startsWith('file:')) throw new MigrationError(`DATABASE_URL must be file:… (SQLite) or postgres://… (PostgreSQL)`);
  const file = resolve(databaseUrl.slice('file:'.length));
  mkdirSync(dirname(file), { recursive: true });
  return migrate(file);
}
