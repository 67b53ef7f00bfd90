import type { Metadata } from 'next';
import Link from 'next/link';
import { labCatalog } from '../../../labs/catalog';

export const metadata: Metadata = { title: 'Labs', description: 'Every hands-on lab: your own cluster, a terminal, an editor and live checks.' };

// Static: the catalogue is data; each learner's progress is on the course page and dashboard.
export default function LabsPage() {
  const labs = labCatalog();
  return (
    <main className="page">
      <h1>Labs</h1>
      <p>Each lab opens your own cluster in the browser: a terminal with kubectl, an editor, and checks that turn green as the cluster changes.</p>
      <ul className="card-list">
        {labs.map((lab) => (
          <li key={lab.slug} data-lab={lab.slug}>
            <Link href={`/labs/${lab.slug}`}>{lab.title}</Link>
            <div className="muted">
              {lab.summary} {lab.level}, about {lab.minutes} minutes, {lab.steps.length} steps.
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
