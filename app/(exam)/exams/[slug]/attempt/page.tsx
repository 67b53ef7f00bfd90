// /exams/<slug>/attempt: the running attempt — the terminal (every context's cluster) beside the
// question list, the countdown to the server's deadline, flags, and "End exam". No grading is
// shown here; without a running attempt the page sends the candidate to the exam's introduction.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getExamService } from '../../../../../server/exam-context';
import { renderLabStep } from '../../../../lib/content';
import { currentIdentity } from '../../../../lib/identity';
import { findExam } from '../../../../(site)/exams/exam-data';
import { examMarkdownComponents } from '../../../../(site)/exams/focusable-pre';
import { ExamWorkspaceLoader } from './exam-workspace-loader';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Exam in progress' };

export default async function AttemptPage({ params }: { params: Promise<{ slug: string }> }) {
  const exam = findExam((await params).slug);
  if (!exam) notFound();
  const me = await currentIdentity();
  const service = getExamService();
  const attempt = me && service ? await service.running(me.userId, exam.slug) : undefined;
  if (!attempt) redirect(`/exams/${exam.slug}`);
  const tasks = await Promise.all(
    exam.tasks.map(async (t) => {
      const Text = await renderLabStep(t.text);
      return { id: t.id, title: t.title, weight: t.weight, context: t.context, body: <Text components={examMarkdownComponents} /> };
    }),
  );
  return (
    <ExamWorkspaceLoader
      attempt={{ id: attempt.id, examSlug: exam.slug, sandboxSlug: attempt.sandboxSlug, deadline: attempt.deadline, flags: attempt.flags }}
      title={exam.title}
      tasks={tasks}
      serverNow={Date.now()}
    />
  );
}
