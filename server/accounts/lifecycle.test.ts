// Revocation and deletion reach every door: a revoked session's cookie no longer opens a socket,
// and a deleted account's rows, snapshots and live sandboxes are gone.
import type { AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { SOCKET_PATH } from '../../sandbox/protocol.js';
import { createPlatform, type Platform } from '../platform.js';
import { PrismaSandboxStore } from '../store.js';
import { disconnectLearner } from './disconnect.js';
import { deleteOwnAccount, revokeSession, signOutEverywhere } from './service.js';
import { signIn, signUp, testAccounts } from './test-harness.js';

let platform: Platform | undefined;
const h = testAccounts({ sandboxes: () => platform?.host, onRevoked: (userId) => disconnectLearner(platform?.io, userId) });
afterAll(async () => {
  await platform?.stop();
  await h.close();
});

async function startPlatform(): Promise<string> {
  platform = createPlatform({
    store: new PrismaSandboxStore(h.db),
    workers: 0,
    saveDelayMs: 20,
    log: () => undefined,
    authenticate: async (cookie) => (await h.accounts.identity.identify(cookie))?.userId,
  });
  await new Promise<void>((r) => platform!.http.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(platform.http.address() as AddressInfo).port}`;
}

/** Whether a socket with this Cookie header gets in ('connected') or why not. */
async function socketWith(url: string, cookie: string): Promise<string> {
  const socket = connect(url, { path: SOCKET_PATH, extraHeaders: { cookie }, transports: ['websocket'], reconnection: false });
  try {
    return await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (e) => resolve(e.message));
    });
  } finally {
    socket.close();
  }
}

describe('revocation and deletion', () => {
  it('a revoked session cannot open a socket on the next connect', async () => {
    const url = await startPlatform();
    const { cookie } = await signUp(h.accounts, 'socket-revoke@kubelab.test');
    const who = (await h.accounts.identity.identify(cookie))!;
    expect(await socketWith(url, cookie)).toBe('connected');
    const [session] = await h.db.authSession.findMany({ where: { userId: who.userId } });
    expect(await revokeSession(h.accounts, who, session.id)).toMatchObject({ status: 200 });
    expect(await socketWith(url, cookie)).toMatch(/^unauthenticated/);
  });

  it('revoking closes the user’s open sockets at once; only the still-valid session gets back in', async () => {
    const url = `http://127.0.0.1:${(platform!.http.address() as AddressInfo).port}`;
    const first = await signUp(h.accounts, 'socket-revoke-live@kubelab.test');
    const second = await signIn(h.accounts, 'socket-revoke-live@kubelab.test', 'correct horse battery', { ip: '192.0.2.150' });
    const who = (await h.accounts.identity.identify(first.cookie))!;
    const sockets = [first.cookie, second.cookie].map((cookie) => connect(url, { path: SOCKET_PATH, extraHeaders: { cookie }, transports: ['websocket'], reconnection: false }));
    await Promise.all(sockets.map((s) => new Promise<void>((r) => s.on('connect', () => r()))));
    const closed = sockets.map((s) => new Promise<string>((r) => s.on('disconnect', (reason) => r(reason))));
    const [revoked] = await h.db.authSession.findMany({ where: { userId: who.userId }, orderBy: { createdAt: 'asc' } });
    expect(await revokeSession(h.accounts, who, revoked.id)).toMatchObject({ status: 200 });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await socketWith(url, first.cookie)).toMatch(/^unauthenticated/);
    expect(await socketWith(url, second.cookie)).toBe('connected');
    for (const s of sockets) s.close();
    expect(await signOutEverywhere(h.accounts, who)).toMatchObject({ status: 200 });
    expect(await socketWith(url, second.cookie)).toMatch(/^unauthenticated/);
  });

  it('deleting an account stops its live sandbox and removes snapshots, attempts, sessions and seats', async () => {
    const { cookie } = await signUp(h.accounts, 'delete-all@kubelab.test');
    const who = (await h.accounts.identity.identify(cookie))!;
    const host = platform!.host;
    await h.db.sandboxSnapshot.create({ data: { id: `${who.userId}:etcd`, userId: who.userId, labSlug: 'etcd', data: '{}' } });
    await h.db.labAttempt.create({ data: { userId: who.userId, labSlug: 'etcd' } });
    const w = await h.db.workshop.create({ data: { code: 'DELETE01', title: 'w', instructorId: 'other', labSlugs: '[]', startsAt: new Date(), endsAt: new Date() } });
    await h.db.workshopParticipant.create({ data: { workshopId: w.id, userId: who.userId, displayName: 'D' } });
    // Opened after the rows are written: its grading writes run in transactions of their own.
    const sandbox = await host.open(who.userId, 'deploy-nginx');
    expect(host.counts().active).toBeGreaterThan(0);
    const before = host.counts().active;

    expect(await deleteOwnAccount(h.accounts, who, 'delete-all@kubelab.test')).toMatchObject({ status: 200 });

    expect(host.counts().active).toBe(before - 1);
    await expect(sandbox.call('files')).rejects.toThrow(/asleep or gone/);
    for (const count of [
      h.db.user.count({ where: { id: who.userId } }),
      h.db.sandboxSnapshot.count({ where: { userId: who.userId } }),
      h.db.labAttempt.count({ where: { userId: who.userId } }),
      h.db.authSession.count({ where: { userId: who.userId } }),
      h.db.workshopParticipant.count({ where: { userId: who.userId } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await h.db.workshop.count({ where: { id: w.id } })).toBe(1); // someone else's workshop stays
  });
});
