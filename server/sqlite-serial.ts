// SQLite has one connection per client, so an interactive transaction is not isolated from the
// rest of the process: a query made through the client while `$transaction(async (tx) => …)` is
// open runs inside that transaction, and is rolled back with it if the transaction fails.
// (PostgreSQL is not affected: each transaction takes its own pooled connection.)
// This wrapper restores isolation the simple way: queries outside a transaction wait while one
// is open, and transactions run one at a time. Queries made inside a transaction's callback
// (its async context) are never held back, so the transaction cannot wait on itself.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from '../generated/prisma/client.js';

/** A FIFO lock: `run` waits for every earlier holder to finish. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export function serialiseTransactions(client: PrismaClient): PrismaClient {
  const lock = new Serial();
  const insideTransaction = new AsyncLocalStorage<true>();
  const guarded = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (insideTransaction.getStore()) return query(args);
        return lock.run(() => query(args));
      },
    },
  }) as unknown as PrismaClient;
  const transaction = (...args: Parameters<PrismaClient['$transaction']>) =>
    lock.run(() => insideTransaction.run(true, () => (guarded.$transaction as (...a: unknown[]) => Promise<unknown>)(...args)));
  return new Proxy(guarded, {
    get(target, key, receiver) {
      if (key === '$transaction') return transaction;
      return Reflect.get(target, key, receiver);
    },
  });
}
