// What the account and admin routes do, with who may do it: every function takes the caller's
// Identity and checks it, so the routes stay thin and these tests try to cross the lines.
import type { Identity } from '../identity.js';
// Value imports without .js: Next's bundler (Turbopack) reaches this file from the account routes.
import { hasRole } from '../identity';
import { deleteAccount } from './delete-account';
import type { Accounts } from './index.js';
import { isAccountRole } from './roles';
import { sessionToken } from './identity';

export type Outcome<T = { ok: true }> = { status: 200; body: T } | { status: 400 | 401 | 403 | 404; body: { error: string } };

const fail = (status: 400 | 401 | 403 | 404, error: string): Outcome<never> => ({ status, body: { error } });
const SIGN_IN_FIRST = 'Sign in to manage your account.';

export interface SessionView {
  id: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The session this request came with. */
  current: boolean;
}

function isAccount(who: Identity | undefined): who is Identity {
  return hasRole(who, 'learner');
}

/** The caller's own sessions, newest first. */
export async function listSessions(a: Accounts, who: Identity | undefined, cookieHeader?: string): Promise<Outcome<{ sessions: SessionView[] }>> {
  if (!isAccount(who)) return fail(401, SIGN_IN_FIRST);
  const current = currentTokenOf(cookieHeader);
  const rows = await a.db.authSession.findMany({ where: { userId: who.userId, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } });
  return {
    status: 200,
    body: {
      sessions: rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        updatedAt: s.updatedAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ipAddress: s.ipAddress,
        userAgent: s.userAgent,
        current: current !== undefined && s.token === current,
      })),
    },
  };
}

/** The session token inside Better Auth's signed cookie value (token.signature). */
function currentTokenOf(cookieHeader: string | undefined): string | undefined {
  const raw = sessionToken(cookieHeader);
  if (!raw) return undefined;
  const value = decodeURIComponent(raw);
  const dot = value.lastIndexOf('.');
  return dot > 0 ? value.slice(0, dot) : value;
}

/** Revoke one of the caller's sessions; another account's session id is "not found". */
export async function revokeSession(a: Accounts, who: Identity | undefined, sessionId: string): Promise<Outcome> {
  if (!isAccount(who)) return fail(401, SIGN_IN_FIRST);
  const { count } = await a.db.authSession.deleteMany({ where: { id: sessionId, userId: who.userId } });
  if (count === 0) return fail(404, 'No such session.');
  a.revoked(who.userId);
  return { status: 200, body: { ok: true } };
}

/** Every session of the caller ends, this one too. */
export async function signOutEverywhere(a: Accounts, who: Identity | undefined): Promise<Outcome<{ ok: true; revoked: number }>> {
  if (!isAccount(who)) return fail(401, SIGN_IN_FIRST);
  const { count } = await a.db.authSession.deleteMany({ where: { userId: who.userId } });
  a.revoked(who.userId);
  return { status: 200, body: { ok: true, revoked: count } };
}

/** Delete the caller's own account, confirmed by typing its email. */
export async function deleteOwnAccount(a: Accounts, who: Identity | undefined, confirmEmail: unknown): Promise<Outcome> {
  if (!isAccount(who)) return fail(401, SIGN_IN_FIRST);
  const user = await a.db.user.findUnique({ where: { id: who.userId } });
  if (!user?.email) return fail(404, 'No such account.');
  if (typeof confirmEmail !== 'string' || confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    return fail(400, 'Type your email address exactly to confirm.');
  }
  await deleteAccount(a.db, a.sandboxes(), who.userId);
  a.revoked(who.userId);
  return { status: 200, body: { ok: true } };
}

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: string;
  createdAt: string;
}

/** Accounts for the admin page (guests are not listed). Admins only. */
export async function listUsers(a: Accounts, who: Identity | undefined, query = ''): Promise<Outcome<{ users: UserView[] }>> {
  if (!hasRole(who, 'admin')) return fail(403, 'Only admins can see accounts.');
  const where = { kind: 'account', ...(query ? { email: { contains: query.toLowerCase() } } : {}) };
  const rows = await a.db.user.findMany({ where, orderBy: { createdAt: 'desc' }, take: 200 });
  return { status: 200, body: { users: rows.map((u) => ({ id: u.id, email: u.email ?? '', name: u.name, role: u.role, createdAt: u.createdAt.toISOString() })) } };
}

/** An admin sets another account's role. Admins cannot change their own (no locking out the last one). */
export async function setRole(a: Accounts, who: Identity | undefined, userId: string, role: unknown): Promise<Outcome<{ ok: true; role: string }>> {
  if (!hasRole(who, 'admin')) return fail(403, 'Only admins can change roles.');
  if (!isAccountRole(role)) return fail(400, 'The role must be learner, instructor or admin.');
  if (userId === who!.userId) return fail(400, 'You cannot change your own role; ask another admin.');
  const { count } = await a.db.user.updateMany({ where: { id: userId, kind: 'account' }, data: { role } });
  if (count === 0) return fail(404, 'No such account.');
  a.identity.invalidate();
  return { status: 200, body: { ok: true, role } };
}
