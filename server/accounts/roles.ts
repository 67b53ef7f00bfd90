// Roles of accounts. Guests are not accounts (User.kind "guest") and have the role "guest" in an
// Identity; every account is a learner, an instructor or an admin (User.role).
import type { Role } from '../identity.js';

export const ACCOUNT_ROLES = ['learner', 'instructor', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** A User row's role as an Identity role: guests are guests whatever the column says. */
export function identityRole(user: { kind?: string | null; role?: string | null }): Role {
  if (user.kind !== 'account') return 'guest';
  return isAccountRole(user.role) ? user.role : 'learner';
}

/** `ADMIN_EMAILS="a@x.test, b@x.test"` → normalised addresses (lower case, no blanks). */
export function parseAdminEmails(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.includes('@'));
}

/** `name+tag@domain` is the same mailbox as `name@domain` (sub-addressing). */
function withoutTag(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const plus = local.indexOf('+');
  return (plus >= 0 ? local.slice(0, plus) : local) + email.slice(at);
}

/** Whether an address signing up gets the admin role: listed as is, or without its +tag. */
export function isAdminEmail(email: string | null | undefined, adminEmails: readonly string[]): boolean {
  if (!email || !email.includes('@')) return false;
  const e = email.trim().toLowerCase();
  return adminEmails.includes(e) || adminEmails.includes(withoutTag(e));
}

/** The role an account starts with. */
export function roleAtSignUp(email: string | null | undefined, adminEmails: readonly string[]): AccountRole {
  return isAdminEmail(email, adminEmails) ? 'admin' : 'learner';
}
