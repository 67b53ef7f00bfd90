// A write made while another async task's transaction is open must survive that transaction's
// rollback (it used to join the transaction on SQLite's single connection and vanish with it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../prisma/migrate.js';
import { createDb } from './db.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-serial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SQLite transactions are isolated from the rest of the process', () => {
  const file = join(dir, 'serial.db');
  migrate(file);
  const db = createDb(`file:${file}`);

  it('a write outside a failing transaction is kept; the transaction’s own writes are rolled back', async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { id: 'inside-tx' } });
        await sleep(100);
        throw new Error('the transaction fails');
      })
      .catch((e: Error) => e.message);
    await sleep(20);
    await db.user.create({ data: { id: 'outside-tx' } });
    expect(await failing).toBe('the transaction fails');
    expect(await db.user.findUnique({ where: { id: 'outside-tx' } })).not.toBeNull();
    expect(await db.user.findUnique({ where: { id: 'inside-tx' } })).toBeNull();
  });

  it('queries inside a transaction callback, through the client or tx, do not wait on it', async () => {
    const ids = await db.$transaction(async (tx) => {
      await tx.user.create({ data: { id: 'a-in-tx' } });
      return (await db.user.findMany({ where: { id: { in: ['a-in-tx'] } } })).map((u) => u.id);
    });
    expect(ids).toEqual(['a-in-tx']);
  });

  it('batch transactions and a committed interactive one keep their writes', async () => {
    await db.$transaction([db.user.create({ data: { id: 'batch-1' } }), db.user.create({ data: { id: 'batch-2' } })]);
    await db.$transaction(async (tx) => tx.user.create({ data: { id: 'committed' } }));
    expect(await db.user.count({ where: { id: { in: ['batch-1', 'batch-2', 'committed'] } } })).toBe(3);
  });
});
