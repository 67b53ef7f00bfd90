// Checks of an exam that the schema cannot see: its TypeScript checks are registered, each task
// says which context to use and its solution switches to it first, setup actions name nodes the
// task's cluster has, and the Markdown only uses extensions the pages understand.
import { lessonSlugsOnDisk, markdownProblems } from '../labs/validate';
import { compileTask } from './grading';
import type { LoadedExam } from './load';

/** Node names of a cluster built with `workers` workers (as createDefaultCluster names them). */
function nodeNames(workers: number): string[] {
  return ['controlplane', ...Array.from({ length: workers }, (_, i) => `node${String(i + 1).padStart(2, '0')}`)];
}

export function validateExam(exam: LoadedExam, lessons = lessonSlugsOnDisk()): string[] {
  const file = `exams/${exam.slug}/exam.yaml`;
  const problems: string[] = [];
  exam.tasks.forEach((task, i) => {
    const at = `${file}: tasks[${i}] (${task.id})`;
    try {
      compileTask(task);
    } catch (e) {
      problems.push(`${at}: ${(e as Error).message}`);
    }
    if (!task.text.includes(`use-context ${task.context}`)) problems.push(`${at}.text: tell the candidate which context to use (\`kubectl config use-context ${task.context}\`)`);
    if (task.solutionCommands[0]?.trim() !== `kubectl config use-context ${task.context}`) problems.push(`${at}.solution: the first command must be \`kubectl config use-context ${task.context}\``);
    for (const lesson of task.lessons) if (!lessons.includes(lesson)) problems.push(`${at}.lessons: no lesson ${lesson} in content/lessons`);
    const nodes = nodeNames(exam.clusters[task.context]?.workers ?? 0);
    for (const [j, action] of task.setup.actions.entries()) {
      const node = action.failNode ?? action.recoverNode ?? action.stopComponent?.node ?? action.startComponent?.node;
      if (node !== undefined && !nodes.includes(node)) problems.push(`${at}.setup.actions[${j}]: cluster ${task.context} has no node ${node} (nodes: ${nodes.join(', ')})`);
    }
    for (const [key, list] of [['nodeFiles', task.setup.nodeFiles], ['nodeCommands', task.setup.nodeCommands]] as const) {
      for (const [j, { node }] of list.entries()) if (!nodes.includes(node)) problems.push(`${at}.setup.${key}[${j}]: cluster ${task.context} has no node ${node} (nodes: ${nodes.join(', ')})`);
    }
    const markdown = [...markdownProblems(`${at}.text`, task.text, [], []), ...markdownProblems(`${at}.solution`, task.solution, [], [])];
    problems.push(...markdown.filter((p) => !/links to lesson|editor link/.test(p)));
  });
  return problems;
}
