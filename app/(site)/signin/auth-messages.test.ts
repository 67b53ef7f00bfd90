import { describe, expect, it } from 'vitest';
import { authErrorMessage, safeNext, validateCredentials } from './auth-messages';

describe('sign-in and sign-up messages', () => {
  it('explains a missing or malformed email and a short password before asking the server', () => {
    expect(validateCredentials('', '', true)).toEqual({ email: 'Enter your email address.', password: 'Enter your password.' });
    expect(validateCredentials('ada', 'short', true)).toEqual({ email: 'Enter an email address like name@example.com.', password: 'Use at least 8 characters for your password.' });
    expect(validateCredentials('ada@kubelab.test', 'short', false)).toEqual({});
  });

  it('says the same for an unknown email and a wrong password, and what a taken email means', () => {
    expect(authErrorMessage(401, { code: 'INVALID_EMAIL_OR_PASSWORD' })).toEqual({ form: 'Wrong email or password.' });
    expect(authErrorMessage(422, { code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' }).email).toMatch(/already exists/);
    expect(authErrorMessage(429, {}).form).toMatch(/Wait a minute/);
  });

  it('goes on only to paths on this site', () => {
    expect(safeNext('/courses/k8s')).toBe('/courses/k8s');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example', '/account')).toBe('/account');
    expect(safeNext(undefined)).toBe('/');
  });
});
