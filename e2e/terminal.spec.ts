// The learner's terminal typed into as a person would: an alias, a here-document apply, tab
// completion, `kubectl logs -f` stopped by Ctrl-C, `exec -it` into a pod and out, `ssh` to a node
// and back, and `vi` opening a node's file in the page's editor until Close.
import { expect, test, type Page } from '@playwright/test';
import { sandboxIsPartial, terminalText, typeInTerminal, waitAttached } from './helpers';

const PROMPT = /controlplane:~\$ *$/m;
const lastLines = async (page: Page, n = 3) => (await terminalText(page)).trimEnd().split('\n').slice(-n).join('\n');

test('the terminal: alias, here-document, completion, logs -f, exec -it, ssh, vi', async ({ page }) => {
  await page.goto('/labs/deploy-nginx');
  await waitAttached(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$|has no cluster or shell yet/m);
  test.skip(await sandboxIsPartial(page), 'the server has no cluster engine or shell yet');
  await typeInTerminal(page, 'clear');

  await typeInTerminal(page, 'alias k=kubectl');
  await typeInTerminal(page, 'k get ns default -o name');
  await expect.poll(() => terminalText(page)).toContain('namespace/default');

  // A here-document, line by line (the shell asks for more with "> ").
  for (const line of ['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: talker', 'spec:', '  containers:', '  - name: talker', '    image: busybox', '    command: ["sh", "-c", "while true; do echo tick; sleep 1; done"]', 'EOF']) {
    await typeInTerminal(page, line);
  }
  await expect.poll(() => terminalText(page)).toContain('pod/talker created');
  await typeInTerminal(page, 'kubectl wait --for=condition=Ready pod/talker --timeout=60s');
  await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('pod/talker condition met');

  // Tab completion of a kubectl subcommand and of a pod name.
  await page.keyboard.type('kubectl desc');
  await page.keyboard.press('Tab');
  await page.keyboard.type('pod tal');
  await page.keyboard.press('Tab');
  await expect.poll(() => lastLines(page, 1)).toContain('kubectl describe pod talker');
  await page.keyboard.press('Control+U');

  // logs -f follows (the prompt does not come back) until Ctrl-C.
  await typeInTerminal(page, 'kubectl logs -f talker');
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toMatch(/logs -f talker\ntick/);
  await page.waitForTimeout(1500);
  expect(await lastLines(page, 1)).not.toMatch(PROMPT);
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastLines(page, 1)).toMatch(PROMPT);

  // exec -it: a shell in the pod, then out.
  await typeInTerminal(page, 'kubectl exec -it talker -- sh');
  await expect.poll(() => lastLines(page, 1)).toMatch(/# *$/);
  await typeInTerminal(page, 'hostname');
  await expect.poll(() => lastLines(page, 2)).toContain('talker');
  await typeInTerminal(page, 'exit');
  await expect.poll(() => lastLines(page, 1)).toMatch(PROMPT);

  // ssh to a node, look at its runtime, back.
  await typeInTerminal(page, 'ssh node01');
  await expect.poll(() => lastLines(page, 1)).toMatch(/node01:~\$ *$/);
  await typeInTerminal(page, 'crictl pods | head -3');
  await expect.poll(() => terminalText(page)).toContain('POD ID');
  await typeInTerminal(page, 'exit');
  await expect.poll(() => terminalText(page)).toContain('Connection to node01 closed.');

  // vi opens a node's file in the page's editor; the terminal waits until Close.
  await typeInTerminal(page, 'ssh controlplane');
  await typeInTerminal(page, 'vi /etc/kubernetes/manifests/kube-scheduler.yaml; echo "edited $?"');
  await expect(page.getByTestId('editor-path')).toContainText('controlplane:/etc/kubernetes/manifests/kube-scheduler.yaml', { timeout: 20_000 });
  await page.screenshot({ path: 'test-results/terminal.png', fullPage: false });
  expect(await terminalText(page)).not.toContain('edited 0'); // the terminal waits for the editor
  await page.getByTestId('editor-close').click();
  await expect.poll(() => terminalText(page)).toContain('edited 0');
  await typeInTerminal(page, 'exit');
  await expect.poll(() => lastLines(page, 1)).toMatch(PROMPT);
});
