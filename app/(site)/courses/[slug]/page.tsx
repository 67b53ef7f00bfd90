// /courses/<slug>: a course's modules, each lesson and lab with the visitor's status, their
// percentage, "Continue" (where they left off), the practice exams, and the certificate once complete.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { courseItems, itemKey } from '../../../../courses/schema';
import type { CourseProgress, ItemProgress } from '../../../../courses/progress';
import { getServerContext } from '../../../../server/context';
import { examTitle, findCourse, itemInfo, learnerCourses, type ItemInfo } from '../../../lib/courses';
import { currentIdentity } from '../../../lib/identity';
import { ContinueLink, ProgressBar, StatusBadge, courseStyles as styles, kindLabel } from '../parts';

export const dynamic = 'force-dynamic';

const Params = z.object({ slug: z.string().max(80) });

export async function generateMetadata({ params }: { params: Promise<unknown> }): Promise<Metadata> {
  const parsed = Params.safeParse(await params);
  const course = parsed.success ? findCourse(parsed.data.slug) : undefined;
  return course ? { title: course.title, description: course.summary } : {};
}

export default async function CoursePage({ params }: { params: Promise<unknown> }) {
  const parsed = Params.safeParse(await params);
  const course = parsed.success ? findCourse(parsed.data.slug) : undefined;
  if (!course) notFound();
  const me = await currentIdentity();
  const mine = await learnerCourses(getServerContext()?.db, me?.userId);
  const progress = mine.progress.find((p) => p.course.slug === course.slug)!;
  const certificate = mine.certificates.find((c) => c.courseSlug === course.slug);
  const info = await itemInfo();
  const items = courseItems(course);
  const lessons = items.filter((i) => i.kind === 'lesson').length;
  const status = new Map(progress.items.map((i) => [itemKey(i), i]));
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/courses">Courses</Link>
      </p>
      <h1>{course.title}</h1>
      <p>{course.summary}</p>
      <ul className={styles.meta}>
        <li>{course.level[0].toUpperCase() + course.level.slice(1)}</li>
        <li>about {course.estimatedHours} hours</li>
        <li>
          {lessons} lessons, {items.length - lessons} labs
        </li>
      </ul>
      <Summary progress={progress} info={info} certificateId={certificate?.id} />
      {course.modules.map((m, i) => (
        <section key={m.title} className={styles.module} aria-labelledby={`module-${i}`}>
          <h2 id={`module-${i}`}>
            {i + 1}. {m.title}
          </h2>
          <ol className={styles.items}>
            {m.items.map((item) => (
              <Item key={itemKey(item)} item={status.get(itemKey(item))!} info={info(item)} resume={progress.resume !== undefined && itemKey(progress.resume) === itemKey(item)} />
            ))}
          </ol>
        </section>
      ))}
      {course.exams.length > 0 && (
        <section className={styles.module} aria-labelledby="exams">
          <h2 id="exams">Practice exams</h2>
          <ul className={styles.items}>
            {course.exams.map((slug) => (
              <li key={slug} className={styles.item} data-exam={slug}>
                <Link href={`/exams/${slug}`}>{examTitle(slug)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function Summary({ progress: p, info, certificateId }: { progress: CourseProgress; info: (item: ItemProgress) => ItemInfo; certificateId?: string }) {
  return (
    <section aria-label="Your progress">
      <p>
        Your progress: <strong data-testid="course-progress">{p.percent}%</strong> ({p.itemsDone} of {p.items.length} lessons and labs done).
      </p>
      <ProgressBar percent={p.percent} label="Course progress" />
      <div className={styles.actions}>
        {p.resume && <ContinueLink info={info(p.resume)} started={p.started} />}
        {p.complete && certificateId && (
          <p>
            You completed this course. <Link href={`/certificates/${certificateId}`}>See your certificate</Link>
          </p>
        )}
      </div>
    </section>
  );
}

function Item({ item, info, resume }: { item: ItemProgress; info: ItemInfo; resume: boolean }) {
  const lab = item.kind === 'lab';
  return (
    <li
      className={styles.item}
      data-status={item.status}
      data-resume={resume}
      {...(lab ? { 'data-lab': item.slug, 'data-steps-done': item.unitsDone } : { 'data-lesson': item.slug })}
    >
      <span>
        <span className={styles.kind}>{kindLabel(item.kind)}</span>
        <Link href={info.href}>{info.title}</Link>
        {resume && <span className="sr-only"> (where you left off)</span>}
      </span>
      <span>
        {lab && item.status === 'in-progress' && (
          <span className="muted">
            {item.unitsDone} of {item.units} steps done{' '}
          </span>
        )}
        <StatusBadge item={item} />
      </span>
      <span className={styles.summary}>
        {info.summary}
        {info.minutes ? ` About ${info.minutes} minutes.` : ''}
      </span>
    </li>
  );
}
