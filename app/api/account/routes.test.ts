// The account routes over HTTP Requests, with real accounts: who may call what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServerContext, setServerContext, type ServerContext } from '../../../server/context';
import { signUp, testAccounts } from '../../../server/accounts/test-harness';
import { DELETE as deleteAccount } from './route';
import { GET as listSessions } from './sessions/route';
import { DELETE as revokeSession } from './sessions/[id]/route';
import { POST as signOutEverywhere } from './sign-out-everywhere/route';
import { GET as listUsers } from './users/route';
import { PATCH as setRole } from './users/[id]/route';

const h = testAccounts();
const before = getServerContext();
beforeAll(() => setServerContext({ db: h.db, cookies: h.cookies, identity: h.accounts.identity, accounts: h.accounts }));
afterAll(async () => {
  setServerContext(before as ServerContext);
  await h.close();
});

const req = (path: string, cookie: string | undefined, method = 'GET', body?: unknown) =>
  new Request(`http://localhost:3999${path}`, { method, headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('/api/account routes', () => {
  it('a learner gets 403 from the admin routes; an admin sets a role', async () => {
    const learner = await signUp(h.accounts, 'route-learner@kubelab.test');
    const admin = await signUp(h.accounts, 'admin+routes@kubelab.test');
    const learnerId = (await h.accounts.identity.identify(learner.cookie))!.userId;
    expect((await listUsers(req('/api/account/users', learner.cookie))).status).toBe(403);
    expect((await setRole(req(`/api/account/users/${learnerId}`, learner.cookie, 'PATCH', { role: 'admin' }), params(learnerId))).status).toBe(403);
    const ok = await setRole(req(`/api/account/users/${learnerId}`, admin.cookie, 'PATCH', { role: 'instructor' }), params(learnerId));
    expect([ok.status, await ok.json()]).toEqual([200, { ok: true, role: 'instructor' }]);
    const list = await listUsers(req('/api/account/users?q=route-learner', admin.cookie));
    expect(((await list.json()) as { users: { role: string }[] }).users.map((u) => u.role)).toEqual(['instructor']);
  });

  it('sessions: nobody without a session; another account cannot revoke mine', async () => {
    const me = await signUp(h.accounts, 'route-me@kubelab.test');
    const other = await signUp(h.accounts, 'route-other@kubelab.test');
    expect((await listSessions(req('/api/account/sessions', undefined))).status).toBe(401);
    const mine = (await (await listSessions(req('/api/account/sessions', me.cookie))).json()) as { sessions: { id: string; current: boolean }[] };
    expect(mine.sessions).toHaveLength(1);
    expect(mine.sessions[0].current).toBe(true);
    const id = mine.sessions[0].id;
    expect((await revokeSession(req(`/api/account/sessions/${id}`, other.cookie, 'DELETE'), params(id))).status).toBe(404);
    expect((await listSessions(req('/api/account/sessions', me.cookie))).status).toBe(200);
    expect((await revokeSession(req(`/api/account/sessions/${id}`, me.cookie, 'DELETE'), params(id))).status).toBe(200);
    expect((await listSessions(req('/api/account/sessions', me.cookie))).status).toBe(401);
    expect((await signOutEverywhere(req('/api/account/sign-out-everywhere', other.cookie, 'POST'))).status).toBe(200);
    expect((await listSessions(req('/api/account/sessions', other.cookie))).status).toBe(401);
  });

  it('delete needs the typed email; then the account is gone', async () => {
    const me = await signUp(h.accounts, 'route-delete@kubelab.test');
    expect((await deleteAccount(req('/api/account', me.cookie, 'DELETE', { confirmEmail: 'wrong@kubelab.test' }))).status).toBe(400);
    expect((await deleteAccount(req('/api/account', me.cookie, 'DELETE', { confirmEmail: 'route-delete@kubelab.test' }))).status).toBe(200);
    expect(await h.db.user.findUnique({ where: { email: 'route-delete@kubelab.test' } })).toBeNull();
  });

  it('answers 503 without the Kubelab server', async () => {
    setServerContext(undefined as unknown as ServerContext);
    try {
      expect((await listSessions(req('/api/account/sessions', 'x=y'))).status).toBe(503);
    } finally {
      setServerContext({ db: h.db, cookies: h.cookies, identity: h.accounts.identity, accounts: h.accounts });
    }
  });
});
