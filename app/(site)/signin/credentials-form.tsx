'use client';
// The email + password form for both sign-up and sign-in: labelled fields, errors announced and
// tied to their field, then a full page load so every part of the site sees the new session.
import { useState, type FormEvent } from 'react';
import { authErrorMessage, MIN_PASSWORD_LENGTH, validateCredentials, type FieldErrors } from './auth-messages';
import styles from './forms.module.css';

export interface CredentialsFormProps {
  mode: 'signup' | 'signin';
  next: string;
}

async function post(path: string, body: unknown): Promise<{ status: number; json: { code?: string; message?: string; url?: string } | undefined }> {
  const res = await fetch(`/api/auth${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

export function CredentialsForm({ mode, next }: CredentialsFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const found = validateCredentials(email, password, signup);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const name = String(data.get('name') ?? '').trim() || email.split('@')[0];
    const res = signup ? await post('/sign-up/email', { email, password, name }) : await post('/sign-in/email', { email, password });
    if (res.status === 200) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setErrors(authErrorMessage(res.status, res.json));
  }

  const described = (field: 'email' | 'password', hint?: string) => [errors[field] ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy}>
      {errors.form && (
        <p className={styles.formError} role="alert" id="form-error">
          {errors.form}
        </p>
      )}
      {signup && (
        <div className={styles.field}>
          <label htmlFor="name">Name <span className="muted">(optional)</span></label>
          <input id="name" name="name" type="text" autoComplete="name" maxLength={100} />
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required aria-invalid={!!errors.email} aria-describedby={described('email')} />
        {errors.email && (
          <p className={styles.fieldError} id="email-error" role="alert">
            {errors.email}
          </p>
        )}
      </div>
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signup ? 'new-password' : 'current-password'}
          required
          minLength={signup ? MIN_PASSWORD_LENGTH : undefined}
          aria-invalid={!!errors.password}
          aria-describedby={described('password', signup ? 'password-hint' : undefined)}
        />
        {signup && (
          <p className={styles.hint} id="password-hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        )}
        {errors.password && (
          <p className={styles.fieldError} id="password-error" role="alert">
            {errors.password}
          </p>
        )}
      </div>
      <button className="button" type="submit" disabled={busy}>
        {signup ? 'Create account' : 'Sign in'}
      </button>
    </form>
  );
}

/** "Sign in with OpenID Connect": Better Auth answers with the provider's URL to go to. */
export function OidcButton({ next, label }: { next: string; label: string }) {
  const [error, setError] = useState<string>();
  async function go() {
    const res = await post('/sign-in/social', { provider: 'oidc', callbackURL: next, errorCallbackURL: '/signin?error=oidc' });
    if (res.json?.url) window.location.assign(res.json.url);
    else setError(authErrorMessage(res.status, res.json).form ?? 'The sign-in provider did not answer. Try again later.');
  }
  return (
    <div className={styles.oidc}>
      <button className="button secondary" type="button" onClick={() => void go()}>
        {label}
      </button>
      {error && <p className={styles.formError} role="alert">{error}</p>}
    </div>
  );
}
