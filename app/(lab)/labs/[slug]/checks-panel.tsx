'use client';
import type { ChecksUpdate } from '../../../../sandbox/protocol';

const LABEL = { passed: '✓ Passed', failed: '✗ Not yet', pending: '… Checking' } as const;

/** The lab's checks with live status, announced to screen readers as they change. */
export function ChecksPanel({ update }: { update: ChecksUpdate }) {
  return (
    <section aria-labelledby="checks-heading" data-testid="checks">
      <h2 id="checks-heading">Checks</h2>
      <ul className="checks" aria-live="polite">
        {update.checks.map((c) => (
          <li key={c.id} data-check={c.id} data-state={c.state}>
            <span className="state">{LABEL[c.state]}</span>
            {c.title}
            {c.message && <span className="message">{c.message}</span>}
          </li>
        ))}
      </ul>
      {update.allPassed && <p className="all-passed">All checks pass. Well done!</p>}
    </section>
  );
}
