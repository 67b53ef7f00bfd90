// What the sign-up and sign-in forms say: Better Auth's error codes in plain words, and the checks
// the browser can make before asking (so a short password is explained at once).
export const MIN_PASSWORD_LENGTH = 8;

export type FieldErrors = Partial<Record<'email' | 'password' | 'form', string>>;

export function validateCredentials(email: string, password: string, forSignUp: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = 'Enter an email address like name@example.com.';
  if (!password) errors.password = 'Enter your password.';
  else if (forSignUp && password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`;
  return errors;
}

/** Better Auth's answer (status and JSON body) as what the form shows, and next to which field. */
export function authErrorMessage(status: number, body: { code?: string; message?: string } | undefined): FieldErrors {
  if (status === 429) return { form: 'Too many attempts from your network. Wait a minute, then try again.' };
  switch (body?.code) {
    case 'PASSWORD_TOO_SHORT':
      return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.` };
    case 'PASSWORD_TOO_LONG':
      return { password: 'Use at most 128 characters for your password.' };
    case 'INVALID_EMAIL':
      return { email: 'Enter an email address like name@example.com.' };
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return { email: 'An account with this email already exists. Sign in instead, or use another email.' };
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'USER_NOT_FOUND':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      // The same words whether the email is unknown or the password wrong: no account probing.
      return { form: 'Wrong email or password.' };
  }
  return { form: status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : (body?.message ?? 'That did not work. Check the form and try again.') };
}

/** Where to go after signing in: a path on this site only (never another origin). */
export function safeNext(next: string | string[] | undefined, fallback = '/'): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
