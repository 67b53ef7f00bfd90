// Self-paced courses through the real UI: the catalogue, a course page, "Continue", marking a
// lesson read and seeing the progress follow on the course, the catalogue and the dashboard; then
// a completed course's certificate, its verification link, and what another visitor sees.
import Database from 'better-sqlite3';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { loadAllCourses } from '../courses/load';
import { courseItems } from '../courses/schema';

const DB_FILE = 'data/e2e.db'; // playwright.config.ts: the e2e server's DATABASE_URL

/** The guest id in the context's signed learner cookie (`<id>.<signature>`). */
async function learnerId(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'kubelab_learner');
  if (!cookie) throw new Error('no learner cookie');
  const value = decodeURIComponent(cookie.value);
  return value.slice(0, value.lastIndexOf('.'));
}

async function markLesson(page: Page, lessonSlug: string, completed: boolean): Promise<void> {
  const res = await page.request.post('/api/progress', { data: { lessonSlug, completed } });
  expect(res.status()).toBe(200);
}

/** Everything a course lists, done, written as the server writes it (lab checks take minutes). */
function completeCourse(userId: string, courseSlug: string): void {
  const course = loadAllCourses().find((c) => c.slug === courseSlug)!;
  const now = new Date().toISOString().replace('Z', '+00:00');
  const db = new Database(DB_FILE);
  db.pragma('busy_timeout = 5000');
  try {
    for (const item of courseItems(course)) {
      const id = `e2e-${userId}-${item.slug}`;
      if (item.kind === 'lesson') {
        db.prepare('INSERT INTO LessonProgress (id, userId, lessonSlug, firstReadAt, completedAt) VALUES (?, ?, ?, ?, ?) ON CONFLICT(userId, lessonSlug) DO UPDATE SET completedAt = excluded.completedAt').run(id, userId, item.slug, now, now);
      } else {
        db.prepare('INSERT INTO LabAttempt (id, userId, labSlug, startedAt, updatedAt, completedAt) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(userId, labSlug) DO UPDATE SET completedAt = excluded.completedAt').run(id, userId, item.slug, now, now, now);
      }
    }
  } finally {
    db.close();
  }
}

test('catalogue → course → continue → mark a lesson read → progress follows everywhere', async ({ page }) => {
  await page.goto('/courses');
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  const card = page.locator('[data-course="first-steps"]');
  await expect(card.getByRole('progressbar')).toHaveCount(0); // a new visitor has no progress to show
  await card.getByRole('link', { name: 'First steps with Kubernetes', exact: true }).click();

  await expect(page).toHaveURL(/\/courses\/first-steps$/);
  await expect(page.getByRole('heading', { level: 2, name: '1. What a cluster is' })).toBeVisible();
  await expect(page.getByTestId('course-progress')).toHaveText('0%');
  await expect(page.locator('[data-lesson="architecture"]').getByTestId('item-status')).toHaveText('Not started');
  await page.getByTestId('continue').click();
  await expect(page).toHaveURL(/\/lessons\/architecture$/);
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await expect(page.getByRole('button', { name: 'Marked as read ✓' })).toBeVisible();

  // 1 of 11 units (3 lessons and 8 lab steps); Continue moves on to the first item not started.
  await page.goto('/courses/first-steps');
  await expect(page.getByTestId('course-progress')).toHaveText('9%');
  await expect(page.locator('[data-lesson="architecture"]').getByTestId('item-status')).toHaveText('✓ read');
  await expect(page.getByTestId('continue')).toHaveText('Continue: A tour of the cluster: the control plane and the workers');

  // Opening a later lesson without finishing it: Continue resumes there, where the learner left off.
  await markLesson(page, 'imperative-declarative', false);
  await page.reload();
  await expect(page.locator('[data-lesson="imperative-declarative"]').getByTestId('item-status')).toHaveText('In progress');
  await expect(page.getByTestId('continue')).toHaveText('Continue: Imperative commands and declarative configuration');
  await expect(page.getByTestId('continue')).toHaveAttribute('href', '/lessons/imperative-declarative');

  await page.goto('/courses');
  await expect(card.getByTestId('course-percent')).toHaveText('9%');
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '9');
  await expect(card.getByTestId('continue')).toHaveText('Continue: Imperative commands and declarative configuration');

  await page.goto('/dashboard');
  await expect(page.getByTestId('done').locator('[data-lesson="architecture"]')).toContainText('✓ read');
  await expect(page.getByTestId('in-progress').locator('[data-lesson="imperative-declarative"]')).toContainText('In progress');
  await expect(page.locator('[data-next="first-steps"]').getByTestId('continue')).toHaveAttribute('href', '/lessons/imperative-declarative');
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(page.getByText('Read the lesson Kubernetes architecture: the control plane and the nodes')).toBeVisible();

  // The old single course page leads to the whole path, which counts the same lesson.
  await page.goto('/course');
  await expect(page).toHaveURL(/\/courses\/kubernetes-architecture$/);
  await expect(page.locator('[data-lesson="architecture"]').getByTestId('item-status')).toHaveText('✓ read');
});

