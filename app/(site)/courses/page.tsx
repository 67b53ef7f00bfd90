// /courses: the catalogue. Every course as a card; a visitor who has begun one sees its progress
// and where "Continue" leads.
import type { Metadata } from 'next';
import Link from 'next/link';
import { courseItems } from '../../../courses/schema';
import type { CourseProgress } from '../../../courses/progress';
import { getServerContext } from '../../../server/context';
import { itemInfo, learnerCourses, type ItemInfo } from '../../lib/courses';
import { currentIdentity } from '../../lib/identity';
import { ContinueLink, ProgressBar, courseStyles as styles } from './parts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Courses', description: 'Self-paced Kubernetes courses: lessons and labs in your own cluster, with your progress.' };

export default async function CoursesPage() {
  const me = await currentIdentity();
  const mine = await learnerCourses(getServerContext()?.db, me?.userId);
  const info = await itemInfo();
  return (
    <main className="page">
      <h1>Courses</h1>
      <p>Each course is a path through the lessons and labs. Work at your own pace: your progress is saved, and &ldquo;Continue&rdquo; takes you back to where you left off.</p>
      <ul className={styles.cards}>
        {mine.progress.map((p) => (
          <CourseCard key={p.course.slug} progress={p} info={info} />
        ))}
      </ul>
    </main>
  );
}

function CourseCard({ progress: p, info }: { progress: CourseProgress; info: (item: CourseProgress['items'][number]) => ItemInfo }) {
  const items = courseItems(p.course);
  const lessons = items.filter((i) => i.kind === 'lesson').length;
  return (
    <li className={styles.card} data-course={p.course.slug}>
      <h2>
        <Link href={`/courses/${p.course.slug}`}>{p.course.title}</Link>
      </h2>
      <ul className={styles.meta}>
        <li>{p.course.level[0].toUpperCase() + p.course.level.slice(1)}</li>
        <li>about {p.course.estimatedHours} hours</li>
        <li>
          {lessons} lessons, {items.length - lessons} labs
        </li>
      </ul>
      <p className={styles.grow}>{p.course.summary}</p>
      {p.started && (
        <>
          <ProgressBar percent={p.percent} label={`${p.course.title}: progress`} />
          <p className={styles.percent}>
            <strong data-testid="course-percent">{p.percent}%</strong> done{p.complete ? ' — complete ✓' : ''}
          </p>
        </>
      )}
      {p.resume && p.started && <ContinueLink info={info(p.resume)} started />}
      {!p.started && (
        <Link className="button secondary" href={`/courses/${p.course.slug}`}>
          See the course<span className="sr-only">: {p.course.title}</span>
        </Link>
      )}
    </li>
  );
}
