'use client';
// The account page's buttons: revoke a session, sign out everywhere, delete the account.
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../server/accounts/service';
import styles from '../signin/forms.module.css';
import { deviceOf } from './device';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export function SessionList({ sessions }: { sessions: SessionView[] }) {
  const [list, setList] = useState(sessions);
  const [error, setError] = useState<string>();

  async function revoke(s: SessionView) {
    const res = await fetch(`/api/account/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE', credentials: 'same-origin' });
    if (!res.ok) return setError(((await res.json().catch(() => ({}))) as { error?: string }).error ?? 'Could not revoke that session.');
    if (s.current) return window.location.assign('/signin');
    setList((l) => l.filter((x) => x.id !== s.id));
  }

  async function everywhere() {
    const res = await fetch('/api/account/sign-out-everywhere', { method: 'POST', credentials: 'same-origin' });
    if (res.ok) window.location.assign('/signin');
    else setError('Could not sign out everywhere. Try again.');
  }

  return (
    <>
      {error && <p className={styles.formError} role="alert">{error}</p>}
      <ul className="card-list" aria-label="Your sessions">
        {list.map((s) => (
          <li key={s.id}>
            <strong>{deviceOf(s.userAgent)}</strong>
            {s.current && <span className="muted"> (this browser)</span>}
            <div className="muted">
              {s.ipAddress ? `From ${s.ipAddress}, ` : ''}signed in {when(s.createdAt)}
            </div>
            <button type="button" className="button secondary" onClick={() => void revoke(s)} aria-label={`Revoke the session of ${deviceOf(s.userAgent)} from ${when(s.createdAt)}`}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button secondary" onClick={() => void everywhere()}>
          Sign out everywhere
        </button>
      </p>
    </>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const confirmEmail = String(new FormData(e.currentTarget).get('confirmEmail') ?? '');
    if (confirmEmail.trim().toLowerCase() !== email.toLowerCase()) return setError('Type your email address exactly to confirm.');
    setBusy(true);
    const res = await fetch('/api/account', { method: 'DELETE', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirmEmail }) });
    if (res.ok) return window.location.assign('/');
    setBusy(false);
    setError(((await res.json().catch(() => ({}))) as { error?: string }).error ?? 'Could not delete the account.');
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <div className={styles.field}>
        <label htmlFor="confirm-email">Your email address</label>
        <input id="confirm-email" name="confirmEmail" type="email" autoComplete="off" aria-invalid={!!error} aria-describedby={error ? 'delete-error' : undefined} />
        {error && (
          <p className={styles.fieldError} id="delete-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={busy}>
        Delete my account
      </button>
    </form>
  );
}
