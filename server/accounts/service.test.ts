// Authorization across the account routes' logic: each test tries to cross a line.
import { afterAll, describe, expect, it } from 'vitest';
import { deleteOwnAccount, listSessions, listUsers, revokeSession, setRole, signOutEverywhere } from './service.js';
import { signIn, signUp, testAccounts } from './test-harness.js';

const h = testAccounts();
afterAll(() => h.close());
const a = h.accounts;

async function person(email: string, ip = '203.0.113.1') {
  const { cookie } = await signUp(a, email, { ip });
  const who = (await a.identity.identify(cookie))!;
  return { cookie, who };
}

describe('sessions', () => {
  it('lists only my own sessions, marking the current one', async () => {
    const me = await person('sessions-me@kubelab.test');
    const other = await person('sessions-other@kubelab.test');
    const second = await signIn(a, 'sessions-me@kubelab.test', 'correct horse battery', { ip: '203.0.113.2' });
    const out = await listSessions(a, me.who, me.cookie);
    expect(out.status).toBe(200);
    const sessions = out.status === 200 ? out.body.sessions : [];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.map((s) => s.ipAddress).sort()).toEqual(['203.0.113.1', '203.0.113.2']);
    const theirs = await a.db.authSession.findMany({ where: { userId: other.who.userId } });
    expect(sessions.map((s) => s.id)).not.toContain(theirs[0].id);
    expect(second.cookie).toBeTruthy();
  });

  it('another account cannot revoke my session; I can, and its cookie stops identifying at once', async () => {
    const me = await person('revoke-me@kubelab.test');
    const other = await person('revoke-other@kubelab.test');
    const [mine] = await a.db.authSession.findMany({ where: { userId: me.who.userId } });
    expect(await a.identity.identify(me.cookie)).toMatchObject({ userId: me.who.userId }); // cached now
    expect(await revokeSession(a, other.who, mine.id)).toEqual({ status: 404, body: { error: 'No such session.' } });
    expect(await a.identity.identify(me.cookie)).toMatchObject({ userId: me.who.userId });
    expect(await revokeSession(a, undefined, mine.id)).toMatchObject({ status: 401 });
    expect(await revokeSession(a, { userId: 'guest-x', role: 'guest' }, mine.id)).toMatchObject({ status: 401 });
    expect(await revokeSession(a, me.who, mine.id)).toEqual({ status: 200, body: { ok: true } });
    expect(await a.identity.identify(me.cookie)).toBeUndefined();
  });

  it('sign out everywhere ends every session of mine and none of anyone else', async () => {
    const me = await person('everywhere-me@kubelab.test');
    const other = await person('everywhere-other@kubelab.test');
    const again = await signIn(a, 'everywhere-me@kubelab.test', 'correct horse battery', { ip: '203.0.113.9' });
    const out = await signOutEverywhere(a, me.who);
    expect(out).toEqual({ status: 200, body: { ok: true, revoked: 2 } });
    expect(await a.identity.identify(me.cookie)).toBeUndefined();
    expect(await a.identity.identify(again.cookie)).toBeUndefined();
    expect(await a.identity.identify(other.cookie)).toMatchObject({ userId: other.who.userId });
  });
});

describe('roles (admin only)', () => {
  it('a learner gets 403 listing accounts or setting roles; an admin can, but not their own role', async () => {
    const learner = await person('role-learner@kubelab.test');
    const admin = await person('admin+roles@kubelab.test');
    expect(admin.who.role).toBe('admin');
    expect(await listUsers(a, learner.who)).toMatchObject({ status: 403 });
    expect(await setRole(a, learner.who, learner.who.userId, 'admin')).toMatchObject({ status: 403 });
    expect(await setRole(a, undefined, learner.who.userId, 'admin')).toMatchObject({ status: 403 });
    const list = await listUsers(a, admin.who, 'role-learner');
    expect(list.status === 200 && list.body.users.map((u) => u.email)).toEqual(['role-learner@kubelab.test']);
    expect(await setRole(a, admin.who, learner.who.userId, 'superuser')).toMatchObject({ status: 400 });
    expect(await setRole(a, admin.who, admin.who.userId, 'learner')).toMatchObject({ status: 400 });
    expect(await setRole(a, admin.who, 'no-such-user', 'instructor')).toMatchObject({ status: 404 });
    expect(await setRole(a, admin.who, learner.who.userId, 'instructor')).toEqual({ status: 200, body: { ok: true, role: 'instructor' } });
    expect(await a.identity.identify(learner.cookie)).toMatchObject({ role: 'instructor' });
  });

  it('a guest row cannot be given a role', async () => {
    const admin = await person('admin+guestrole@kubelab.test');
    await h.db.user.create({ data: { id: 'guest-rolecheck' } });
    expect(await setRole(a, admin.who, 'guest-rolecheck', 'admin')).toMatchObject({ status: 404 });
  });
});

describe('deleting my account', () => {
  it('needs my email typed exactly, and only ever deletes the caller', async () => {
    const me = await person('delete-me@kubelab.test');
    const other = await person('delete-other@kubelab.test');
    expect(await deleteOwnAccount(a, me.who, 'delete-other@kubelab.test')).toMatchObject({ status: 400 });
    expect(await deleteOwnAccount(a, undefined, 'delete-me@kubelab.test')).toMatchObject({ status: 401 });
    expect(await deleteOwnAccount(a, me.who, ' Delete-Me@kubelab.test ')).toEqual({ status: 200, body: { ok: true } });
    expect(await h.db.user.findUnique({ where: { id: me.who.userId } })).toBeNull();
    expect(await h.db.authSession.count({ where: { userId: me.who.userId } })).toBe(0);
    expect(await h.db.authAccount.count({ where: { userId: me.who.userId } })).toBe(0);
    expect(await a.identity.identify(me.cookie)).toBeUndefined();
    expect(await a.identity.identify(other.cookie)).toMatchObject({ userId: other.who.userId });
  });
});
