import { afterAll, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE } from '../guest.js';
import { accountIdentities, sessionToken } from './identity.js';
import { signUp, testAccounts } from './test-harness.js';

const h = testAccounts();
afterAll(() => h.close());

describe('account identity source', () => {
  it('reads the session token from plain and __Secure- cookies', () => {
    expect(sessionToken('a=1; better-auth.session_token=abc.def; b=2')).toBe('abc.def');
    expect(sessionToken('__Secure-better-auth.session_token=xyz')).toBe('xyz');
    expect(sessionToken('kubelab_learner=guest-1.sig')).toBeUndefined();
  });

  it('the account session wins over the guest cookie; without it the guest cookie counts', async () => {
    const guest = `${LEARNER_COOKIE}=${h.cookies.sign('guest-idtest-1')}`;
    const { cookie } = await signUp(h.accounts, 'idtest@kubelab.test', { cookie: guest });
    expect(await h.accounts.identity.identify(cookie)).toMatchObject({ email: 'idtest@kubelab.test', role: 'learner' });
    expect(await h.accounts.identity.identify(guest)).toEqual({ userId: 'guest-idtest-1', role: 'guest' });
    const forgedSession = `${guest}; better-auth.session_token=forged.token`;
    expect(await h.accounts.identity.identify(forgedSession)).toEqual({ userId: 'guest-idtest-1', role: 'guest' });
  });

  it('a session ended elsewhere (another process) stops identifying once the short cache expires', async () => {
    let t = 1_000_000;
    const source = accountIdentities({ guests: h.cookies, ttlMs: 2000, now: () => t, lookup: (c) => h.accounts.auth.api.getSession({ headers: new Headers({ cookie: c }) }) });
    const { cookie } = await signUp(h.accounts, 'idtest-ttl@kubelab.test');
    const who = (await source.identify(cookie))!;
    await h.db.authSession.deleteMany({ where: { userId: who.userId } });
    t += 1500;
    expect(await source.identify(cookie)).toMatchObject({ userId: who.userId }); // still cached
    t += 600;
    expect(await source.identify(cookie)).toBeUndefined();
  });
});
