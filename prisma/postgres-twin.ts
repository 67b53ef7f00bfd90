// Writes the PostgreSQL twin of a SQLite migration in Prisma's PostgreSQL style: the DDL Prisma's
// own `migrate diff` would print for the same change (TIMESTAMP(3) for DATETIME, a named primary
// key constraint, foreign keys as ALTER TABLE … ADD CONSTRAINT after the indexes). It covers what
// Prisma writes for SQLite when models and fields are added (CREATE TABLE, ADD COLUMN, CREATE
// INDEX); a table redefinition (SQLite's PRAGMA dance) must be translated by hand.
//   npx tsx prisma/postgres-twin.ts            writes every missing twin
// The twins are committed files, reviewed like any migration; migrate-postgres.test.ts proves each
// SQLite migration has one and that the migrated PostgreSQL database agrees with schema.prisma.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES: [RegExp, string][] = [
  [/\bDATETIME\b/g, 'TIMESTAMP(3)'],
  [/\bREAL\b/g, 'DOUBLE PRECISION'],
  [/\bBLOB\b/g, 'BYTEA'],
  [/\bDECIMAL\b/g, 'DECIMAL(65,30)'],
];

const mapTypes = (line: string): string => TYPES.reduce((l, [re, to]) => l.replace(re, to), line);

interface Table {
  sql: string;
  foreignKeys: string[];
}

/** One SQLite `CREATE TABLE` → the PostgreSQL table and its foreign keys (added later, like Prisma). */
function translateTable(statement: string): Table {
  const head = /^CREATE TABLE "(\w+)" \(\n([\s\S]*)\n\);?$/.exec(statement.trim());
  if (!head) throw new Error(`cannot translate: ${statement.split('\n')[0]}`);
  const [, table, body] = head;
  const columns: string[] = [];
  const foreignKeys: string[] = [];
  let primaryKey: string | undefined;
  for (const raw of body.split(',\n')) {
    const line = raw.trim();
    const fk = /^CONSTRAINT "(\w+)" FOREIGN KEY \(([^)]*)\) REFERENCES "(\w+)" \(([^)]*)\) (.*)$/.exec(line);
    if (fk) {
      foreignKeys.push(`-- AddForeignKey\nALTER TABLE "${table}" ADD CONSTRAINT "${fk[1]}" FOREIGN KEY (${fk[2]}) REFERENCES "${fk[3]}"(${fk[4]}) ${fk[5]};`);
      continue;
    }
    if (/^CONSTRAINT "\w+" PRIMARY KEY/.test(line) || line.startsWith('PRIMARY KEY')) {
      primaryKey = /PRIMARY KEY \(([^)]*)\)/.exec(line)?.[1];
      continue;
    }
    const col = /^("\w+") (.*)$/.exec(line);
    if (!col) throw new Error(`${table}: cannot translate the line ${line}`);
    let rest = mapTypes(col[2]);
    if (/PRIMARY KEY AUTOINCREMENT/.test(rest)) rest = rest.replace(/INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT/, 'SERIAL NOT NULL');
    else if (/ PRIMARY KEY/.test(rest)) rest = rest.replace(' PRIMARY KEY', '');
    else {
      columns.push(`    ${col[1]} ${rest}`);
      continue;
    }
    primaryKey = col[1];
    columns.push(`    ${col[1]} ${rest}`);
  }
  if (!primaryKey) throw new Error(`${table}: no primary key`);
  const sql = `CREATE TABLE "${table}" (\n${columns.join(',\n')},\n\n    CONSTRAINT "${table}_pkey" PRIMARY KEY (${primaryKey})\n);`;
  return { sql, foreignKeys };
}

/** SQLite migration.sql (Prisma's style) → PostgreSQL migration.sql (Prisma's style). */
export function postgresTwin(sqlite: string): string {
  if (/PRAGMA|RedefineTables|new_/.test(sqlite)) throw new Error('this migration redefines a table: translate it by hand');
  const blocks = sqlite.trim().split(/\n\s*\n/);
  const out: string[] = [];
  const foreignKeys: string[] = [];
  for (const block of blocks) {
    const comment = block.split('\n').filter((l) => l.startsWith('--'));
    const statement = block.split('\n').filter((l) => !l.startsWith('--')).join('\n');
    if (statement.startsWith('CREATE TABLE')) {
      const t = translateTable(statement);
      out.push([...comment, t.sql].join('\n'));
      foreignKeys.push(...t.foreignKeys);
    } else if (/^(ALTER TABLE|CREATE (UNIQUE )?INDEX|DROP INDEX|DROP TABLE)/.test(statement)) {
      out.push([...comment, mapTypes(statement)].join('\n'));
    } else throw new Error(`cannot translate: ${statement.split('\n')[0]}`);
  }
  return `${[...out, ...foreignKeys].join('\n\n')}\n`;
}

export const SQLITE_DIR = new URL('./migrations/', import.meta.url).pathname;
export const POSTGRES_DIR = new URL('./migrations-postgresql/', import.meta.url).pathname;

/** Folder names of the SQLite migrations. */
export function migrationFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
}

/** Writes the missing twins; returns their names. Existing twins are never overwritten. */
export function writeMissingTwins(): string[] {
  const written: string[] = [];
  for (const name of migrationFolders(SQLITE_DIR)) {
    const target = join(POSTGRES_DIR, name, 'migration.sql');
    if (existsSync(target)) continue;
    mkdirSync(join(POSTGRES_DIR, name), { recursive: true });
    writeFileSync(target, postgresTwin(readFileSync(join(SQLITE_DIR, name, 'migration.sql'), 'utf8')));
    written.push(name);
  }
  return written;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const written = writeMissingTwins();
  console.log(written.length ? `wrote ${written.map((n) => `migrations-postgresql/${n}`).join(', ')}` : 'every migration has its PostgreSQL twin');
}
