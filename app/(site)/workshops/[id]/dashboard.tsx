'use client';
// The instructor's live dashboard: every participant × lab (step, checks), stuck flags, and the
// actions. The snapshot comes with `workshop:watch`; then progress arrives as learners work.
import { useEffect, useMemo, useState } from 'react';
import { phaseOf } from '../../../../workshops/access';
import { formatCode } from '../../../../workshops/code';
import type { DashboardSnapshot, ParticipantView } from '../../../../workshops/protocol';
import { stuckReason } from '../../../../workshops/stuck';
import { DashboardActions } from './dashboard-actions';
import { Observer } from './observer';
import { workshopSocket } from './workshop-socket';
import styles from '../workshops.module.css';

const MARK = { passed: '✓', failed: '✗', pending: '·' } as const;

function upsert(list: ParticipantView[], p: ParticipantView): ParticipantView[] {
  return list.some((x) => x.userId === p.userId) ? list.map((x) => (x.userId === p.userId ? p : x)) : [...list, p];
}

export function Dashboard({ workshopId, origin }: { workshopId: string; origin: string }) {
  const socket = useMemo(() => workshopSocket(), []);
  const [snap, setSnap] = useState<DashboardSnapshot>();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [observing, setObserving] = useState<{ userId: string; labSlug: string; name: string }>();

  useEffect(() => {
    const watch = () =>
      socket.emit('workshop:watch', { workshopId }, (r) => {
        if (!r.ok) return setError(r.message);
        const { ok: _ok, ...rest } = r;
        setSnap(rest);
        setError(undefined);
      });
    socket.on('connect', watch);
    socket.on('connect_error', (e) => setError(`Cannot reach the server: ${e.message}`));
    socket.on('workshop:progress', (m) =>
      setSnap((s) => s && { ...s, participants: s.participants.map((p) => (p.userId === m.userId ? { ...p, cells: p.cells.map((c) => (c.labSlug === m.cell.labSlug ? m.cell : c)) } : p)) }),
    );
    socket.on('workshop:participant', (m) => setSnap((s) => s && { ...s, participants: upsert(s.participants, m.participant) }));
    socket.on('workshop:message', (m) => setSnap((s) => s && { ...s, messages: [...s.messages, m.message] }));
    socket.on('workshop:times', (m) => setSnap((s) => s && { ...s, workshop: { ...s.workshop, startsAt: m.startsAt, endsAt: m.endsAt, endedAt: m.endedAt } }));
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    socket.connect();
    return () => {
      clearInterval(tick);
      socket.removeAllListeners();
      socket.close();
    };
  }, [socket, workshopId]);

  if (error) return <p role="alert" className="notice error">{error}</p>;
  if (!snap) return <p role="status">Loading the workshop…</p>;
  const w = snap.workshop;
  const phase = phaseOf({ startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt), endedAt: w.endedAt ? new Date(w.endedAt) : null }, now);
  const link = `${origin}/join/${w.code}`;
  return (
    <>
      <h1>{w.title}</h1>
      <p>
        Join code <span className={styles.code} data-testid="join-code">{formatCode(w.code)}</span> · link <a href={link}>{link}</a>
      </p>
      <p data-testid="workshop-phase" data-phase={phase}>
        {phase === 'ended' ? 'Ended' : phase === 'scheduled' ? 'Scheduled' : 'Running'} · {new Date(w.startsAt).toLocaleString()} to {new Date(w.endsAt).toLocaleTimeString()} · {snap.participants.length} participant(s) · stuck after {w.stuckMinutes} min
      </p>
      <table className={styles.grid} aria-label="Participants and their progress">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            {w.labs.map((l) => (
              <th scope="col" key={l.slug}>
                {l.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {snap.participants.map((p) => {
            const stuck = stuckReason({ joinedAt: p.joinedAt, startsAt: w.startsAt, cells: p.cells }, now, { stuckMinutes: w.stuckMinutes });
            return (
              <tr key={p.userId} data-testid="participant-row" data-name={p.displayName} data-stuck={stuck ? 'true' : 'false'}>
                <th scope="row">
                  {p.displayName}
                  {stuck && <div className={styles.stuck}>Stuck: {stuck}</div>}
                </th>
                {p.cells.map((c) => {
                  const lab = w.labs.find((l) => l.slug === c.labSlug);
                  const titles = new Map(lab?.steps.flatMap((s) => s.checks.map((k) => [k.id, k.title] as const)));
                  return (
                    <td key={c.labSlug} data-lab={c.labSlug} data-passed={c.passed}>
                      <div>{c.started ? c.stepLabel : <span className="muted">not opened</span>}</div>
                      <div className={styles.checks}>
                        {c.checks.map((k) => (
                          <span key={k.id} className={styles.check} data-check={k.id} data-state={k.state} title={`${titles.get(k.id) ?? k.id}: ${k.state}`} aria-label={`${titles.get(k.id) ?? k.id}: ${k.state}`}>
                            {MARK[k.state]}
                          </span>
                        ))}
                      </div>
                      <span className="muted">
                        {c.passed}/{c.total}
                      </span>{' '}
                      <button type="button" className="link-button" onClick={() => setObserving({ userId: p.userId, labSlug: c.labSlug, name: p.displayName })} aria-label={`Watch ${p.displayName}'s terminal in ${lab?.title ?? c.labSlug}`}>
                        Watch terminal
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {snap.participants.length === 0 && <p className="muted">Nobody has joined yet. Share the code or the link.</p>}
      {observing && <Observer key={`${observing.userId}:${observing.labSlug}`} socket={socket} workshopId={w.id} {...observing} onClose={() => setObserving(undefined)} />}
      <DashboardActions workshop={w} phase={phase} />
      {snap.messages.length > 0 && (
        <section aria-labelledby="sent-heading">
          <h2 id="sent-heading">Sent to everyone</h2>
          <ul className={styles.messages}>
            {snap.messages.map((m) => (
              <li key={m.id}>
                {m.kind === 'hint' ? `Hint (${m.labSlug}, ${m.stepTitle ?? m.stepId}): ` : ''}
                {m.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
