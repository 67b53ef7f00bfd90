// /exams/<slug>: the exam's introduction and rules, Start (or Resume), and the candidate's past
// attempts with their score reports.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getExamService } from '../../../../server/exam-context';
import { currentIdentity } from '../../../lib/identity';
import { examShape, findExam } from '../exam-data';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const exam = findExam((await params).slug);
  return exam ? { title: exam.title, description: exam.summary } : {};
}

export default async function ExamIntroPage({ params }: { params: Promise<{ slug: string }> }) {
  const exam = findExam((await params).slug);
  if (!exam) notFound();
  const me = await currentIdentity();
  const service = getExamService();
  const running = me && service ? await service.running(me.userId, exam.slug) : undefined;
  const past = me && service ? (await service.attemptsOf(me.userId, exam.slug)).filter((a) => a.endedAt !== undefined) : [];
  const contexts = Object.keys(exam.clusters);
  return (
    <main className="page">
      <p className="muted">
        <Link href="/exams">Practice exams</Link> · {exam.style}-style
      </p>
      <h1>{exam.title}</h1>
      <p>{exam.summary}</p>
      <h2>The exam</h2>
      <ul>
        <li>
          {exam.durationMinutes} minutes, {examShape(exam)}; you pass with {exam.passPercent}% of the points.
        </li>
        <li>
          Each task names the context to use ({contexts.map((c, i) => (
            <span key={c}>
              {i > 0 && ', '}
              <code>{c}</code>
            </span>
          ))}). Switch with{' '}
          <code>kubectl config use-context &lt;name&gt;</code>; <code>ssh</code> reaches the nodes of the current context&rsquo;s cluster.
        </li>
        <li>Tasks carry different weights; a task earns its share of the points for each check it passes.</li>
      </ul>
      <h2>Rules</h2>
      <ul>
        <li>The countdown starts when you press Start and does not stop, even if you close the page. You are warned at 30, 15 and 5 minutes.</li>
        <li>Nothing is graded while the exam runs. When the time is up (or when you end the exam) every task is graded from the clusters as they are at that moment; work after that is not scored.</li>
        <li>Flag the tasks you want to come back to. The kubernetes.io documentation is allowed, as in the real exam.</li>
      </ul>
      {!service ? (
        <p className="muted">Exams need the Kubelab server (npm start).</p>
      ) : running ? (
        <p>
          <Link className="button" href={`/exams/${exam.slug}/attempt`}>
            Resume the exam
          </Link>{' '}
          <span className="muted">{Math.max(1, Math.ceil((running.deadline - Date.now()) / 60_000))} minutes left</span>
        </p>
      ) : (
        <form method="post" action={`/api/exams/${exam.slug}/attempts`}>
          <button type="submit" className="button">
            Start the exam
          </button>
        </form>
      )}
      {past.length > 0 && (
        <>
          <h2>Your attempts</h2>
          <ul>
            {past.map((a) => (
              <li key={a.id}>
                <Link href={`/exams/${exam.slug}/attempts/${a.id}`}>{new Date(a.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</Link>: {a.grade ? `${a.grade.total}% — ${a.grade.passed ? 'passed' : 'not passed'}` : 'not graded'}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
