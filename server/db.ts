// The one place that builds a Prisma client: SQLite through the better-sqlite3 driver adapter.
import { resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

/** `file:./data/kubelab.db` → absolute path (relative to the working directory, the repo root). */
export function sqliteFile(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) throw new Error(`not a SQLite URL: ${databaseUrl}`);
  return resolve(databaseUrl.slice('file:'.length));
}

export function createDb(databaseUrl: string): Db {
  const adapter = new PrismaBetterSqlite3({ url: sqliteFile(databaseUrl) });
  return new PrismaClient({ adapter });
}
