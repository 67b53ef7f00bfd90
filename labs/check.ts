// npm run labs:check — validates every lab definition, then replays each lab's solution in a
// fresh sandbox (see replay.ts). Prints a summary per lab; exits 1 when anything is wrong.
import { LabDefinitionError, labSlugs, loadLab, type LoadedLab } from './load';
import { replayLab } from './replay';
import { validateLab } from './validate';

export interface LabCheckResult {
  slug: string;
  ok: boolean;
  lines: string[];
}

export async function checkLab(slug: string): Promise<LabCheckResult> {
  let lab: LoadedLab;
  try {
    lab = loadLab(slug);
  } catch (e) {
    return { slug, ok: false, lines: e instanceof LabDefinitionError ? e.problems : [(e as Error).message] };
  }
  const invalid = validateLab(lab);
  if (invalid.length) return { slug, ok: false, lines: invalid };
  const report = await replayLab(lab);
  if (report.problems.length === 0) return { slug, ok: true, lines: [`${lab.steps.length} steps, ${report.checks} checks: all fail at the start and pass after the solution`] };
  const lines = report.problems.map((p) => `${[p.step && `step ${p.step}`, p.check && `check ${p.check}`].filter(Boolean).join(', ') || 'lab'}: ${p.message}`);
  return { slug, ok: false, lines: [...lines, '--- terminal transcript ---', ...report.transcript.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).slice(-60)] };
}

export async function checkAllLabs(slugs = labSlugs()): Promise<LabCheckResult[]> {
  const results: LabCheckResult[] = [];
  for (const slug of slugs) results.push(await checkLab(slug));
  return results;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results = await checkAllLabs(only.length ? only : undefined);
  for (const r of results) {
    console.log(`${r.ok ? '✓' : '✗'} ${r.slug}`);
    for (const line of r.lines) console.log(`    ${line}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} of ${results.length} labs pass.`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && /labs[/\\]check\.ts$/.test(process.argv[1])) await main();
