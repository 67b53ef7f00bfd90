// Learners start as guests: a random id in a signed, httpOnly cookie. The User row is created on
// first use (sandbox attach, progress), so a crawler's page views leave no rows behind.
// Accounts later: sign-in sets the same cookie to the account's user id (User.kind = "account").
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const LEARNER_COOKIE = 'kubelab_learner';
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export interface LearnerCookies {
  /** The learner id in a Cookie header, if it carries a valid signature. */
  verify(cookieHeader: string | undefined): string | undefined;
  /** A new guest id and the Set-Cookie value that carries it. */
  issue(secure: boolean): { userId: string; setCookie: string };
  sign(userId: string): string;
}

export function learnerCookies(secret: string): LearnerCookies {
  const mac = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  const sign = (userId: string) => `${userId}.${mac(userId)}`;
  return {
    sign,
    verify(header) {
      const value = readCookie(header, LEARNER_COOKIE);
      if (!value) return undefined;
      const dot = value.lastIndexOf('.');
      const id = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(mac(id));
      if (dot < 0 || !ID_PATTERN.test(id) || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return id;
    },
    issue(secure) {
      const userId = `guest-${randomUUID()}`;
      const attrs = [`${LEARNER_COOKIE}=${sign(userId)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${ONE_YEAR_S}`];
      if (secure) attrs.push('Secure');
      return { userId, setCookie: attrs.join('; ') };
    },
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
