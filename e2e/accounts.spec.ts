// Accounts through the real UI: a guest reads a lesson and passes a lab check, signs up, and the
// course page and the lab still show that work (and the cluster is the guest's own); sign out,
// sign in again (a wrong password first), the account page, and a learner kept out of /admin.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectCheck, sandboxIsPartial, terminalText, waitAttached } from './helpers';

const PASSWORD = 'a long enough password';

/** axe's serious and critical findings (WCAG 2.1 A/AA and best practice), as in a11y.spec.ts. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('guest work carried into a new account; sign out; sign in', async ({ page }) => {
  const email = `learner+${Date.now()}@kubelab.test`;

  // As a guest: a lesson read, a lab check passed, something made in the cluster.
  await page.goto('/lessons/architecture');
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await expect(page.getByRole('button', { name: 'Marked as read ✓' })).toBeVisible();
  await page.goto('/labs/cluster-tour');
  await waitAttached(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$|has no cluster or shell yet/m);
  test.skip(await sandboxIsPartial(page), 'the server has no cluster engine or shell yet');
  await page.locator('[data-step="nodes"]').getByRole('button', { name: 'Run in the terminal: kubectl get nodes -o wide' }).click();
  await expectCheck(page, 'nodes-wide', 'passed');
  await page.waitForTimeout(1500); // the sandbox is saved a second after a change

  // Sign up, from the header.
  await page.getByRole('link', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#password-error')).toHaveText('Use at least 8 characters for your password.');
  expect(await seriousViolations(page)).toEqual([]); // with the error shown
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('/labs/cluster-tour'); // back where the header's link was followed
  await expect(page.getByRole('button', { name: `Account menu for ${email}` })).toBeVisible();

  // The guest's work is the account's now.
  await page.goto('/courses/first-steps');
  await expect(page.locator('[data-lesson="architecture"]').getByTestId('item-status')).toHaveText('✓ read');
  await page.goto('/labs/cluster-tour');
  await waitAttached(page);
  await expectCheck(page, 'nodes-wide', 'passed');
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('CONTAINER-RUNTIME'); // the guest's terminal, restored

  // The account page lists this browser's session.
  await page.goto('/account');
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your sessions' }).getByText('(this browser)')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // A learner is kept out of the admin page and its API.
  await page.goto('/admin/users');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Only admins can manage accounts.');
  expect((await page.request.get('/api/account/users')).status()).toBe(403);

  // Sign out from the header menu.
  await page.getByRole('button', { name: `Account menu for ${email}` }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // Sign in again: a wrong password is refused with the same words as an unknown email.
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#form-error')).toHaveText('Wrong email or password.');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('/');
  await page.goto('/courses/first-steps');
  await expect(page.locator('[data-lesson="architecture"]').getByTestId('item-status')).toHaveText('✓ read');
});

test('an ADMIN_EMAILS address is an admin and sets another account’s role', async ({ browser }) => {
  const stamp = Date.now();
  const learnerEmail = `promote+${stamp}@kubelab.test`;
  const learner = await browser.newContext();
  const lp = await learner.newPage();
  await lp.goto('/');
  const signUp = await lp.request.post('/api/auth/sign-up/email', { data: { email: learnerEmail, password: PASSWORD, name: 'P' }, headers: { Origin: new URL(lp.url()).origin } });
  expect(signUp.status()).toBe(200);

  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await ap.goto('/signup?next=/admin/users');
  await ap.getByLabel('Email').fill(`admin+${stamp}@kubelab.test`);
  await ap.getByLabel('Password').fill(PASSWORD);
  await ap.getByRole('button', { name: 'Create account' }).click();
  await ap.waitForURL(/\/admin\/users$/);
  await ap.getByLabel('Find by email').fill(learnerEmail);
  await ap.getByRole('button', { name: 'Search' }).click();
  await ap.getByLabel(`Role of ${learnerEmail}`).selectOption('instructor');
  await expect(ap.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(await seriousViolations(ap)).toEqual([]);
  await expect.poll(async () => (await (await lp.request.get('/api/me')).json()).role).toBe('instructor');
  await learner.close();
  await admin.close();
});
