// A workshop with an instructor and two learners in three browser contexts: the instructor (an
// ADMIN_EMAILS account) creates it, two guests join by code, one passes a check and the
// dashboard updates live; the instructor watches that learner's terminal read-only and sees what
// they typed; a broadcast reaches the learner's lab page; the CSV export lists both learners.
// Then the lines: another instructor and a learner get a 404 for the dashboard and the CSV.
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectCheck, typeInTerminal, waitAttached } from './helpers';

const LAB = 'cluster-tour';

async function signUp(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('/');
  return page;
}

async function join(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join/${code}`);
  await page.getByLabel('Your name (your instructor sees it)').fill(name);
  await page.getByRole('button', { name: 'Join workshop' }).click();
  await expect(page.getByTestId('workshop-labs')).toBeVisible();
  return page;
}

/** What the read-only observer terminal shows (xterm's DOM rows). */
const observed = (page: Page) => page.locator('[data-testid="observer-terminal"] .xterm-rows').innerText();

test('an instructor runs a workshop for two learners', async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await signUp(browser, `instructor+ws-${Date.now()}@kubelab.test`);
  await teacher.goto('/workshops/new');
  await teacher.getByLabel('Title').fill(`Cluster tour ${Date.now()}`);
  await teacher.getByLabel(/A tour of the cluster/).check();
  await teacher.getByRole('button', { name: 'Create workshop' }).click();
  await teacher.waitForURL(/\/workshops\/(?!new$)[^/]+$/);
  const dashboardUrl = teacher.url();
  const code = (await teacher.getByTestId('join-code').innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

  // A wrong code is told plainly; then both learners join with the right one.
  const ann = await (await browser.newContext()).newPage();
  await ann.goto('/join');
  await ann.getByLabel('Join code').fill('ZZZZ-ZZZZ');
  await ann.getByLabel('Your name (your instructor sees it)').fill('Ann');
  await ann.getByRole('button', { name: 'Join workshop' }).click();
  await expect(ann.locator('#join-error')).toContainText('No workshop has that code');
  await ann.close();
  const annPage = await join(browser, code.toLowerCase(), 'Ann');
  await join(browser, code, 'Bo');
  const rows = teacher.getByTestId('participant-row');
  await expect(rows).toHaveCount(2);
  const annRow = teacher.locator('[data-testid="participant-row"][data-name="Ann"]');
  await expect(annRow.locator('[data-check="nodes-wide"]')).toHaveAttribute('data-state', 'pending');

  // Ann opens the lab and passes the first check: the dashboard updates without a reload.
  await annPage.getByRole('link', { name: 'A tour of the cluster' }).click();
  await annPage.waitForURL(`/labs/${LAB}`);
  await waitAttached(annPage);
  await typeInTerminal(annPage, 'kubectl get nodes -o wide');
  await expectCheck(annPage, 'nodes-wide', 'passed');
  await expect(annRow.locator('[data-check="nodes-wide"]')).toHaveAttribute('data-state', 'passed', { timeout: 30_000 });
  expect(teacher.url()).toBe(dashboardUrl);

  // The instructor watches Ann's terminal: what she typed, then what she types next.
  await annRow.getByRole('button', { name: /Watch Ann's terminal/ }).click();
  await expect(teacher.getByTestId('observer').getByRole('status')).toHaveText('Live, read-only');
  await expect.poll(() => observed(teacher)).toContain('kubectl get nodes -o wide');
  await typeInTerminal(annPage, 'echo typed-while-watched');
  await expect.poll(() => observed(teacher)).toContain('typed-while-watched');
  // Typing into the observer reaches nobody.
  await teacher.getByTestId('observer-terminal').click();
  await teacher.keyboard.type('echo from-the-observer\n');
  await typeInTerminal(annPage, 'echo after');
  await expect.poll(() => observed(teacher)).toContain('after');
  expect(await annPage.locator('[data-testid="terminal"] .xterm-rows').innerText()).not.toContain('from-the-observer');

  // A broadcast reaches Ann's lab page.
  await teacher.getByLabel('Message to every participant').fill('Ten minutes left on this lab');
  await teacher.getByRole('button', { name: 'Send' }).click();
  await expect(annPage.getByTestId('workshop-panel')).toContainText('Ten minutes left on this lab');
  // A step's hint, revealed to everyone, shows on the lab page of that lab.
  await teacher.getByLabel('Step').selectOption({ label: '1. The nodes' });
  await teacher.getByLabel('Hint', { exact: true }).selectOption({ index: 0 });
  await teacher.getByRole('button', { name: 'Reveal to everyone' }).click();
  await expect(annPage.getByTestId('workshop-panel')).toContainText('Hint for “The nodes”: Add `-o wide` to `kubectl get nodes` for more columns.');

  // CSV: one row per participant × lab, both learners.
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Export results (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('participant,user_id,lab,current_step,checks_passed,checks_total,completed_at,last_progress_at,stuck');
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Ann', 'Bo']);
  expect(lines.find((l) => l.startsWith('Ann,'))).toMatch(/,cluster-tour,1\/3 The nodes,1,8,/);

  // Nobody else sees the dashboard or the results: not another instructor, not a learner. The
  // teacher signed up with an ADMIN_EMAILS address (admin); the other is a plain account the admin
  // makes an instructor (admins may manage every workshop; instructors only their own).
  const otherEmail = `other-teacher-${Date.now()}@kubelab.test`;
  const other = await signUp(browser, otherEmail);
  const found = await teacher.request.get(`/api/account/users?q=${encodeURIComponent(otherEmail)}`);
  const otherId = ((await found.json()) as { users: { id: string }[] }).users[0]!.id;
  const origin = new URL(dashboardUrl).origin;
  expect((await teacher.request.patch(`/api/account/users/${otherId}`, { data: { role: 'instructor' }, headers: { Origin: origin } })).status()).toBe(200);
  await other.goto('/workshops');
  await expect(other.getByRole('heading', { name: 'Your workshops' })).toBeVisible();
  await expect(other.getByText('No workshops yet.')).toBeVisible();
  for (const page of [other, annPage]) {
    const res = await page.goto(dashboardUrl);
    expect(res?.status()).toBe(annPage === page ? 200 : 404);
    if (page === annPage) {
      await expect(page.getByTestId('workshop-labs')).toBeVisible();
      await expect(page.getByTestId('participant-row')).toHaveCount(0);
    }
    const csvRes = await page.request.get(`${dashboardUrl.replace('/workshops/', '/api/workshops/')}/results`);
    expect(csvRes.status()).toBe(404);
  }

  // Ending it: learners see it ended, and the code no longer lets anyone in.
  teacher.once('dialog', (d) => void d.accept());
  await teacher.getByRole('button', { name: 'End workshop now' }).click();
  await expect(teacher.getByTestId('workshop-phase')).toHaveAttribute('data-phase', 'ended');
  await annPage.goto(`/labs/${LAB}`);
  await expect(annPage.getByTestId('workshop-ended')).toBeVisible();
  const late = await (await browser.newContext()).newPage();
  await late.goto(`/join/${code}`);
  await late.getByLabel('Your name (your instructor sees it)').fill('Late');
  await late.getByRole('button', { name: 'Join workshop' }).click();
  await expect(late.locator('#join-error')).toContainText('This workshop has ended');
});
