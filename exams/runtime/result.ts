// What an exam attempt keeps once graded (JSON on ExamAttempt.results), and the grade of an
// attempt whose sandbox could not be graded. Type-only imports: the pages read this cheaply.
import type { TaskScore } from '../grading';
import type { LoadedExam } from '../load';

export interface ExamGrade {
  examSlug: string;
  /** Points out of 100. */
  total: number;
  passPercent: number;
  passed: boolean;
  tasks: TaskScore[];
}

/** Every check failed, with why (no sandbox could be graded at all). */
export function failedGrade(exam: LoadedExam, why: string): ExamGrade {
  const tasks = exam.tasks.map((task) => ({ taskId: task.id, weight: task.weight, score: 0, checks: task.checks.map((c) => ({ id: c.id, title: c.title, passed: false, message: why })) }));
  return { examSlug: exam.slug, total: 0, passPercent: exam.passPercent, passed: false, tasks };
}
