// A complete practice exam through the real UI: start the CKAD practice exam, see the countdown,
// flag a task, do one task in the terminal (kubectl on context k8s-a), jump the page's clock to
// the 30, 15 and 5-minute warnings, end the exam, and read the score report: that task passed,
// the others failed, every task with its solution. Another learner gets a 404 for the report.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { terminalText, typeInTerminal } from './helpers';

const EXAM = 'ckad-practice';

/** axe's serious and critical findings (WCAG 2.1 A/AA) on the page's own content. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a complete practice exam: countdown, flag, one task done, end, score report', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await page.goto('/exams');
  await page.getByRole('link', { name: 'CKAD practice exam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CKAD practice exam' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page).toHaveURL(new RegExp(`/exams/${EXAM}/attempt$`));

  // The countdown runs from the server's 120 minutes; nothing is graded on this page.
  const timer = page.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText(/^(2:00:00|1:59:[0-5]\d)$/);
  await expect(page.locator('[data-check]')).toHaveCount(0);

  // Flag the second task; the flag is the server's (kept across a reload).
  const questions = page.getByRole('navigation', { name: 'Questions' });
  await questions.locator('[data-task="secret-volume"]').click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await expect(page.getByRole('button', { name: 'Flagged ⚑' })).toHaveAttribute('aria-pressed', 'true');
  await expect(questions.locator('[data-task="secret-volume"]')).toHaveAttribute('data-flagged', 'true');

  // One task, done in the terminal on the context it names.
  await questions.locator('[data-task="expose-deployment"]').click();
  await expect(page.getByTestId('task-context')).toHaveText('k8s-a');
  await expect(page.locator('section[data-status="attached"]')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$/m);
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible(); // vi and nano open their files there
  await typeInTerminal(page, 'kubectl config get-contexts');
  await expect.poll(() => terminalText(page)).toMatch(/\*\s+k8s-a\s+k8s-a/);
  await typeInTerminal(page, 'kubectl config use-context k8s-a && kubectl create deployment api -n ckad --image=httpd:2.4 --replicas=2 && kubectl expose deployment api -n ckad --port=8080 --target-port=80');
  await expect.poll(() => terminalText(page)).toContain('service/api exposed');
  await typeInTerminal(page, 'kubectl rollout status deployment/api -n ckad');
  await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('deployment "api" successfully rolled out');

  await page.screenshot({ path: testInfo.outputPath('exam-attempt.png'), fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Questions' }).locator('[data-task="secret-volume"]')).toHaveAttribute('data-flagged', 'true');

  // The warnings, without waiting: the page's clock jumps (the server's deadline stays put).
  const warning = page.getByTestId('exam-warning');
  await page.clock.fastForward('01:30:00');
  await expect(warning).toHaveText('30 minutes left in the exam.');
  await expect(timer).toHaveText(/^(30:00|[12]\d:[0-5]\d)$/);
  await page.clock.fastForward('15:00');
  await expect(warning).toHaveText('15 minutes left in the exam.');
  await page.clock.fastForward('10:00');
  await expect(warning).toHaveText('5 minutes left in the exam.');
  await expect(warning).toHaveAttribute('aria-live', 'assertive');

  await page.getByRole('button', { name: 'End exam' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await expect(page).toHaveURL(new RegExp(`/exams/${EXAM}/attempts/[a-z0-9]+$`), { timeout: 60_000 });
  const report = page.url();

  // The report: that task passed with every check, the others failed; solutions for each.
  await expect(page.getByRole('heading', { level: 1, name: 'Score report' })).toBeVisible();
  await expect(page.getByTestId('exam-total')).toHaveText('5%');
  await expect(page.getByTestId('exam-result')).toHaveAttribute('data-passed', 'false');
  const done = page.locator('li[data-task="expose-deployment"]');
  await expect(done).toHaveAttribute('data-passed', 'true');
  await expect(done.locator('[data-state="passed"]')).toHaveCount(3);
  await expect(page.locator('li[data-task][data-passed="false"]')).toHaveCount(16);
  await expect(page.locator('li[data-task="secret-volume"]')).toContainText('flagged');
  const job = page.locator('li[data-task="job"]');
  await job.getByText('Solution').click();
  await expect(job).toContainText('kubectl create job batch-report');
  await page.screenshot({ path: testInfo.outputPath('exam-report.png'), fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);

  // Nobody else sees it (a fresh browser context is another guest).
  const other = await browser.newContext();
  const stranger = await other.newPage();
  const response = await stranger.goto(report);
  expect(response?.status()).toBe(404);
  await other.close();
});
