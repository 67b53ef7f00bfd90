// `npm test`: every test. Unit and engine tests (vitest, including the real-kubectl ones), then
// the browser tests (Playwright in Debian's Chromium, installed here when we are root).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ROOT, ensureDependencies, ensurePrismaClient, run } from './lib.mjs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const command = 'apt-get update && apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    console.error(`[kubelab] Chromium is missing (${CHROMIUM}). Install it, then run npm test again:\n\n  sudo sh -c '${command}'\n`);
    process.exit(1);
  }
  console.log(`[kubelab] installing Chromium: ${command}`);
  const status = run('sh', ['-c', command], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`[kubelab] could not install Chromium; run as root:\n\n  ${command}\n`);
    process.exit(1);
  }
}

ensureDependencies();
ensurePrismaClient();
const bin = (pkg, path) => join(ROOT, 'node_modules', pkg, path);

// Types first: the whole project, then the engine alone with no Node or DOM libraries (its purity).
console.log('[kubelab] type-check (tsc: the project, then the engine without Node or DOM)');
const types = [
  run(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']),
  run(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'sandbox/engine/tsconfig.json']),
].every((status) => status === 0);

console.log('[kubelab] unit, engine and kubectl tests (vitest)');
// The JSON report lets the end of the output name every failed test: CI shows only the last lines.
const VITEST_REPORT = join(ROOT, 'test-results', 'vitest.json');
rmSync(VITEST_REPORT, { force: true });
const unit = run(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]);


ensureChromium();
console.log('[kubelab] browser tests (Playwright, Chromium)');
const e2e = run(process.execPath, [bin('@playwright/test', 'cli.js'), 'test']);

/** Each failed vitest test with the first lines of its failure, for the last screen of the output. */
function vitestFailures() {
  if (!existsSync(VITEST_REPORT)) return ['(no vitest report: vitest did not finish)'];
  const report = JSON.parse(readFileSync(VITEST_REPORT, 'utf8'));
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.replace(`${ROOT}/`, '');
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) lines.push(`FAIL ${where}: ${String(file.message ?? '').split('\n').slice(0, 6).join('\n    ')}`);
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const why = (t.failureMessages ?? []).join('\n').split('\n').slice(0, 8).join('\n    ');
      lines.push(`FAIL ${where} > ${t.fullName}\n    ${why}`);
    }
  }
  return lines;
}

if (unit !== 0) console.error(`[kubelab] vitest failures:\n${vitestFailures().join('\n')}`);
if (!types) console.error('[kubelab] the type-check failed (see the tsc errors above)');
if (!types || unit !== 0 || e2e !== 0) {
  console.error(`[kubelab] tests failed: type-check ${types ? 'passed' : 'failed'}, vitest exit ${unit}, playwright exit ${e2e}`);
  process.exit(1);
}
console.log('[kubelab] all tests passed');
