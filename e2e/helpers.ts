import { expect, type Page } from '@playwright/test';

/** What xterm.js shows (its accessibility-free DOM renderer keeps one div per row). */
export async function terminalText(page: Page): Promise<string> {
  return page.locator('[data-testid="terminal"] .xterm-rows').innerText();
}

export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid="terminal"]').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Replace the open file's text by typing it, line by line, as a person would. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const lines = text.replace(/\n$/, '').split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      // The editor indents the new line itself (keeps the last indent, adds one after `key:`):
      // select that indentation so the line typed next replaces it.
      await page.keyboard.press('Shift+Home');
    }
    await page.keyboard.type(line);
  }
}

export async function expectCheck(page: Page, id: string, state: 'passed' | 'failed', timeout = 60_000): Promise<void> {
  await expect(page.locator(`[data-check="${id}"]`)).toHaveAttribute('data-state', state, { timeout });
}

export async function waitAttached(page: Page): Promise<string> {
  const main = page.locator('section.lab-main[data-status="attached"]');
  await expect(main).toBeVisible({ timeout: 30_000 });
  return (await main.getAttribute('data-sandbox-id')) ?? '';
}

/** True when the server said it has no cluster engine or shell yet (see sandbox/session/runtime.ts). */
export async function sandboxIsPartial(page: Page): Promise<boolean> {
  return (await terminalText(page)).includes('this sandbox has no cluster or shell yet');
}
