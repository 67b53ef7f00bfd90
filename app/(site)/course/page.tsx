import type { Metadata } from 'next';
import Link from 'next/link';
import { labCatalog, type LabMeta } from '../../../labs/catalog';
import { listLessons, type LessonMeta } from '../../lib/content';
import { learnerProgress } from '../../lib/progress';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Course', description: 'Every lesson and lab in order, with your progress.' };

type Item = { kind: 'lesson'; lesson: LessonMeta } | { kind: 'lab'; lab: LabMeta };

/** Lessons in their order, each followed by the labs that build on it; other labs at the end. */
function outline(lessons: LessonMeta[], labs: LabMeta[]): Item[] {
  const placed = new Set<string>();
  const items: Item[] = [];
  for (const lesson of lessons) {
    items.push({ kind: 'lesson', lesson });
    for (const lab of labs) {
      if (placed.has(lab.slug) || lab.lessons[0] !== lesson.slug) continue;
      placed.add(lab.slug);
      items.push({ kind: 'lab', lab });
    }
  }
  for (const lab of labs) if (!placed.has(lab.slug)) items.push({ kind: 'lab', lab });
  return items;
}

export default async function CoursePage() {
  const [lessons, labs] = [await listLessons(), labCatalog()];
  const progress = await learnerProgress(labs);
  const items = outline(lessons, labs);
  const totalSteps = labs.reduce((n, l) => n + l.steps.length, 0) + lessons.length;
  const doneSteps = [...progress.labSteps.values()].flat().filter(Boolean).length + lessons.filter((l) => progress.lessonsRead.has(l.slug)).length;
  const percent = totalSteps ? Math.round((doneSteps / totalSteps) * 100) : 0;
  return (
    <main className="page">
      <h1>The course</h1>
      <p>
        Read a lesson, then do its lab in your own cluster. Your progress: <strong data-testid="course-progress">{percent}%</strong> ({doneSteps} of {totalSteps} lessons and lab steps).
      </p>
      <div className="course-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Course progress">
        <div style={{ width: `${percent}%` }} />
      </div>
      <ol className="outline">
        {items.map((item) =>
          item.kind === 'lesson' ? (
            <li key={`lesson-${item.lesson.slug}`} data-lesson={item.lesson.slug}>
              <span className="kind">Lesson</span>
              <Link href={`/lessons/${item.lesson.slug}`}>{item.lesson.title}</Link>
              {progress.lessonsRead.has(item.lesson.slug) && <span className="done"> ✓ read</span>}
              <div className="muted">{item.lesson.summary}</div>
            </li>
          ) : (
            <LabItem key={`lab-${item.lab.slug}`} lab={item.lab} steps={progress.labSteps.get(item.lab.slug) ?? []} />
          ),
        )}
      </ol>
    </main>
  );
}

function LabItem({ lab, steps }: { lab: LabMeta; steps: boolean[] }) {
  const done = steps.filter(Boolean).length;
  return (
    <li data-lab={lab.slug} data-steps-done={done}>
      <span className="kind">Lab</span>
      <Link href={`/labs/${lab.slug}`}>{lab.title}</Link>{' '}
      <span className={done === lab.steps.length ? 'done' : 'muted'}>
        {done === lab.steps.length ? '✓ complete' : `${done} of ${lab.steps.length} steps done`}
      </span>
      <div className="muted">
        {lab.summary} {lab.level}, about {lab.minutes} minutes.
      </div>
      <ul className="muted" style={{ margin: '0.3rem 0 0', paddingLeft: '1.2rem', fontSize: '0.9rem' }}>
        {lab.steps.map((s, i) => (
          <li key={s.id} style={{ border: 0, padding: 0 }}>
            {steps[i] ? '✓' : '○'} {s.title}
          </li>
        ))}
      </ul>
    </li>
  );
}
