import { afterAll, describe, expect, it } from 'vitest';
import { passwords } from './auth.js';
import { authRequest, signIn, signUp, testAccounts } from './test-harness.js';

const h = testAccounts();
afterAll(() => h.close());

describe('sign-up and sign-in (Better Auth on our Prisma models)', () => {
  it('signs up with email and password: a session cookie that identifies the account as a learner', async () => {
    const { res, cookie } = await signUp(h.accounts, 'ada@kubelab.test');
    expect(res.status).toBe(200);
    expect(cookie).toMatch(/better-auth\.session_token=/);
    const who = await h.accounts.identity.identify(cookie);
    expect(who).toMatchObject({ role: 'learner', email: 'ada@kubelab.test' });
    const row = await h.db.user.findUniqueOrThrow({ where: { id: who!.userId } });
    expect(row).toMatchObject({ kind: 'account', role: 'learner', email: 'ada@kubelab.test' });
  });

  it('stores an argon2id hash, never the password', async () => {
    const user = await h.db.user.findUniqueOrThrow({ where: { email: 'ada@kubelab.test' }, include: { authAccounts: true } });
    const hash = user.authAccounts[0].password!;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.verify({ hash, password: 'correct horse battery' })).toBe(true);
    expect(await passwords.verify({ hash, password: 'wrong' })).toBe(false);
  });

  it('ADMIN_EMAILS (with a +tag) makes an admin at sign-up; a client cannot ask for a role', async () => {
    const admin = await signUp(h.accounts, 'instructor+run7@kubelab.test');
    expect(await h.accounts.identity.identify(admin.cookie)).toMatchObject({ role: 'admin' });
    const sneaky = await authRequest(h.accounts, '/sign-up/email', { email: 'sneaky@kubelab.test', password: 'correct horse battery', name: 's', role: 'admin', kind: 'guest' });
    expect(sneaky.status).toBe(200); // Better Auth drops fields that are not input
    const row = await h.db.user.findUniqueOrThrow({ where: { email: 'sneaky@kubelab.test' } });
    expect(row).toMatchObject({ kind: 'account', role: 'learner' });
  });

  it('refuses a short password and a taken email with clear codes', async () => {
    const short = await authRequest(h.accounts, '/sign-up/email', { email: 'short@kubelab.test', password: 'abc', name: 'x' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    const taken = await authRequest(h.accounts, '/sign-up/email', { email: 'ADA@kubelab.test', password: 'another password', name: 'x' });
    expect(taken.status).toBe(422);
    expect(await taken.json()).toMatchObject({ code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' });
  });

  it('signs in; an unknown email and a wrong password get the same answer', async () => {
    const ok = await signIn(h.accounts, 'ada@kubelab.test', 'correct horse battery', { ip: '192.0.2.10' });
    expect(ok.res.status).toBe(200);
    expect(await h.accounts.identity.identify(ok.cookie)).toMatchObject({ email: 'ada@kubelab.test' });
    const wrong = await signIn(h.accounts, 'ada@kubelab.test', 'not the password', { ip: '192.0.2.10' });
    const unknown = await signIn(h.accounts, 'nobody@kubelab.test', 'not the password', { ip: '192.0.2.10' });
    expect([wrong.res.status, unknown.res.status]).toEqual([401, 401]);
    expect(await wrong.res.json()).toEqual(await unknown.res.json());
  });

  it('rate-limits sign-in to 5 attempts a minute per IP (another IP is not affected)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(h.accounts, 'ada@kubelab.test', 'wrong password', { ip: '198.51.100.7' })).res.status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(h.accounts, 'ada@kubelab.test', 'correct horse battery', { ip: '198.51.100.7' })).res.status).toBe(429);
    expect((await signIn(h.accounts, 'ada@kubelab.test', 'correct horse battery', { ip: '198.51.100.8' })).res.status).toBe(200);
  });

  it('sign-out ends the session: its cookie no longer identifies the account', async () => {
    const { cookie } = await signIn(h.accounts, 'ada@kubelab.test', 'correct horse battery', { ip: '192.0.2.20' });
    expect(await h.accounts.identity.identify(cookie)).toMatchObject({ email: 'ada@kubelab.test' });
    const out = await authRequest(h.accounts, '/sign-out', {}, { cookie });
    expect(out.status).toBe(200);
    expect(await h.accounts.identity.identify(cookie)).toBeUndefined();
  });
});
