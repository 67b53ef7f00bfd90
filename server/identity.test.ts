import { describe, expect, it } from 'vitest';
import { learnerCookies } from './guest.js';
import { guestIdentities, hasRole } from './identity.js';

describe('identity', () => {
  const cookies = learnerCookies('a-test-secret-of-enough-length-0123456789');

  it('a signed guest cookie is a guest; a forged or missing one is nobody', async () => {
    const source = guestIdentities(cookies);
    const { userId, setCookie } = cookies.issue(false);
    expect(await source.identify(setCookie.split(';')[0])).toEqual({ userId, role: 'guest' });
    expect(await source.identify(`kubelab_learner=${userId}.forged`)).toBeUndefined();
    expect(await source.identify(undefined)).toBeUndefined();
  });

  it('roles rank guest < learner < instructor < admin', () => {
    expect(hasRole({ userId: 'u', role: 'admin' }, 'instructor')).toBe(true);
    expect(hasRole({ userId: 'u', role: 'learner' }, 'instructor')).toBe(false);
    expect(hasRole(undefined, 'guest')).toBe(false);
  });
});
