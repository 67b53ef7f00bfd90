// Fast pages: lessons are prerendered (static HTML from the build, served as a cache hit), and the
// terminal (xterm.js) and editor (Monaco) are downloaded only by lab pages. Prints each page's
// weight (what the browser fetched: HTML, JS, CSS, fonts; bytes on the wire and decoded).
import { expect, test, type Page } from '@playwright/test';
import { waitAttached } from './helpers';

interface Fetched {
  url: string;
  type: string;
  wire: number;
  decoded: number;
  text?: string;
}

/** Loads a page and records every same-origin response it fetched (script texts kept). */
async function load(page: Page, path: string, ready: (page: Page) => Promise<unknown>): Promise<Fetched[]> {
  const pending: Promise<Fetched | undefined>[] = [];
  page.on('requestfinished', (req) => {
    if (new URL(req.url()).hostname !== 'localhost') return;
    pending.push(
      (async () => {
        const res = await req.response();
        if (!res) return undefined;
        const sizes = await req.sizes();
        const body = await res.body().catch(() => Buffer.alloc(0));
        const type = req.resourceType();
        return { url: req.url(), type, wire: sizes.responseBodySize, decoded: body.length, text: type === 'script' ? body.toString('utf8') : undefined };
      })(),
    );
  });
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return (await Promise.all(pending)).filter((f): f is Fetched => f !== undefined);
}

function weight(files: Fetched[]): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const by = (type: string) => files.filter((f) => f.type === type);
  const sum = (fs: Fetched[], k: 'wire' | 'decoded') => fs.reduce((n, f) => n + f[k], 0);
  const parts = ['document', 'script', 'stylesheet', 'font', 'image', 'fetch'].map((t) => `${t} ${kib(sum(by(t), 'wire'))} (${by(t).length})`);
  return `${kib(sum(files, 'wire'))} on the wire, ${kib(sum(files, 'decoded'))} decoded; ${parts.join(', ')}`;
}

// Strings only xterm.js and Monaco's code contain (their class names, Monaco's files' address).
const TERMINAL_MARKERS = ['xterm-helper-textarea', 'xterm-screen'];
const EDITOR_MARKERS = ['/monaco/vs', 'monaco-editor'];
const scriptsWith = (files: Fetched[], markers: string[]) => files.filter((f) => f.type === 'script' && markers.some((m) => f.text?.includes(m))).map((f) => f.url);

test('lessons are static HTML from the build (SSG), as are the lesson and lab indexes', async ({ request }) => {
  for (const path of ['/lessons/architecture', '/lessons/services', '/lessons', '/labs', '/labs/deploy-nginx']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['x-nextjs-prerender'], `${path} is prerendered`).toBeTruthy();
    expect(res.headers()['x-nextjs-cache'], `${path} comes from the build's cache`).toBe('HIT');
  }
  // The control: a page that reads the learner's data is rendered on each request.
  const dynamic = await request.get('/dashboard');
  if (dynamic.status() !== 404) expect(dynamic.headers()['x-nextjs-prerender']).toBeUndefined();
});

test('a lesson page loads no terminal or editor code; a lab page does; weights printed', async ({ page, browser }) => {
  const lesson = await load(page, '/lessons/architecture', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible());
  expect(scriptsWith(lesson, TERMINAL_MARKERS)).toEqual([]);
  expect(scriptsWith(lesson, EDITOR_MARKERS)).toEqual([]);
  console.log(`/lessons/architecture: ${weight(lesson)}`);

  const home = await load(await browser.newPage(), '/', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible());
  expect(scriptsWith(home, TERMINAL_MARKERS)).toEqual([]);
  console.log(`/: ${weight(home)}`);

  const labPage = await browser.newPage();
  const lab = await load(labPage, '/labs/deploy-nginx', async (p) => {
    await waitAttached(p);
    await expect(p.locator('[data-testid="editor"] .monaco-editor')).toBeVisible();
  });
  expect(scriptsWith(lab, TERMINAL_MARKERS).length).toBeGreaterThan(0);
  expect(scriptsWith(lab, EDITOR_MARKERS).length).toBeGreaterThan(0);
  console.log(`/labs/deploy-nginx: ${weight(lab)}`);
  // A lesson is a small fraction of a lab page.
  const wire = (fs: Fetched[]) => fs.reduce((n, f) => n + f.wire, 0);
  expect(wire(lesson)).toBeLessThan(wire(lab) / 2);
});
