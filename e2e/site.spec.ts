// The platform around the cluster: lesson, 404s, the editor and its files, reattach, isolation,
// and refused input. None of this needs the cluster engine.
import { expect, test } from '@playwright/test';
import { expectCheck, terminalText, waitAttached, typeInEditor } from './helpers';

test('the lesson explains the architecture, with its diagram, and leads to the lab', async ({ page }) => {
  await page.goto('/lessons/architecture');
  await expect(page.getByRole('heading', { level: 1, name: 'Kubernetes architecture' })).toBeVisible();
  for (const name of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager', 'kubelet', 'kube-proxy']) {
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'Kubernetes cluster architecture' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await expect(page.getByRole('button', { name: 'Marked as read ✓' })).toBeVisible();
  await page.getByRole('link', { name: 'Start the lab: Deploy nginx' }).click();
  await expect(page).toHaveURL(/\/labs\/deploy-nginx$/);
  await waitAttached(page);
});

test('unknown lessons and labs get the site’s 404 page', async ({ page }) => {
  for (const path of ['/lessons/no-such-lesson', '/labs/no-such-lab']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '404: page not found' })).toBeVisible();
  }
});

test('the editor saves to the sandbox, checks follow, and a reload finds it all again', async ({ page }) => {
  await page.goto('/labs/deploy-nginx');
  const sandboxId = await waitAttached(page);
  await expect(page.getByTestId('editor-path')).toHaveText('web-declarative.yaml');
  await expectCheck(page, 'manifest-written', 'failed');
  await typeInEditor(page, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-declarative\n');
  await expect(page.getByTestId('editor-path')).toHaveText('web-declarative.yaml ●');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('editor-status')).toHaveText('Saved');
  await expectCheck(page, 'manifest-written', 'passed');
  const screenBefore = await terminalText(page);

  await page.reload();
  expect(await waitAttached(page)).toBe(sandboxId);
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('name: web-declarative');
  await expectCheck(page, 'manifest-written', 'passed');
  expect((await terminalText(page)).trim()).toBe(screenBefore.trim());
});

test('two learners never share a sandbox', async ({ browser }) => {
  const alice = await browser.newPage();
  const bob = await browser.newPage(); // a new page from `browser` is a new context: its own cookies
  await alice.goto('/labs/deploy-nginx');
  await bob.goto('/labs/deploy-nginx');
  const [a, b] = [await waitAttached(alice), await waitAttached(bob)];
  expect(a).not.toBe(b);
  await typeInEditor(alice, '# alice was here\n');
  await alice.keyboard.press('ControlOrMeta+S');
  await expect(alice.getByTestId('editor-status')).toHaveText('Saved');
  await bob.reload();
  await waitAttached(bob);
  await expect(bob.locator('[data-testid="editor"] .view-lines')).not.toContainText('alice was here');
  await alice.close();
  await bob.close();
});

test('input over 64 KiB is refused with a visible message, the sandbox unharmed', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/labs/deploy-nginx');
  await waitAttached(page);
  await page.locator('[data-testid="terminal"]').click();
  await page.keyboard.insertText('x'.repeat(70 * 1024)); // one paste, one message
  await expect(page.getByTestId('notice')).toContainText('more than the 64 KiB limit');
  await typeInEditor(page, '# still works\n');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('editor-status')).toHaveText('Saved');
  await page.close();
});
