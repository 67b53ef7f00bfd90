'use client';
// The request-flow timeline of one command: its steps in order, with the component that acted
// and why. Live it shows every step as it happens; the learner can pause, step and replay.
import { useEffect, useState } from 'react';
import type { Chain, ObjectLink, Step } from '../../../sandbox/cluster-view/wire';

export type Cursor = { mode: 'live' } | { mode: 'paused'; at: number } | { mode: 'replay'; at: number };

interface Props {
  chains: Chain[];
  chainId?: string;
  onChain(id: string | undefined): void;
  cursor: Cursor;
  onCursor(c: Cursor): void;
  onInspect(link: ObjectLink): void;
}

const REPLAY_STEP_MS = 500;
/** Steps rendered at once, around the cursor: a 500-pod rollout has thousands. */
const WINDOW = 150;

/** The step the map highlights: the latest live, else the one under the cursor. */
export function currentStep(chain: Chain | undefined, cursor: Cursor): Step | undefined {
  if (!chain) return undefined;
  return cursor.mode === 'live' ? chain.steps.at(-1) : chain.steps[Math.min(cursor.at, chain.steps.length - 1)];
}

export function Timeline({ chains, chainId, onChain, cursor, onCursor, onInspect }: Props) {
  const chain = chains.find((c) => c.id === chainId) ?? chains.at(-1);
  const [, tick] = useState(0);
  const total = chain?.steps.length ?? 0;

  useEffect(() => {
    if (cursor.mode !== 'replay') return;
    if (cursor.at >= total - 1) return onCursor({ mode: 'paused', at: Math.max(total - 1, 0) });
    const t = setTimeout(() => onCursor({ mode: 'replay', at: cursor.at + 1 }), REPLAY_STEP_MS);
    return () => clearTimeout(t);
  }, [cursor, total, onCursor]);

  const shown = cursor.mode === 'live' ? total : Math.min(cursor.at + 1, total);
  const at = cursor.mode === 'live' ? total - 1 : cursor.at;
  const first = Math.max(0, Math.min(at - WINDOW / 2, shown - WINDOW));
  const step = (d: number) => onCursor({ mode: 'paused', at: Math.max(0, Math.min(total - 1, at + d)) });
  return (
    <section className="cv-timeline" aria-label="Request flow timeline" data-testid="timeline" data-mode={cursor.mode}>
      <div className="cv-timeline-bar">
        <label>
          Command{' '}
          <select value={chain?.id ?? ''} onChange={(e) => onChain(e.target.value || undefined)} data-testid="timeline-chain">
            {chains.length === 0 && <option value="">Run a command in the terminal</option>}
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {c.actor}: {c.title}
              </option>
            ))}
          </select>
        </label>
        <span className="cv-controls">
          {cursor.mode === 'live' || cursor.mode === 'replay' ? (
            <button type="button" onClick={() => onCursor({ mode: 'paused', at: Math.max(at, 0) })}>Pause</button>
          ) : (
            <button type="button" onClick={() => onCursor({ mode: 'live' })}>Live</button>
          )}
          <button type="button" onClick={() => step(-1)} disabled={total === 0} aria-label="Step back">◀ Step</button>
          <button type="button" onClick={() => step(1)} disabled={total === 0} aria-label="Step forward">Step ▶</button>
          <button type="button" onClick={() => onCursor({ mode: 'replay', at: 0 })} disabled={total === 0}>Replay</button>
          <span className="muted" aria-live="polite">{total ? `${Math.max(shown, 0)}/${total}` : ''}</span>
        </span>
      </div>
      <ol className="cv-steps" start={first > 0 ? first : 1}>
        {first > 0 && <li className="muted" aria-hidden="true" style={{ listStyle: 'none' }}>… {first} earlier steps (step back to see them)</li>}
        {chain?.steps.slice(first, shown).map((s, j) => { const i = first + j; return (
          <li key={s.id} className={`cv-step cv-stage-${s.stage}${i === at ? ' cv-step-now' : ''}`} data-testid="timeline-step" data-stage={s.stage} onClick={() => (tick((n) => n + 1), onCursor({ mode: 'paused', at: i }))}>
            <span className="cv-step-who">{s.component}</span> <span className="cv-step-what">{s.summary}</span>
            {s.why && <span className="cv-step-why"> — {s.why}</span>}{' '}
            <button type="button" className="cv-link" onClick={(e) => (e.stopPropagation(), onInspect(s.object))}>
              {s.object.resource} {s.object.name}
            </button>
            {s.event && <span className="cv-event-tag"> event {s.event.reason}</span>}
          </li>
        ); })}
      </ol>
    </section>
  );
}
