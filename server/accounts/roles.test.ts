import { describe, expect, it } from 'vitest';
import { hasRole } from '../identity.js';
import { identityRole, isAccountRole, isAdminEmail, parseAdminEmails, roleAtSignUp } from './roles.js';

describe('ADMIN_EMAILS', () => {
  const admins = parseAdminEmails(' Admin@Kubelab.test, instructor@kubelab.test ,, not-an-email');

  it('parses a comma-separated list, lower-cased, skipping blanks and non-addresses', () => {
    expect(admins).toEqual(['admin@kubelab.test', 'instructor@kubelab.test']);
    expect(parseAdminEmails(undefined)).toEqual([]);
  });

  it('matches an address as listed, in any case, and with a +tag', () => {
    expect(isAdminEmail('admin@kubelab.test', admins)).toBe(true);
    expect(isAdminEmail('ADMIN@kubelab.test', admins)).toBe(true);
    expect(isAdminEmail('instructor+run-42@kubelab.test', admins)).toBe(true);
  });

  it('does not match other mailboxes or domains', () => {
    expect(isAdminEmail('admin2@kubelab.test', admins)).toBe(false);
    expect(isAdminEmail('admin@kubelab.test.evil', admins)).toBe(false);
    expect(isAdminEmail('x+admin@kubelab.test', admins)).toBe(false);
    expect(isAdminEmail(undefined, admins)).toBe(false);
    expect(roleAtSignUp('learner@kubelab.test', admins)).toBe('learner');
    expect(roleAtSignUp('admin+1@kubelab.test', admins)).toBe('admin');
  });
});

describe('identity roles', () => {
  it('guests are guests whatever the role column says', () => {
    expect(identityRole({ kind: 'guest', role: 'admin' })).toBe('guest');
    expect(identityRole({ kind: 'account', role: 'instructor' })).toBe('instructor');
    expect(identityRole({ kind: 'account', role: 'root' })).toBe('learner');
  });

  it('an admin may do what an instructor may, a learner may not', () => {
    expect(hasRole({ userId: 'a', role: identityRole({ kind: 'account', role: 'admin' }) }, 'instructor')).toBe(true);
    expect(hasRole({ userId: 'l', role: identityRole({ kind: 'account', role: 'learner' }) }, 'instructor')).toBe(false);
    expect(isAccountRole('guest')).toBe(false);
  });
});
