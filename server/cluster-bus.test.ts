// The process bus and socket.io's Redis adapter on a REAL Redis: requests reach the named process
// and come back with the handler's value or error (class name and code kept); a process that is
// gone is known at once (nobody listens on its channel), not after a timeout; and a socket.io
// event sent from one platform reaches a browser connected to another.
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../prisma/migrate-postgres.js';
import { SOCKET_PATH } from '../sandbox/protocol.js';
import { OwnerUnreachableError } from '../sandbox/session/ownership-types.js';
import { MemorySandboxStore } from '../sandbox/session/store.js';
import { servicesAvailable, startServices, type Services } from '../test-support/services.js';
import { RedisProcessBus } from './cluster-bus.js';
import { startCluster } from './cluster-setup.js';
import { createDb } from './db.js';
import { createPlatform, type Platform } from './platform.js';

describe.skipIf(!servicesAvailable())('process bus and socket.io adapter on Redis', () => {
  let services: Services;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
    await services?.stop();
  });

  it('answers requests with values and errors, and knows a gone process at once', async () => {
    const a = await RedisProcessBus.connect(services.redisUrl);
    const b = await RedisProcessBus.connect(services.redisUrl);
    cleanup.push(() => a.close());
    b.serve(async (from, body) => {
      if (body.op !== 'deleteLearner') throw Object.assign(new Error('no such file'), { name: 'VfsError', code: 'ENOENT' });
      return { from, userId: body.userId };
    });
    const seen: unknown[] = [];
    b.listen((from, body) => seen.push({ from, body }));
    expect(await a.request(b.processId, { op: 'deleteLearner', userId: 'u1' })).toEqual({ from: a.processId, userId: 'u1' });
    await expect(a.request(b.processId, { op: 'reset', userId: 'u1', labSlug: 'x' })).rejects.toMatchObject({ message: 'no such file', code: 'ENOENT' });
    a.send(b.processId, { op: 'release', sandboxId: 's1' });
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ from: a.processId, body: { op: 'release', sandboxId: 's1' } });

    expect(await a.alive([a.processId, b.processId, 'nobody'])).toEqual(new Set([a.processId, b.processId]));
    await b.close();
    expect(await a.alive([b.processId])).toEqual(new Set());
    const t0 = Date.now();
    await expect(a.request(b.processId, { op: 'deleteLearner', userId: 'u1' }, 10_000)).rejects.toBeInstanceOf(OwnerUnreachableError);
    expect(Date.now() - t0).toBeLessThan(1000); // not the 10 s timeout
  });

  it('delivers a socket.io event sent by one process to a browser connected to another', async () => {
    await migratePostgres(services.databaseUrl);
    const platforms: Platform[] = [];
    for (let i = 0; i < 2; i++) {
      const db = createDb(services.databaseUrl);
      const log = () => {};
      const cluster = await startCluster({ db, redisUrl: services.redisUrl, log });
      const platform = createPlatform({ store: new MemorySandboxStore(), workers: 0, log, authenticate: () => 'adapter-learner', cluster });
      await new Promise<void>((r) => platform.http.listen(0, '127.0.0.1', r));
      platforms.push(platform);
      cleanup.push(async () => (await platform.stop(), await db.$disconnect()));
    }
    const port = (platforms[1].http.address() as { port: number }).port;
    const browser = connect(`http://127.0.0.1:${port}`, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false });
    cleanup.push(async () => browser.close());
    await new Promise<void>((r) => browser.on('connect', () => r()));
    const notice = new Promise((r) => browser.on('sandbox:notice', r));
    // Sent from the first platform to the socket (its id is a room) that lives on the second.
    platforms[0].io.to(browser.id!).emit('sandbox:notice', { code: 'unavailable', message: 'across processes' });
    expect(await notice).toEqual({ code: 'unavailable', message: 'across processes' });
  });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
