// Lab actions through the UI: node-maintenance's "A node fails" step pressed with its buttons
// (the keyboard for one of them), the action's line in the terminal and under the buttons, the
// node NotReady on wall time, its Pods evicted after the fast-forward, every check of the step green.
import { expect, test } from '@playwright/test';
import { expectCheck, sandboxIsPartial, terminalText, typeInTerminal, waitAttached } from './helpers';

test('node-maintenance: pull the plug on node02, fast-forward, web back to 6 on node01', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/labs/node-maintenance');
  await waitAttached(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$|has no cluster or shell yet/m);
  test.skip(await sandboxIsPartial(page), 'the server has no cluster engine or shell yet');

  await typeInTerminal(page, 'kubectl scale deployment web --replicas=6');
  await typeInTerminal(page, 'kubectl rollout status deployment/web');
  await expect.poll(() => terminalText(page), { timeout: 90_000 }).toContain('deployment "web" successfully rolled out');

  const step = page.locator('[data-step="node-failure"]');
  const actions = step.getByRole('group', { name: 'Lab actions' });
  await expect(actions.getByRole('button')).toHaveText(['Pull the plug on node02', 'Fast-forward 6 minutes']);
  await actions.getByRole('button', { name: 'Pull the plug on node02' }).click();
  await expect(actions.getByRole('status')).toHaveText('kubelab: node02 lost power (its kubelet stopped)');
  await expect.poll(() => terminalText(page)).toContain('kubelab: node02 lost power (its kubelet stopped)');

  // The node controller marks it after its 40 s grace period, on wall time.
  await expectCheck(page, 'node02-lost', 'passed', 90_000);
  await typeInTerminal(page, 'clear; kubectl get nodes');
  await expect.poll(() => terminalText(page)).toMatch(/node02\s+NotReady/);

  // Keyboard: focus the second button and press Enter.
  await actions.getByRole('button', { name: 'Fast-forward 6 minutes' }).focus();
  await page.keyboard.press('Enter');
  await expect(actions.getByRole('status')).toHaveText('kubelab: 6 minutes of cluster time passed');
  await expectCheck(page, 'web-six-on-node01', 'passed', 60_000);
  await typeInTerminal(page, 'clear; kubectl get pods -o wide');
  await expect.poll(() => terminalText(page)).toMatch(/Terminating\s.*node02/);

  const answer = page.locator('[data-question="eviction-delay"]');
  await answer.getByRole('textbox').fill('300');
  await answer.getByRole('button', { name: 'Answer' }).click();
  await expect(answer).toHaveAttribute('data-state', 'passed');
  await expect(step.getByTestId('step-status')).toHaveText('✓ Done');
  await page.screenshot({ path: 'test-results/lab-actions.png', fullPage: false });
});
