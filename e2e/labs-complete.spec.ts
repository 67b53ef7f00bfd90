// Two labs completed through the UI, every command typed into the terminal as a learner would:
// controllers (self-healing, scaling the owner, garbage collection) and node-maintenance (drain,
// uncordon). Each reveals a hint and answers questions (multiple choice and short answer), and
// the course page counts their steps done afterwards.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { labSlugs } from '../labs/load';
import { expectCheck, sandboxIsPartial, terminalText, typeInTerminal, waitAttached } from './helpers';

async function openLab(page: Page, slug: string): Promise<void> {
  await page.goto(`/labs/${slug}`);
  await waitAttached(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$|has no cluster or shell yet/m);
  test.skip(await sandboxIsPartial(page), 'the server has no cluster engine or shell yet');
}

async function answer(page: Page, question: string, text: string, kind: 'choice' | 'text'): Promise<void> {
  const q = page.locator(`[data-question="${question}"]`);
  if (kind === 'choice') await q.getByLabel(text, { exact: true }).check();
  else await q.getByRole('textbox').fill(text);
  await q.getByRole('button', { name: 'Answer' }).click();
  await expect(q).toHaveAttribute('data-state', 'passed');
}

const stepStatus = (page: Page, step: string) => page.locator(`[data-step="${step}"]`).getByTestId('step-status');

async function labStepsDone(page: Page, slug: string): Promise<string | null> {
  await page.goto('/course');
  return page.locator(`[data-lab="${slug}"]`).getAttribute('data-steps-done');
}

test('controllers lab, typed: a Pod replaced, the owner scaled, the garbage collector at work', async ({ page }) => {
  test.setTimeout(300_000);
  await openLab(page, 'controllers');

  const step1 = page.locator('[data-step="self-healing"]');
  await step1.getByRole('button', { name: /Show a hint \(1 of 2\)/ }).click();
  await expect(step1.locator('.hint').first()).toContainText('kubectl get pods');
  await typeInTerminal(page, 'kubectl rollout status deployment/shop');
  await expect.poll(() => terminalText(page), { timeout: 90_000 }).toContain('deployment "shop" successfully rolled out');
  await expectCheck(page, 'deleted-a-pod', 'failed');
  await typeInTerminal(page, 'kubectl delete pods -l app=shop');
  await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('deleted');
  await expectCheck(page, 'deleted-a-pod', 'passed');
  await expectCheck(page, 'pod-replaced', 'passed');
  await answer(page, 'who-replaces', 'the ReplicaSet controller', 'choice');
  await expect(stepStatus(page, 'self-healing')).toHaveText('✓ Done');

  // The ReplicaSet's name is the Deployment's plus the Pod template's hash, as the terminal shows.
  await typeInTerminal(page, 'clear; kubectl get rs -l app=shop');
  await expect.poll(() => terminalText(page)).toMatch(/shop-[a-z0-9]{8,10}\s+3/);
  const rs = (await terminalText(page)).match(/shop-[a-z0-9]{8,10}/)![0];
  await typeInTerminal(page, `kubectl scale rs ${rs} --replicas=5`);
  await expectCheck(page, 'scaled-replicaset', 'passed');
  await answer(page, 'rs-replicas-after', '3', 'text');
  await typeInTerminal(page, 'kubectl scale deployment shop --replicas=5');
  await expectCheck(page, 'five-running', 'passed', 90_000);
  await expect(stepStatus(page, 'desired-state')).toHaveText('✓ Done');

  await typeInTerminal(page, 'kubectl delete deployment legacy');
  await expectCheck(page, 'legacy-rs-gone', 'passed');
  await expectCheck(page, 'legacy-pods-gone', 'passed', 90_000);
  await answer(page, 'owner-of-rs', 'Deployment', 'choice');
  await expect(page.getByText('All checks pass. Well done!')).toBeVisible();

  await expect.poll(() => labStepsDone(page, 'controllers'), { timeout: 20_000 }).toBe('3');
  await expect(page.locator('[data-lab="controllers"]')).toContainText('✓ complete');
});

test('node-maintenance lab, typed: drain, a short answer, uncordon and scale', async ({ page }) => {
  test.setTimeout(300_000);
  await openLab(page, 'node-maintenance');

  const step1 = page.locator('[data-step="drain"]');
  await expect(stepStatus(page, 'drain')).toHaveText('0 of 3');
  await step1.getByRole('button', { name: /Show a hint \(1 of 2\)/ }).click();
  await step1.getByRole('button', { name: /Show another hint \(2 of 2\)/ }).click();
  await expect(step1.locator('.hint')).toHaveCount(2);
  await expect(step1.locator('.hint').nth(1)).toContainText('--ignore-daemonsets');
  // A wrong short answer first: the check says so and the step stays open.
  const status = page.locator('[data-question="cordoned-status"]');
  await status.getByRole('textbox').fill('NotReady');
  await status.getByRole('button', { name: 'Answer' }).click();
  await expect(status.locator('.answer-result')).toContainText('is not right');

  await typeInTerminal(page, 'kubectl rollout status deployment/web');
  await expect.poll(() => terminalText(page), { timeout: 90_000 }).toContain('deployment "web" successfully rolled out');
  await typeInTerminal(page, 'kubectl drain node01 --ignore-daemonsets');
  await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('node/node01 drained');
  await typeInTerminal(page, 'kubectl get nodes');
  await expect.poll(() => terminalText(page)).toContain('Ready,SchedulingDisabled');
  await answer(page, 'cordoned-status', 'Ready,SchedulingDisabled', 'text');
  await expectCheck(page, 'drained-node01', 'passed');
  await expectCheck(page, 'web-off-node01', 'passed', 90_000);
  await expect(stepStatus(page, 'drain')).toHaveText('✓ Done');

  await typeInTerminal(page, 'kubectl uncordon node01');
  await expectCheck(page, 'node01-schedulable', 'passed');
  await answer(page, 'pods-move-back', 'none', 'text');
  await typeInTerminal(page, 'kubectl scale deployment web --replicas=6');
  await expectCheck(page, 'web-six', 'passed', 90_000);
  await expect(stepStatus(page, 'uncordon')).toHaveText('✓ Done');

  // Step 3 (a node fails) is done with its lab action buttons in e2e/lab-actions.spec.ts.
  await expect.poll(() => labStepsDone(page, 'node-maintenance'), { timeout: 20_000 }).toBe('2');
});

test('the course lists every lab, and each lab\'s first lesson renders with its diagram', async ({ page }) => {
  await page.goto('/course');
  const slugs = labSlugs();
  for (const slug of slugs) await expect(page.locator(`[data-lab="${slug}"]`)).toBeVisible();
  const lessons = await page.locator('[data-lesson] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(lessons.length).toBe(readdirSync('content/lessons').filter((f) => f.endsWith('.mdx')).length);
  for (const href of lessons) {
    await page.goto(href);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('figure.diagram svg[role="img"]').first()).toBeVisible();
  }
});
