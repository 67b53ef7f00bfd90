// The one place that builds a Prisma client: SQLite through the better-sqlite3 driver adapter
// (the embedded default), or PostgreSQL through the pg driver adapter when DATABASE_URL is a
// postgres:// URL (several processes share it). Prisma 7 generates one client per provider
// (generated/prisma and generated/prisma-pg, from the same models); the rest of the code sees
// one `Db` type, the SQLite client's, which the PostgreSQL client matches model for model.
import { resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.js';
import { serialiseTransactions } from './sqlite-serial.js';

export type Db = PrismaClient;

export type DatabaseKind = 'sqlite' | 'postgresql';

/** Which database a DATABASE_URL names, or undefined when neither. */
export function databaseKind(databaseUrl: string): DatabaseKind | undefined {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  return undefined;
}

/** `file:./data/kubelab.db` → absolute path (relative to the working directory, the repo root). */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) throw new Error(`not a SQLite URL: ${databaseUrl}`);
  return resolve(databaseUrl.slice('file:'.length));
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

export interface DbOptions {
  /** PostgreSQL connections this process may hold (pg's pool). */
  poolSize?: number;
}

export function createDb(databaseUrl: string, opts: DbOptions = {}): Db {
  if (databaseKind(databaseUrl) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
    // Same models, same delegates: generated from one schema.prisma with another provider.
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  const adapter = new PrismaBetterSqlite3({ url: sqliteFile(databaseUrl) });
  // One connection: transactions would otherwise swallow other tasks' queries (sqlite-serial.ts).
  return serialiseTransactions(new PrismaClient({ adapter }));
}
