'use client';
// The instructor's actions: broadcast, reveal a hint, extend, end, start sandboxes, export CSV.
// Each answer (or error) is announced in one status line.
import { useState, type FormEvent } from 'react';
import type { WorkshopPhase } from '../../../../workshops/access';
import type { WorkshopView } from '../../../../workshops/protocol';
import styles from '../workshops.module.css';

export function DashboardActions({ workshop: w, phase }: { workshop: WorkshopView; phase: WorkshopPhase }) {
  const [status, setStatus] = useState('');
  const [labSlug, setLabSlug] = useState(w.labs[0]?.slug ?? '');
  const lab = w.labs.find((l) => l.slug === labSlug);
  const [stepId, setStepId] = useState(lab?.steps[0]?.id ?? '');
  const step = lab?.steps.find((s) => s.id === stepId) ?? lab?.steps[0];

  async function post(action: string, body: unknown, done: (data: Record<string, unknown>) => string): Promise<boolean> {
    setStatus('…');
    const res = await fetch(`/api/workshops/${w.id}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
    const data = ((await res?.json().catch(() => undefined)) ?? {}) as Record<string, unknown>;
    setStatus(res?.ok ? done(data) : String(data.error ?? 'That did not work; try again.'));
    return res?.ok ?? false;
  }

  const onBroadcast = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (await post('broadcast', { text: new FormData(form).get('text') }, () => 'Message sent to everyone.')) form.reset();
  };
  const onHint = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const hintIndex = Number(new FormData(e.currentTarget).get('hint'));
    void post('hint', { labSlug, stepId: step?.id, hintIndex }, () => 'Hint revealed to everyone.');
  };
  const onExtend = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const minutes = Number(new FormData(e.currentTarget).get('minutes'));
    void post('extend', { minutes }, (d) => `Now ends at ${new Date(String(d.endsAt)).toLocaleTimeString()}.`);
  };
  const onEnd = () => {
    if (window.confirm('End the workshop now? Learners see it ended and nobody else can join.')) void post('end', {}, () => 'The workshop has ended.');
  };
  const onPrewarm = () => void post('prewarm', {}, (d) => `Started ${String(d.started)} sandbox(es)${(d.failed as string[] | undefined)?.length ? `; not started: ${(d.failed as string[]).join('; ')}` : ''}.`);

  return (
    <>
      <p role="status" data-testid="action-status">
        {status}
      </p>
      <div className={styles.actions}>
        <form onSubmit={onBroadcast} aria-labelledby="broadcast-heading">
          <h2 id="broadcast-heading">Broadcast</h2>
          <label htmlFor="broadcast-text">Message to every participant</label>
          <textarea id="broadcast-text" name="text" required maxLength={1000} rows={2} />
          <button className="button" type="submit">
            Send
          </button>
        </form>
        <form onSubmit={onHint} aria-labelledby="hint-heading">
          <h2 id="hint-heading">Reveal a hint</h2>
          <label htmlFor="hint-lab">Lab</label>
          <select id="hint-lab" value={labSlug} onChange={(e) => (setLabSlug(e.target.value), setStepId(w.labs.find((l) => l.slug === e.target.value)?.steps[0]?.id ?? ''))}>
            {w.labs.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.title}
              </option>
            ))}
          </select>
          <label htmlFor="hint-step">Step</label>
          <select id="hint-step" value={step?.id ?? ''} onChange={(e) => setStepId(e.target.value)}>
            {lab?.steps.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
          <label htmlFor="hint-which">Hint</label>
          <select id="hint-which" name="hint" disabled={!step?.hints.length}>
            {step?.hints.map((h, i) => (
              <option key={i} value={i}>
                {h.length > 60 ? `${h.slice(0, 60)}…` : h}
              </option>
            ))}
          </select>
          <button className="button" type="submit" disabled={!step?.hints.length}>
            Reveal to everyone
          </button>
        </form>
        <section aria-labelledby="session-heading">
          <h2 id="session-heading">Session</h2>
          <form onSubmit={onExtend} style={{ border: 0, padding: 0 }}>
            <label htmlFor="extend-minutes">Extend by (minutes)</label>
            <input id="extend-minutes" name="minutes" type="number" min={1} max={1440} defaultValue={15} />
            <button className="button secondary" type="submit" disabled={Boolean(w.endedAt)}>
              Extend
            </button>
          </form>
          <button className="button secondary" type="button" onClick={onEnd} disabled={phase === 'ended'}>
            End workshop now
          </button>
          <button className="button secondary" type="button" onClick={onPrewarm} disabled={phase === 'ended'}>
            Start everyone&apos;s sandboxes now
          </button>
          <a className="button secondary" href={`/api/workshops/${w.id}/results`} download>
            Export results (CSV)
          </a>
        </section>
      </div>
    </>
  );
}
