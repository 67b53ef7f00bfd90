// The exams the site offers (exams/<slug>/exam.yaml, T's format), for the exam pages.
import { examSlugs, loadExam, type LoadedExam } from '../../../exams/load';

export function listExams(): LoadedExam[] {
  return examSlugs().flatMap((slug) => {
    const exam = findExam(slug);
    return exam ? [exam] : [];
  });
}

export function findExam(slug: string): LoadedExam | undefined {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !examSlugs().includes(slug)) return undefined;
  return loadExam(slug);
}

/** How many clusters and tasks, in words: "2 clusters, 17 tasks". */
export function examShape(exam: LoadedExam): string {
  const clusters = Object.keys(exam.clusters).length;
  return `${clusters} cluster${clusters === 1 ? '' : 's'}, ${exam.tasks.length} tasks`;
}
