// Who is asking: one answer for pages, API routes and sockets. A signed-in account (its session,
// once accounts exist) comes first; otherwise the guest cookie. Everything that touches a learner's
// data asks this, never the cookies directly, so revoking a session or deleting an account takes
// effect everywhere at once.
import type { LearnerCookies } from './guest.js';

export type Role = 'guest' | 'learner' | 'instructor' | 'admin';

export interface Identity {
  userId: string;
  role: Role;
  email?: string;
  name?: string;
}

export interface IdentitySource {
  /** The identity a request's Cookie header carries, or undefined when it carries none. */
  identify(cookieHeader: string | undefined): Promise<Identity | undefined>;
}

/** Guests only: the signed learner cookie. Account sessions layer over this (see accounts). */
export function guestIdentities(cookies: LearnerCookies): IdentitySource {
  return {
    async identify(cookieHeader) {
      const userId = cookies.verify(cookieHeader);
      return userId ? { userId, role: 'guest' } : undefined;
    },
  };
}

/** Roles ordered by what they may do: an admin may do what an instructor may, and so on. */
const RANK: Record<Role, number> = { guest: 0, learner: 1, instructor: 2, admin: 3 };

export function hasRole(identity: Identity | undefined, least: Role): boolean {
  return identity !== undefined && RANK[identity.role] >= RANK[least];
}
