'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import styles from '../workshops.module.css';

interface Props {
  labs: { slug: string; title: string; minutes: number }[];
}

/** The current local time as a datetime-local value (rounded to the next 5 minutes). */
function soon(): string {
  const d = new Date(Math.ceil(Date.now() / 300_000) * 300_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function NewWorkshopForm({ labs }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [startsAt] = useState(soon);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const local = String(form.get('startsAt') ?? '');
    const body = {
      title: form.get('title'),
      labSlugs: form.getAll('labs'),
      startsAt: local ? new Date(local).toISOString() : '',
      durationMinutes: form.get('durationMinutes'),
      stuckMinutes: form.get('stuckMinutes'),
    };
    setBusy(true);
    setError(undefined);
    const res = await fetch('/api/workshops', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
    const data = (await res?.json().catch(() => undefined)) as { id?: string; error?: string } | undefined;
    setBusy(false);
    if (res?.ok && data?.id) return router.push(`/workshops/${data.id}`);
    setError(data?.error ?? 'The workshop could not be created; try again.');
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby={error ? 'workshop-error' : undefined}>
      <label>
        Title
        <input name="title" required maxLength={120} placeholder="Kubernetes fundamentals, morning group" />
      </label>
      <fieldset>
        <legend>Labs (learners see them in this order)</legend>
        {labs.map((l) => (
          <label key={l.slug}>
            <input type="checkbox" name="labs" value={l.slug} /> {l.title} <span className="muted">({l.minutes} min)</span>
          </label>
        ))}
      </fieldset>
      <label>
        Starts at (your local time)
        <input type="datetime-local" name="startsAt" required defaultValue={startsAt} />
      </label>
      <label>
        Duration in minutes
        <input type="number" name="durationMinutes" required min={10} max={10080} defaultValue={180} />
      </label>
      <label>
        Flag a participant as stuck after this many minutes without progress
        <input type="number" name="stuckMinutes" required min={1} max={240} defaultValue={10} />
      </label>
      {error && (
        <p id="workshop-error" role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        Create workshop
      </button>
    </form>
  );
}
