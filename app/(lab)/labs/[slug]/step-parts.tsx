'use client';
// The interactive parts of a lab step's text: code blocks that run in the terminal or copy,
// links that open a file in the editor, the step's live status, hints and questions.
import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import { labBus, useConnected, useLabChecks } from './lab-bus';

/** A fenced code block; ```bash run adds a Run button, ```bash copy a Copy button. */
export function StepCode({ children, 'data-action': action, 'data-code': code, ...rest }: { children?: ReactNode; 'data-action'?: string; 'data-code'?: string }) {
  const connected = useConnected();
  const [copied, setCopied] = useState(false);
  if (!action || code === undefined) return <pre tabIndex={0} {...rest}>{children}</pre>;
  const copy = async () => {
    await navigator.clipboard?.writeText(code.replace(/\n$/, '')).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="code-action">
      <pre tabIndex={0} {...rest}>{children}</pre>
      {action === 'run' ? (
        <button type="button" className="button small" disabled={!connected} onClick={() => labBus.run(code)} aria-label={`Run in the terminal: ${code.trim()}`}>
          ▶ Run
        </button>
      ) : (
        <button type="button" className="button small secondary" onClick={() => void copy()} aria-label={`Copy: ${code.trim()}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      )}
    </div>
  );
}

/** Links: `lesson:<slug>` goes to a lesson, `editor:<path>` opens a file in the editor. */
export function StepLink({ href = '', children }: { href?: string; children?: ReactNode }) {
  if (href.startsWith('lesson:')) return <Link href={`/lessons/${href.slice('lesson:'.length)}`}>{children}</Link>;
  if (href.startsWith('editor:')) {
    const path = href.slice('editor:'.length);
    return (
      <button type="button" className="link-button" onClick={() => labBus.openFile(path)} title={`Open ${path} in the editor`}>
        {children}
      </button>
    );
  }
  return (
    <a href={href} target={/^https?:/.test(href) ? '_blank' : undefined} rel="noreferrer">
      {children}
    </a>
  );
}

/** Done when every check and question of the step passes. */
export function StepStatus({ ids }: { ids: string[] }) {
  const { checks } = useLabChecks();
  const passed = checks.filter((c) => ids.includes(c.id) && c.state === 'passed').length;
  const done = ids.length > 0 && passed === ids.length;
  return (
    <span className={`step-status ${done ? 'done' : ''}`} data-testid="step-status" data-done={done}>
      {done ? '✓ Done' : `${passed} of ${ids.length}`}
    </span>
  );
}

/** Hints, revealed one at a time; how many were shown is kept in this browser. */
export function Hints({ labSlug, stepId, hints }: { labSlug: string; stepId: string; hints: string[] }) {
  const key = `kubelab:hints:${labSlug}:${stepId}`;
  const [shown, setShown] = useState(0);
  useEffect(() => setShown(Number(localStorage.getItem(key) ?? 0) || 0), [key]);
  const reveal = () => {
    const next = Math.min(shown + 1, hints.length);
    setShown(next);
    localStorage.setItem(key, String(next));
  };
  return (
    <div className="hints" data-testid={`hints-${stepId}`}>
      <ol>
        {hints.slice(0, shown).map((h, i) => (
          <li key={i} className="hint">
            <InlineCode text={h} />
          </li>
        ))}
      </ol>
      {shown < hints.length && (
        <button type="button" className="button small secondary" onClick={reveal}>
          {shown === 0 ? 'Show a hint' : 'Show another hint'} ({shown + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}

/** `code` spans in hints, without a Markdown renderer in the browser. */
function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part))}
    </>
  );
}

/**
 * A step's lab actions: buttons that do what no command can (pull a node's plug, fast-forward).
 * The result line is printed in the terminal by the sandbox; the button shows it too, for screen
 * readers (role=status) and for a learner whose terminal is scrolled away.
 */
export function StepActions({ stepId, actions }: { stepId: string; actions: { id: string; label: string }[] }) {
  const connected = useConnected();
  const [busy, setBusy] = useState<string>();
  const [reply, setReply] = useState<{ ok: boolean; text: string }>();
  if (actions.length === 0) return null;
  const press = async (actionId: string) => {
    setBusy(actionId);
    const res = await labBus.runAction(stepId, actionId);
    setBusy(undefined);
    setReply(res.ok ? { ok: true, text: res.line } : { ok: false, text: res.message });
  };
  return (
    <div className="lab-actions" role="group" aria-label="Lab actions" data-testid={`actions-${stepId}`}>
      {actions.map((a) => (
        <button key={a.id} type="button" className="button small" data-action-id={a.id} disabled={!connected || busy !== undefined} onClick={() => void press(a.id)}>
          {a.label}
        </button>
      ))}
      {reply && (
        <p className={`answer-result ${reply.ok ? 'ok' : 'bad'}`} role="status">
          {reply.text}
        </p>
      )}
    </div>
  );
}

interface QuestionMeta {
  id: string;
  prompt: string;
  choices?: string[];
}

export function Question({ q }: { q: QuestionMeta }) {
  const { checks } = useLabChecks();
  const live = checks.find((c) => c.id === q.id);
  const [value, setValue] = useState('');
  const [reply, setReply] = useState<{ correct: boolean; message: string }>();
  const connected = useConnected();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await labBus.answer(q.id, value);
    setReply(res.ok ? { correct: res.correct, message: res.message } : { correct: false, message: res.message });
  };
  const correct = live?.state === 'passed';
  return (
    <form className="question" data-question={q.id} data-state={correct ? 'passed' : 'open'} onSubmit={(e) => void submit(e)}>
      <p className="prompt">
        <InlineCode text={q.prompt} />
      </p>
      {q.choices ? (
        <fieldset>
          <legend className="sr-only">{q.prompt}</legend>
          {q.choices.map((c) => (
            <label key={c}>
              <input type="radio" name={`q-${q.id}`} value={c} checked={value === c} onChange={() => setValue(c)} /> <InlineCode text={c} />
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="text" aria-label={`Answer: ${q.prompt}`} value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} />
      )}
      <button type="submit" className="button small" disabled={!connected || value.trim() === ''}>
        Answer
      </button>
      {(reply || correct) && (
        <p className={`answer-result ${correct || reply?.correct ? 'ok' : 'bad'}`} role="status">
          {correct ? live!.message : reply!.message}
        </p>
      )}
    </form>
  );
}
