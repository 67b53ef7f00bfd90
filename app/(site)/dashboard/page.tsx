// /dashboard: the visitor's own learning across courses — what to do next, courses underway,
// lessons and labs in progress and done, certificates, recent activity. There is no id in the
// address: it is always the visitor's own data (their identity from the request's cookies).
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ActivityEvent } from '../../../courses/dashboard';
import type { ItemProgress } from '../../../courses/progress';
import { getServerContext } from '../../../server/context';
import { findCourse, itemInfo, learnerCourses, learnerDashboard, type ItemInfo } from '../../lib/courses';
import { currentIdentity } from '../../lib/identity';
import { ContinueLink, ProgressBar, StatusBadge, courseStyles as styles, kindLabel } from '../courses/parts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Dashboard', description: 'Your progress across the courses: what is done, in progress and next.' };

type Info = (item: Pick<ItemProgress, 'kind' | 'slug'>) => ItemInfo;

export default async function DashboardPage() {
  const me = await currentIdentity();
  const mine = await learnerCourses(getServerContext()?.db, me?.userId);
  const d = learnerDashboard(mine);
  const info = await itemInfo();
  const certificates = new Map(mine.certificates.map((c) => [c.courseSlug, c.id]));
  return (
    <main className="page">
      <h1>Your dashboard</h1>
      {me?.role === 'guest' && (
        <p className="notice">
          You are learning as a guest: your progress is kept in this browser only. <Link href="/signup">Sign up</Link> to keep it, and any certificate you earn.
        </p>
      )}
      <section className={styles.section} aria-labelledby="next">
        <h2 id="next">Next</h2>
        {d.next.length === 0 && <p className="muted">Nothing waiting: every course you began is complete. <Link href="/courses">Find another course</Link>.</p>}
        <ul className={styles.list}>
          {d.next.map((n) => (
            <li key={n.courseSlug} data-next={n.courseSlug}>
              {findCourse(n.courseSlug)?.title}: <ContinueLink info={info(n.item)} started={d.coursesUnderway.length > 0} />
            </li>
          ))}
        </ul>
      </section>
      {d.coursesUnderway.length > 0 && (
        <section className={styles.section} aria-labelledby="underway">
          <h2 id="underway">Courses in progress</h2>
          <ul className={styles.list}>
            {d.coursesUnderway.map((p) => (
              <li key={p.course.slug} data-course={p.course.slug}>
                <Link href={`/courses/${p.course.slug}`}>{p.course.title}</Link> <strong>{p.percent}%</strong>
                <ProgressBar percent={p.percent} label={`${p.course.title}: progress`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ItemList id="in-progress" title="In progress" items={d.inProgress} info={info} empty="Nothing under way." />
      <ItemList id="done" title="Done" items={d.done} info={info} empty="Nothing done yet: read a lesson or finish a lab and it appears here." />
      {d.coursesComplete.length > 0 && (
        <section className={styles.section} aria-labelledby="certificates">
          <h2 id="certificates">Certificates</h2>
          <ul className={styles.list}>
            {d.coursesComplete.map((p) => (
              <li key={p.course.slug} data-certificate={p.course.slug}>
                {p.course.title} — <Link href={`/certificates/${certificates.get(p.course.slug)}`}>your certificate</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className={styles.section} aria-labelledby="recent">
        <h2 id="recent">Recent activity</h2>
        {d.recent.length === 0 ? (
          <p className="muted">No activity yet.</p>
        ) : (
          <ol className={styles.list}>
            {d.recent.map((e, i) => (
              <li key={i}>
                <EventLine event={e} info={info} />
                <time className={styles.when} dateTime={e.at.toISOString()}>
                  {formatWhen(e.at)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

function ItemList({ id, title, items, info, empty }: { id: string; title: string; items: ItemProgress[]; info: Info; empty: string }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className={styles.list} data-testid={id}>
          {items.map((item) => (
            <li key={`${item.kind}:${item.slug}`} {...(item.kind === 'lab' ? { 'data-lab': item.slug } : { 'data-lesson': item.slug })}>
              <span className={styles.kind}>{kindLabel(item.kind)}</span>
              <Link href={info(item).href}>{info(item).title}</Link> <StatusBadge item={item} />
              {item.kind === 'lab' && item.status === 'in-progress' && (
                <span className="muted">
                  {' '}
                  {item.unitsDone} of {item.units} steps done
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EVENT_TEXT: Record<Exclude<ActivityEvent['kind'], 'certificate'>, string> = {
  'lesson-opened': 'Opened the lesson',
  'lesson-read': 'Read the lesson',
  'lab-started': 'Started the lab',
  'lab-completed': 'Completed the lab',
};

function EventLine({ event, info }: { event: ActivityEvent; info: Info }) {
  if (event.kind === 'certificate') {
    return (
      <>
        Earned the certificate for <Link href={`/certificates/${event.certificateId}`}>{findCourse(event.courseSlug)?.title ?? event.courseSlug}</Link>
      </>
    );
  }
  return (
    <>
      {EVENT_TEXT[event.kind]} <Link href={info(event.item).href}>{info(event.item).title}</Link>
    </>
  );
}

/** A fixed, locale-free form (the server renders it; no client clock, no hydration mismatch). */
function formatWhen(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
