// /exams/<slug>/attempts/<id>: the score report — total, pass or fail, every task's points and
// checks, and each task's solution. Only the candidate (and admins) may see it; anyone else gets
// the same 404 as for an attempt that does not exist.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getExamService } from '../../../../../../server/exam-context';
import { isRefusal } from '../../../../../../server/exam-service';
import { renderLabStep } from '../../../../../lib/content';
import { currentIdentity } from '../../../../../lib/identity';
import { findExam } from '../../../exam-data';
import { examMarkdownComponents } from '../../../focusable-pre';
import styles from './report.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Score report' };

export default async function ReportPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const exam = findExam(slug);
  const service = getExamService();
  if (!exam || !service) notFound();
  const attempt = await service.attemptFor(await currentIdentity(), id);
  if (isRefusal(attempt) || attempt.examSlug !== slug) notFound();
  if (!attempt.grade) {
    return (
      <main className="page">
        <h1>{exam.title}: the exam is still running</h1>
        <p>
          The score report appears when the time is up or when you end the exam. <Link href={`/exams/${slug}/attempt`}>Back to the exam</Link>
        </p>
      </main>
    );
  }
  const { grade } = attempt;
  const scores = new Map(grade.tasks.map((t) => [t.taskId, t]));
  const tasks = await Promise.all(exam.tasks.map(async (t) => ({ task: t, Solution: await renderLabStep(t.solution), score: scores.get(t.id) })));
  return (
    <main className="page">
      <p className="muted">
        <Link href="/exams">Practice exams</Link> · <Link href={`/exams/${slug}`}>{exam.title}</Link>
      </p>
      <h1>Score report</h1>
      <section aria-label="Result" className={styles.summary} data-testid="exam-result" data-passed={grade.passed}>
        <p className={styles.total}>
          <strong data-testid="exam-total">{grade.total}%</strong> — {grade.passed ? 'Passed' : 'Not passed'} (pass mark {grade.passPercent}%)
        </p>
        <p className="muted">
          {attempt.endReason === 'deadline' ? 'Graded when the time ran out' : 'Graded when you ended the exam'}, {new Date(attempt.endedAt!).toISOString().slice(0, 19).replace('T', ' ')} UTC.
          {attempt.flags.length > 0 && ` You had flagged ${attempt.flags.length} task${attempt.flags.length === 1 ? '' : 's'}.`}
        </p>
      </section>
      <ol className={styles.tasks}>
        {tasks.map(({ task, Solution, score }, i) => {
          const full = score !== undefined && score.score === score.weight;
          return (
            <li key={task.id} className={styles.task} data-task={task.id} data-passed={full}>
              <h2>
                Task {i + 1}: {task.title}{' '}
                <span className={full ? styles.pass : styles.fail}>
                  {score?.score ?? 0} / {task.weight} points
                </span>
              </h2>
              <p className="muted">
                Context <code>{task.context}</code>
                {attempt.flags.includes(task.id) && ' · flagged'}
              </p>
              <ul className={styles.checks} aria-label={`Checks of task ${i + 1}`}>
                {(score?.checks ?? []).map((c) => (
                  <li key={c.id} data-check={c.id} data-state={c.passed ? 'passed' : 'failed'}>
                    <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <span className={styles.srOnly}>{c.passed ? 'Passed:' : 'Failed:'}</span> {c.title}
                    {!c.passed && c.message && <span className="muted"> — {c.message}</span>}
                  </li>
                ))}
              </ul>
              <details className={styles.solution}>
                <summary>Solution</summary>
                <Solution components={examMarkdownComponents} />
              </details>
            </li>
          );
        })}
      </ol>
      <p>
        <Link href={`/exams/${slug}`}>Take the exam again</Link>
      </p>
    </main>
  );
}
