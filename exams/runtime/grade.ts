// An exam's grades, taken once from every cluster's state at the deadline (or at "End exam"):
// per task, per check, with the points the task earned (exams/grading.ts scores them). Plain JSON,
// stored on the attempt as it is; the score report shows it beside each task's solution.
import type { ApiClient } from '../../sandbox/engine/api/types';
import type { CandidateState, ClusterSet } from '../../sandbox/session/cluster-set';
import { examResult, gradeExamTask, scoreTask } from '../grading';
import type { LoadedExam } from '../load';
import type { ExamGrade } from './result';

export type { ExamGrade };

/** Grades every task on the cluster its context names. */
export function gradeExam(exam: LoadedExam, clusters: ClusterSet, candidate: CandidateState): ExamGrade {
  const clients = new Map<string, ApiClient>();
  const clientOf = (context: string): ApiClient | undefined => {
    if (!clients.has(context)) {
      const engine = clusters.member(context);
      if (engine) clients.set(context, engine.client?.('kubelab-grader') ?? engine.api);
    }
    return clients.get(context);
  };
  const tasks = exam.tasks.map((task) => {
    const api = clientOf(task.context);
    const checks = api
      ? gradeExamTask(task, api, candidate)
      : task.checks.map((c) => ({ id: c.id, title: c.title ?? c.id, passed: false, message: `the cluster ${task.context} is missing from this sandbox` }));
    return scoreTask(task, checks);
  });
  const { total, passed } = examResult(tasks, exam.passPercent);
  return { examSlug: exam.slug, total, passPercent: exam.passPercent, passed, tasks };
}
