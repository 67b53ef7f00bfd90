// /workshops: an instructor's own workshops (and the way to create one).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getWorkshopHub } from '../../../server/workshop-hub';
import { canCreateWorkshops, phaseOf } from '../../../workshops/access';
import { formatCode } from '../../../workshops/code';
import { currentIdentity } from '../../lib/identity';

export const metadata: Metadata = { title: 'Workshops' };
export const dynamic = 'force-dynamic';

const PHASE = { scheduled: 'Scheduled', running: 'Running', ended: 'Ended' } as const;

export default async function WorkshopsPage() {
  const identity = await currentIdentity();
  const hub = getWorkshopHub();
  if (!canCreateWorkshops(identity) || !hub) {
    return (
      <main className="page">
        <h1>Workshops</h1>
        <p>Workshops are run by instructors. {identity?.role === 'guest' ? <><Link href="/signin?next=/workshops">Sign in</Link> with an instructor account to run one.</> : 'Your account is not an instructor account.'}</p>
        <p>
          Joining one? <Link href="/join">Enter your join code</Link>.
        </p>
      </main>
    );
  }
  const rows = await hub.service.listFor(identity!.userId);
  const now = Date.now();
  return (
    <main className="page">
      <h1>Your workshops</h1>
      <p>
        <Link className="button" href="/workshops/new">
          New workshop
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="muted">No workshops yet.</p>
      ) : (
        <ul className="card-list" data-testid="workshop-list">
          {rows.map((w) => (
            <li key={w.id}>
              <Link href={`/workshops/${w.id}`}>{w.title}</Link> · {PHASE[phaseOf(w, now)]} · code <code>{formatCode(w.code)}</code>
              <br />
              <span className="muted">
                {w.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC to {w.endsAt.toISOString().slice(11, 16)} UTC · {(JSON.parse(w.labSlugs) as string[]).length} lab(s)
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
