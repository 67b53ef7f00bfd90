'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import styles from '../workshops/workshops.module.css';

/** Code and name; the server says plainly what is wrong (unknown code, ended, too many tries). */
export function JoinForm({ code, name }: { code?: string; name?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    const res = await fetch('/api/workshops/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: form.get('code'), name: form.get('name') }) }).catch(() => undefined);
    const data = (await res?.json().catch(() => undefined)) as { workshopId?: string; error?: string } | undefined;
    setBusy(false);
    if (res?.ok && data?.workshopId) return router.push(`/workshops/${data.workshopId}`);
    setError(data?.error ?? 'Could not join; check your connection and try again.');
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label>
        Join code
        <input name="code" required defaultValue={code} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH" maxLength={20} aria-describedby={error ? 'join-error' : undefined} />
      </label>
      <label>
        Your name (your instructor sees it)
        <input name="name" required maxLength={60} defaultValue={name} autoComplete="name" />
      </label>
      {error && (
        <p id="join-error" role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        Join workshop
      </button>
    </form>
  );
}
