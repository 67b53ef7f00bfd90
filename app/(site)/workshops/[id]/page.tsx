// /workshops/<id>: the instructor's live dashboard, or for a participant the workshop's labs and
// messages; anyone else sees a 404 (a workshop id is not a secret, but its contents are).
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getWorkshopHub } from '../../../../server/workshop-hub';
import { labSlugsOf } from '../../../../server/workshop-service';
import { canManage, phaseOf } from '../../../../workshops/access';
import { currentIdentity } from '../../../lib/identity';
import { Dashboard } from './dashboard';
import styles from '../workshops.module.css';

export const metadata: Metadata = { title: 'Workshop' };
export const dynamic = 'force-dynamic';

export default async function WorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const hub = getWorkshopHub();
  const identity = await currentIdentity();
  const w = hub && identity && id.length <= 200 ? await hub.service.get(id) : null;
  if (!hub || !identity || !w) notFound();
  if (canManage(identity, w)) {
    const h = await headers();
    const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
    return (
      <main className={styles.wide}>
        <Dashboard workshopId={w.id} origin={origin} />
      </main>
    );
  }
  if (!(await hub.service.isParticipant(w.id, identity.userId))) notFound();
  const view = hub.service.view(w);
  const phase = phaseOf(w, Date.now());
  const follows = await hub.service.follows(identity.userId, labSlugsOf(w)[0]!);
  const messages = follows.find((f) => f.workshopId === w.id)?.messages.filter((m) => m.kind === 'broadcast') ?? [];
  return (
    <main className="page">
      <h1>{w.title}</h1>
      {phase === 'ended' ? (
        <p role="status" className="notice">This workshop has ended. Your work stays in your labs.</p>
      ) : (
        <p className="muted">
          {phase === 'scheduled' ? 'Starts' : 'Started'} {w.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ends {w.endsAt.toISOString().slice(11, 16)} UTC
        </p>
      )}
      <h2>Labs</h2>
      <ol className="card-list" data-testid="workshop-labs">
        {view.labs.map((l) => (
          <li key={l.slug}>
            <Link href={`/labs/${l.slug}`}>{l.title}</Link> <span className="muted">· {l.steps.length} steps</span>
          </li>
        ))}
      </ol>
      {messages.length > 0 && (
        <>
          <h2>From your instructor</h2>
          <ul className={styles.messages}>
            {messages.map((m) => (
              <li key={m.id}>{m.text}</li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
