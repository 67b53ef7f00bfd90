// Who is asking, with accounts: the Better Auth session cookie first, else the guest cookie.
// Session lookups are cached for a few seconds at most (a page load asks several times), and the
// cache is dropped whenever sessions are revoked here, so revocation takes effect on the next request.
import type { LearnerCookies } from '../guest.js';
import type { Identity, IdentitySource } from '../identity.js';
import { identityRole } from './roles';

/** What the identity source needs from Better Auth (auth.api.getSession). */
export interface SessionLookup {
  (cookieHeader: string): Promise<{ user: { id: string; email?: string | null; name?: string | null; kind?: unknown; role?: unknown } } | null>;
}

export interface AccountIdentitySource extends IdentitySource {
  /** Forget every cached session answer (a session was revoked or an account deleted). */
  invalidate(): void;
}

export interface AccountIdentityOptions {
  lookup: SessionLookup;
  guests: LearnerCookies;
  /** How long one answer is reused; keep it short so revocation is prompt. */
  ttlMs?: number;
  now?: () => number;
}

/** Cookie names Better Auth uses for its session token (plain and __Secure- prefixed). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? SESSION_COOKIE.exec(cookieHeader)?.[1] : undefined;
}

export function accountIdentities(opts: AccountIdentityOptions): AccountIdentitySource {
  const ttl = opts.ttlMs ?? 2000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; identity: Identity | undefined }>();

  async function fromSession(cookieHeader: string, token: string): Promise<Identity | undefined> {
    const hit = cache.get(token);
    if (hit && now() - hit.at < ttl) return hit.identity;
    const found = await opts.lookup(cookieHeader).catch(() => null);
    const identity: Identity | undefined = found
      ? { userId: found.user.id, role: identityRole({ kind: String(found.user.kind ?? 'account'), role: String(found.user.role ?? '') }), email: found.user.email ?? undefined, name: found.user.name || undefined }
      : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(token, { at: now(), identity });
    return identity;
  }

  return {
    async identify(cookieHeader) {
      const token = sessionToken(cookieHeader);
      const account = token ? await fromSession(cookieHeader!, token) : undefined;
      if (account) return account;
      const userId = opts.guests.verify(cookieHeader);
      return userId ? { userId, role: 'guest' } : undefined;
    },
    invalidate() {
      cache.clear();
    },
  };
}
