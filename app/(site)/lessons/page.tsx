import type { Metadata } from 'next';
import Link from 'next/link';
import { listLessons } from '../../lib/content';

export const metadata: Metadata = { title: 'Lessons', description: 'Every lesson: how a Kubernetes cluster works, component by component.' };

// Static, like the lessons themselves.
export default async function LessonsPage() {
  const lessons = await listLessons();
  return (
    <main className="page">
      <h1>Lessons</h1>
      <p>Short reads on how a cluster works. Most end with a lab that lets you try it in your own cluster.</p>
      <ol className="card-list">
        {lessons.map((l) => (
          <li key={l.slug} data-lesson={l.slug}>
            <Link href={`/lessons/${l.slug}`}>{l.title}</Link>
            <div className="muted">{l.summary}</div>
          </li>
        ))}
      </ol>
    </main>
  );
}