test('a completed course earns a certificate anyone can see and verify by its id, and no one else’s data leaks', async ({ page, browser }) => {
  await page.goto('/courses/first-steps');
  await markLesson(page, 'architecture', true); // creates the learner's row
  completeCourse(await learnerId(page.context()), 'first-steps');

  await page.reload();
  await expect(page.getByTestId('course-progress')).toHaveText('100%');
  await expect(page.getByTestId('continue')).toHaveCount(0);
  await page.getByRole('link', { name: 'See your certificate' }).click();
  await expect(page).toHaveURL(/\/certificates\/[A-Za-z0-9_-]{22}$/);
  const url = page.url();
  const id = url.slice(url.lastIndexOf('/') + 1);
  await expect(page.getByTestId('learner-name')).toHaveText('A Kubelab learner');
  await expect(page.getByTestId('course-title')).toHaveText('First steps with Kubernetes');
  await expect(page.getByTestId('verification')).toContainText(`/certificates/${id}/verify`);
  await expect(page.getByTestId('keep-certificate')).toContainText('Sign up'); // a guest is asked to keep it
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the link to share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // Issued once: visiting again keeps the same certificate.
  await page.goto('/dashboard');
  await expect(page.locator('[data-certificate="first-steps"]').getByRole('link')).toHaveAttribute('href', `/certificates/${id}`);

  const verified = await page.request.get(`/certificates/${id}/verify`);
  expect(verified.status()).toBe(200);
  expect(await verified.json()).toMatchObject({ valid: true, id, learnerName: 'A Kubelab learner', course: { slug: 'first-steps', title: 'First steps with Kubernetes' } });

  // Another visitor: sees the certificate by its id, is not asked to keep it, and has no progress of ours.
  const other = await browser.newPage();
  await other.goto(`/certificates/${id}`);
  await expect(other.getByTestId('learner-name')).toHaveText('A Kubelab learner');
  await expect(other.getByTestId('keep-certificate')).toHaveCount(0);
  // The dashboard has no id in its address; one tacked on is ignored.
  await other.goto(`/dashboard?userId=${encodeURIComponent(await learnerId(page.context()))}`);
  await expect(other.locator('[data-certificate]')).toHaveCount(0);
  await expect(other.getByText('Nothing done yet')).toBeVisible();
  await other.goto('/courses/first-steps');
  await expect(other.getByTestId('course-progress')).toHaveText('0%');

  // Ids that were never issued: the site's 404 and an answer of "not genuine".
  for (const bad of ['AAAAAAAAAAAAAAAAAAAAAA', id.slice(0, -1), await learnerId(page.context())]) {
    const res = await other.goto(`/certificates/${bad}`);
    expect(res?.status()).toBe(404);
    const check = await other.request.get(`/certificates/${encodeURIComponent(bad)}/verify`);
    expect(check.status()).toBe(404);
    expect(await check.json()).toMatchObject({ valid: false });
  }
  await other.close();
});
