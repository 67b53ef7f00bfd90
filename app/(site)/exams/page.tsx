// /exams: the practice exams, CKA- and CKAD-style, with what each asks of the candidate.
import type { Metadata } from 'next';
import Link from 'next/link';
import { examShape, listExams } from './exam-data';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Practice exams', description: 'Timed CKA- and CKAD-style practice exams in your own clusters, scored task by task.' };

export default function ExamsPage() {
  const exams = listExams();
  return (
    <main className="page">
      <h1>Practice exams</h1>
      <p>
        Work under exam conditions: weighted tasks across several clusters, a countdown, flags for the tasks you want to come back to, and no grading until the end.
        Then a score report per task and per check, with the solutions.
      </p>
      {exams.length === 0 && <p className="muted">No practice exams are installed yet.</p>}
      <ul className="exam-list">
        {exams.map((exam) => (
          <li key={exam.slug} data-exam={exam.slug}>
            <h2>
              <Link href={`/exams/${exam.slug}`}>{exam.title}</Link>
            </h2>
            <p className="muted">
              {exam.style}-style · {exam.durationMinutes} minutes · {examShape(exam)} · pass at {exam.passPercent}%
            </p>
            <p>{exam.summary}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
