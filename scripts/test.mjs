// `npm test`: every test. Unit and engine tests (vitest, including the real-kubectl ones), then
// the browser tests (Playwright in Debian's Chromium, installed here when we are root).
import { existsSync } from 'node:fs';
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

console.log('[kubelab] unit, engine and kubectl tests (vitest)');
const unit = run(process.execPath, [bin('vitest', 'vitest.mjs'), 'run']);

ensureChromium();
console.log('[kubelab] browser tests (Playwright, Chromium)');
const e2e = run(process.execPath, [bin('@playwright/test', 'cli.js'), 'test']);

if (unit !== 0 || e2e !== 0) {
  console.error(`[kubelab] tests failed: vitest exit ${unit}, playwright exit ${e2e}`);
  process.exit(1);
}
console.log('[kubelab] all tests passed');
