// The key test: every practice exam validates, and every task's solution, typed exactly as its
// ```bash blocks give it, turns each of its checks from failing to passing (exams/replay.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExam } from './check';
import { examSlugs, loadExam } from './load';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

describe('exam solutions replayed', () => {
  it('mini-exam (fixture): every check fails at the start and passes after its solution', async () => {
    const r = await checkExam('mini-exam', FIXTURES);
    expect(r.lines.join('\n')).toBe('3 tasks, 4 checks: all fail at the start and pass after the solutions, each task also alone');
  }, 120_000);

  for (const slug of examSlugs()) {
    it(`${slug}: validates, every check fails at the start and passes after its solution, in one run and each task alone`, async () => {
      const r = await checkExam(slug);
      const exam = loadExam(slug);
      expect(r.lines.join('\n')).toBe(`${exam.tasks.length} tasks, ${exam.tasks.reduce((n, t) => n + t.checks.length, 0)} checks: all fail at the start and pass after the solutions, each task also alone`);
      expect(r.ok).toBe(true);
    }, 240_000);
  }

  it('a task whose solution does nothing is reported with its checks', async () => {
    const exam = loadExam('mini-exam', FIXTURES);
    const idle = { ...exam, tasks: exam.tasks.map((t) => (t.id === 'scale-api' ? { ...t, solutionCommands: ['kubectl config use-context k8s-b', 'kubectl get deployments -n shop'] } : t)) };
    const { replayExam } = await import('./replay');
    const report = await replayExam(idle);
    expect(report.problems.map((p) => `${p.task}/${p.check}: ${p.message}`)).toEqual([
      "scale-api/api-ready: fails right after the task's solution: Deployment `api` has `{.spec.replicas}` = `1`; it should be `3`.",
      'scale-api/api-ready: fails after every task is done: Deployment `api` has `{.spec.replicas}` = `1`; it should be `3`.',
    ]);
  }, 120_000);

  it('a task that only works after another task is caught when replayed alone', async () => {
    const exam = loadExam('mini-exam', FIXTURES);
    const first = exam.tasks[0];
    const second = { ...first, id: 'second-pod', checks: [{ id: 'web2', title: 'Pod apex/web2', object: { kind: 'Pod', name: 'web2', namespace: 'apex' } }], solutionCommands: ['kubectl config use-context k8s-a', 'kubectl run web2 --image=nginx:1.27 -n apex'] };
    const dependent = { ...exam, tasks: [first, second] };
    const { replayExam, replayTasksAlone } = await import('./replay');
    expect((await replayExam(dependent)).problems).toEqual([]);
    expect((await replayTasksAlone(dependent)).map((p) => `${p.task}/${p.check ?? ''}: ${p.message}`)).toEqual([
      'second-pod/: `kubectl run web2 --image=nginx:1.27 -n apex` exited with status 1',
      'second-pod/web2: fails when the task is done alone: No Pod `web2` in namespace `apex` yet.',
    ]);
  }, 120_000);
});
