import { describe, expect, it } from 'vitest';
import { LEARNER_COOKIE, learnerCookies, readCookie } from './guest.js';

describe('learner cookies', () => {
  const cookies = learnerCookies('a-secret-of-at-least-thirty-two-chars!');

  it('issues an httpOnly, signed guest cookie that verifies', () => {
    const { userId, setCookie } = cookies.issue(false);
    expect(userId).toMatch(/^guest-[0-9a-f-]{36}$/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const value = setCookie.split(';')[0];
    expect(cookies.verify(`other=1; ${value}`)).toBe(userId);
  });

  it('refuses a missing, forged, or foreign-secret cookie', () => {
    expect(cookies.verify(undefined)).toBeUndefined();
    expect(cookies.verify(`${LEARNER_COOKIE}=guest-abcdefgh`)).toBeUndefined();
    expect(cookies.verify(`${LEARNER_COOKIE}=guest-abcdefgh.forged`)).toBeUndefined();
    const other = learnerCookies('another-secret-of-at-least-32-characters');
    expect(cookies.verify(`${LEARNER_COOKIE}=${other.sign('guest-abcdefgh')}`)).toBeUndefined();
    const tampered = cookies.sign('guest-aaaaaaaa').replace('guest-aaaaaaaa', 'guest-bbbbbbbb');
    expect(cookies.verify(`${LEARNER_COOKIE}=${tampered}`)).toBeUndefined();
  });

  it('reads one cookie out of a header', () => {
    expect(readCookie('a=1; b=two%20words', 'b')).toBe('two words');
    expect(readCookie('a=1', 'b')).toBeUndefined();
  });
});
