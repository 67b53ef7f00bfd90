// npm run exams:check [slug…] — validates every exam (or those named), then replays each exam's
// solutions in fresh clusters, all in one terminal and then each task alone (see replay.ts). Prints a summary per exam and, for one that fails,
// the problems and the end of the terminal; exits 1 when anything is wrong.
import { ExamDefinitionError, examSlugs, loadExam, type LoadedExam } from './load';
import { replayExam, replayTasksAlone } from './replay';
import { validateExam } from './validate';

export interface ExamCheckResult {
  slug: string;
  ok: boolean;
  lines: string[];
}

export async function checkExam(slug: string, dir?: string): Promise<ExamCheckResult> {
  let exam: LoadedExam;
  try {
    exam = loadExam(slug, dir);
  } catch (e) {
    return { slug, ok: false, lines: e instanceof ExamDefinitionError ? e.problems : [(e as Error).message] };
  }
  const invalid = validateExam(exam);
  if (invalid.length) return { slug, ok: false, lines: invalid };
  const report = await replayExam(exam);
  const problems = [...report.problems, ...(report.problems.length ? [] : await replayTasksAlone(exam))];
  if (problems.length === 0) return { slug, ok: true, lines: [`${report.tasks} tasks, ${report.checks} checks: all fail at the start and pass after the solutions, each task also alone`] };
  const lines = problems.map((p) => `task ${p.task}${p.check ? `, check ${p.check}` : ''}: ${p.message}`);
  return { slug, ok: false, lines: [...lines, '--- terminal transcript ---', ...report.transcript.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).slice(-80)] };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: ExamCheckResult[] = [];
  for (const slug of only.length ? only : examSlugs()) results.push(await checkExam(slug));
  for (const r of results) {
    console.log(`${r.ok ? '✓' : '✗'} ${r.slug}`);
    for (const line of r.lines) console.log(`    ${line}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} of ${results.length} exams pass.`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && /exams[/\\]check\.ts$/.test(process.argv[1])) await main();
