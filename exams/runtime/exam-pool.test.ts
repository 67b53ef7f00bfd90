// An exam sandbox in a real worker thread (as `npm start` runs it): the worker finds the exam by
// the sandbox's name, builds its clusters, and gradeExam's result crosses the thread as JSON.
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxPool } from '../../sandbox/session/pool';
import { MemorySandboxStore } from '../../sandbox/session/store';
import { loadExam } from '../load';
import type { ExamGrade } from './result';
import { examSandboxSlug } from './slug';

const pool = new SandboxPool({ store: new MemorySandboxStore(), size: 1, saveDelayMs: 50, log: () => {} });
afterAll(() => pool.shutdown());

describe('an exam sandbox in the worker pool', () => {
  it('is built from the exam in the worker and graded there, every task on its own context', async () => {
    await pool.ready();
    const exam = loadExam('ckad-practice');
    const h = await pool.open('pool-candidate', examSandboxSlug('ckad-practice', 'cpooltest0000000000000001'));
    let out = '';
    h.addListener({ output: (d: string) => void (out += d) });
    await h.call('input', 'kubectl config get-contexts -o name\r');
    const until = Date.now() + 20_000;
    while (!out.includes('k8s-b') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain('k8s-a\r\nk8s-b\r\n');
    const grade = (await h.call('gradeExam')) as ExamGrade;
    expect(grade).toMatchObject({ examSlug: 'ckad-practice', total: 0, passed: false, passPercent: exam.passPercent });
    expect(grade.tasks.map((t) => t.taskId)).toEqual(exam.tasks.map((t) => t.id));
    expect(grade.tasks.every((t) => t.checks.length > 0 && t.checks.every((c) => !c.passed))).toBe(true);
  }, 60_000);
});
