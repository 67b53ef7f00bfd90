import Link from 'next/link';
import { labCatalog } from '../../labs/catalog';
import { listLessons } from '../lib/content';

export default async function Home() {
  const lessons = await listLessons();
  return (
    <main className="page">
      <h1>Learn Kubernetes by running it</h1>
      <p>
        Read how a cluster works, then try it in your own cluster, right here in the browser: a terminal with <code>kubectl</code>, an editor for your
        YAML, and checks that turn green as the cluster changes. No sign-up; your progress is kept in this browser.
      </p>
      <h2>Lessons</h2>
      <ul className="card-list">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link href={`/lessons/${l.slug}`}>{l.title}</Link>
            <div className="muted">{l.summary}</div>
          </li>
        ))}
      </ul>
      <h2>Labs</h2>
      <ul className="card-list">
        {labCatalog().map((lab) => (
          <li key={lab.slug}>
            <Link href={`/labs/${lab.slug}`}>{lab.title}</Link>
            <div className="muted">
              {lab.summary} About {lab.minutes} minutes.
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
