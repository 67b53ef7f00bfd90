'use client';
// The attempt's workspace: questions (with flags) and the countdown on one side, the terminal on
// the other, one socket to the attempt's multi-cluster sandbox. "End exam" asks once more, then
// the server grades; at the deadline the page goes to the report (the server grades regardless).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ProtocolError } from '../../../../../sandbox/protocol';
import { SandboxConnection, type ConnectionStatus } from '../../../../(lab)/labs/[slug]/connection';
import { TerminalPane } from '../../../../(lab)/labs/[slug]/terminal-pane';
import { EditorPane } from '../../../../(lab)/labs/[slug]/editor-pane';
import { Countdown } from './countdown';
import styles from './exam.module.css';

export interface ExamTaskView {
  id: string;
  title: string;
  weight: number;
  context: string;
  body: ReactNode;
}

export interface ExamWorkspaceProps {
  attempt: { id: string; examSlug: string; sandboxSlug: string; deadline: number; flags: string[] };
  title: string;
  tasks: ExamTaskView[];
  serverNow: number;
}

export function ExamWorkspace({ attempt, title, tasks, serverNow }: ExamWorkspaceProps) {
  const [offsetMs] = useState(() => serverNow - Date.now());
  const [current, setCurrent] = useState(0);
  const [flags, setFlags] = useState(() => new Set(attempt.flags));
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string>();
  const report = `/exams/${attempt.examSlug}/attempts/${attempt.id}`;
  const toReport = useCallback(() => window.location.assign(report), [report]);
  // The page's clock may run a little ahead of the server's: give the server's own timer a moment.
  const atDeadline = useCallback(() => void setTimeout(toReport, 1500), [toReport]);

  async function toggleFlag(taskId: string) {
    const flagged = !flags.has(taskId);
    setFlags((f) => withFlag(f, taskId, flagged));
    const res = await fetch(`/api/exam-attempts/${attempt.id}/flags`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ taskId, flagged }) }).catch(() => undefined);
    if (!res?.ok) {
      setFlags((f) => withFlag(f, taskId, !flagged));
      setError(((await res?.json().catch(() => undefined)) as { error?: string } | undefined)?.error ?? 'The flag was not saved; try again.');
    }
  }

  async function endExam() {
    setEnding(true);
    const res = await fetch(`/api/exam-attempts/${attempt.id}/end`, { method: 'POST' }).catch(() => undefined);
    // Ended already (the time ran out meanwhile) is fine too: the report has the grade.
    if (res?.ok || res?.status === 409) return toReport();
    setEnding(false);
    setError('The exam could not be ended; try again.');
  }

  const task = tasks[current];
  return (
    <main className={styles.exam}>
      <section className={styles.side} aria-label="Exam questions">
        <header className={styles.header}>
          <h1 className={styles.title}>{title}</h1>
          <Countdown deadline={attempt.deadline} offsetMs={offsetMs} onEnd={atDeadline} />
          {!confirming ? (
            <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
              End exam
            </button>
          ) : (
            <div role="group" aria-label="Confirm the end of the exam" className={styles.confirm}>
              <span>End the exam now? Every task is graded as it is.</span>
              <button type="button" className="button" onClick={() => void endExam()} disabled={ending}>
                {ending ? 'Grading…' : 'End now'}
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirming(false)} disabled={ending}>
                Keep working
              </button>
            </div>
          )}
        </header>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <nav aria-label="Questions">
          <ol className={styles.questions}>
            {tasks.map((t, i) => (
              <li key={t.id}>
                <button type="button" aria-current={i === current ? 'step' : undefined} data-task={t.id} data-flagged={flags.has(t.id)} onClick={() => setCurrent(i)}>
                  <span className={styles.number}>{i + 1}</span> {t.title}
                  <span className={styles.weight}>{t.weight}%</span>
                  {flags.has(t.id) && <span aria-label="flagged"> ⚑</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <article className={styles.task} aria-labelledby="task-title" data-task={task.id}>
          <h2 id="task-title">
            Task {current + 1} of {tasks.length}: {task.title}
          </h2>
          <p className={styles.meta}>
            <span>
              Weight <strong>{task.weight}%</strong>
            </span>
            <span>
              Context <code data-testid="task-context">{task.context}</code>
            </span>
            <button type="button" className="button small secondary" aria-pressed={flags.has(task.id)} onClick={() => void toggleFlag(task.id)}>
              {flags.has(task.id) ? 'Flagged ⚑' : 'Flag for review'}
            </button>
          </p>
          <div className={styles.body}>{task.body}</div>
          <p className={styles.nav}>
            <button type="button" className="button small secondary" disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              Previous
            </button>
            <button type="button" className="button small secondary" disabled={current === tasks.length - 1} onClick={() => setCurrent(current + 1)}>
              Next
            </button>
          </p>
        </article>
      </section>
      <ExamTerminal sandboxSlug={attempt.sandboxSlug} />
    </main>
  );
}

function withFlag(flags: Set<string>, id: string, on: boolean): Set<string> {
  const next = new Set(flags);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The lab's terminal and editor (vi, nano open there), attached to the attempt's sandbox (all the exam's clusters). */
function ExamTerminal({ sandboxSlug }: { sandboxSlug: string }) {
  const connection = useMemo(() => new SandboxConnection(sandboxSlug), [sandboxSlug]);
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting' });
  const [notice, setNotice] = useState<ProtocolError>();
  useEffect(() => {
    const offs = [connection.on('status', setStatus), connection.on('notice', setNotice)];
    return () => {
      offs.forEach((off) => off());
      connection.close();
    };
  }, [connection]);
  return (
    <section className={`lab-main ${styles.terminal}`} aria-label="Exam terminal" data-status={status.kind} data-sandbox-id={status.kind === 'attached' ? status.sandboxId : undefined}>
      <div className="terminal-pane" style={{ position: 'relative' }}>
        <TerminalPane connection={connection} />
        {(status.kind === 'error' || notice) && (
          <div role="alert" data-testid="notice" className={styles.notice}>
            {status.kind === 'error' ? status.message : notice?.message}
          </div>
        )}
      </div>
      <EditorPane connection={connection} labSlug={sandboxSlug} />
    </section>
  );
}
