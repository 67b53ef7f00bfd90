// Browser tests in Debian's Chromium (Playwright cannot download its own browsers here).
// The server is the real one (`npm start`) on its own port and database.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://localhost:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_URL: 'file:./data/e2e.db',
      NODE_ENV: 'production',
      // Accounts signing up with these (or name+anything@kubelab.test) are admins (≥ instructor).
      ADMIN_EMAILS: 'admin@kubelab.test,instructor@kubelab.test',
      // Every test signs in from 127.0.0.1: the per-IP sign-in limit (5 a minute) is unit-tested.
      SIGNIN_RATE_LIMIT_PER_MINUTE: '60',
    },
  },
});
