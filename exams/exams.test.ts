// The key test: every practice exam validates, and every task's solution, typed exactly as its
// ```bash blocks give it, turns each of its checks from failing to passing (exams/replay.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examSlugs, loadExam, type LoadedExam } from './load';
import { replayExam } from './replay';
import { validateExam } from './validate';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

async function expectSolutionsPass(exam: LoadedExam): Promise<void> {
  expect(validateExam(exam)).toEqual([]);
  const report = await replayExam(exam);
  const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).slice(-80).join('\n');
  const detail = report.problems.length ? [...report.problems.map((p) => `${p.task}${p.check ? `/${p.check}` : ''}: ${p.message}`), '--- terminal ---', strip(report.transcript)].join('\n') : '';
  expect(report.problems, detail).toEqual([]);
  expect(report.tasks).toBe(exam.tasks.length);
}

describe('exam solutions replayed', () => {
  it('mini-exam (fixture): every check fails at the start and passes after its solution', async () => {
    await expectSolutionsPass(loadExam('mini-exam', FIXTURES));
  }, 120_000);

  for (const slug of examSlugs()) {
    it(`${slug}: every check fails at the start and passes after its solution`, async () => {
      await expectSolutionsPass(loadExam(slug));
    }, 240_000);
  }
});
