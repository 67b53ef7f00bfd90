// Accessibility: axe (WCAG 2.1 A/AA rules) on the main pages in the light and the dark theme, no
// serious or critical violation; the header walked with the keyboard; the theme remembered with no
// flash of the other theme on load.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitAttached } from './helpers';

/** Pages every visitor can open. Optional ones are checked once their owner has built them. */
const PAGES: { path: string; optional?: boolean }[] = [
  { path: '/' },
  { path: '/lessons' },
  { path: '/lessons/architecture' },
  { path: '/labs' },
  { path: '/courses', optional: true },
  { path: '/courses/kubernetes-architecture', optional: true },
  { path: '/dashboard', optional: true },
  { path: '/exams', optional: true },
  { path: '/exams/cka-practice', optional: true },
  { path: '/signin', optional: true },
  { path: '/signup', optional: true },
  { path: '/join', optional: true },
  { path: '/no-such-page' },
];

interface Finding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { path, optional } of PAGES) {
      test(`${path} has no serious or critical violation`, async ({ page }) => {
        const res = await page.goto(path);
        if (optional && res?.status() === 404) test.skip(true, `${path} is not built yet`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('a lab page (terminal, editor, checks) has no serious or critical violation', async ({ page }) => {
      await page.goto('/labs/deploy-nginx');
      await waitAttached(page);
      await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      expect(await seriousViolations(page)).toEqual([]);
      // The cluster view keeps its light palette in both themes, and stays readable.
      await page.getByRole('button', { name: 'Cluster view' }).click();
      await expect(page.locator('.cv-root .cv-node-frame').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the header is walked with the keyboard: skip link, home, every section, theme', async ({ page }) => {
  await page.goto('/lessons/architecture');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const names: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.replace(/[☀☾]/g, '').trim() ?? ''));
  }
  expect(names.slice(0, 7)).toEqual(['Kubelab', 'Courses', 'Lessons', 'Labs', 'Exams', 'Dashboard', 'Dark theme']);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Lessons' })).toHaveAttribute('aria-current', 'true');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);

  // Every focused control shows a focus ring.
  await page.keyboard.press('Shift+Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');

  // The skip link moves on to the page's own content.
  await page.goto('/lessons/architecture');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => document.getElementById('main-content')!.contains(document.activeElement));
  expect(inMain).toBe(true);
});

test('the theme toggle works from the keyboard, is remembered, and the page never paints the other theme first', async ({ page }) => {
  // Record the theme at the moment <body> starts: anything painted comes after it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(darkBg).toBe('rgb(13, 17, 23)');

  await page.goto('/lessons/architecture');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody)).toBe('dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

  // The choice wins over the system's scheme, and the terminal and editor follow it.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/labs/deploy-nginx');
  await waitAttached(page);
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toHaveClass(/vs-dark/);
  const termBg = await page.locator('[data-testid="terminal"] .xterm-scrollable-element').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(termBg).toBe('rgb(13, 17, 23)');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toHaveClass(/\bvs\b/);
  await expect
    .poll(() => page.locator('[data-testid="terminal"] .xterm-scrollable-element').evaluate((el) => getComputedStyle(el).backgroundColor))
    .toBe('rgb(255, 255, 255)');
});

test('the terminal is labelled, has a screen reader mode, and check results are announced', async ({ page }) => {
  await page.goto('/labs/deploy-nginx');
  await waitAttached(page);
  await expect(page.getByRole('region', { name: 'Terminal' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Editor' })).toBeVisible();
  const mode = page.getByRole('checkbox', { name: 'Screen reader mode' });
  await mode.check();
  await expect(page.locator('[data-testid="terminal"] .xterm-accessibility-tree')).toBeAttached();
  await page.reload();
  await waitAttached(page);
  await expect(page.getByRole('checkbox', { name: 'Screen reader mode' })).toBeChecked();
  await expect(page.locator('[data-testid="terminal"] .xterm-accessibility-tree')).toBeAttached();
  await page.getByRole('checkbox', { name: 'Screen reader mode' }).uncheck();
  await expect(page.locator('[data-testid="terminal"] .xterm-accessibility-tree')).not.toBeAttached();
  await expect(page.getByTestId('checks').locator('[aria-live="polite"]')).toBeAttached();
});

test('an instructor’s header adds Workshops; the workshop pages pass axe', async ({ page, baseURL }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Workshops' })).toHaveCount(0);
  const email = `instructor+a11y${Date.now()}@kubelab.test`;
  const res = await page.request.post('/api/auth/sign-up/email', { data: { email, password: 'a long password', name: 'Ida' }, headers: { Origin: baseURL! } });
  expect(res.status()).toBe(200);
  await page.goto('/workshops');
  await expect(nav.getByRole('link', { name: 'Workshops' })).toHaveAttribute('aria-current', 'page');
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/workshops/new');
  await expect(nav.getByRole('link', { name: 'Workshops' })).toHaveAttribute('aria-current', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});
