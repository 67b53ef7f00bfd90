// Course progress and certificates against a real (migrated) SQLite database: only the learner's
// own rows count, a certificate is issued once a course is complete and only then, once, even when
// two requests race; certificates are found by their public id only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../prisma/migrate';
import { createDb } from '../../server/db';
import { ANONYMOUS_NAME, courseCatalogue, examTitle, findCertificate, findCourse, issueCertificates, learnerActivity, learnerCourses, learnerDashboard, newCertificateId } from './courses';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-courses-db-'));
const file = join(dir, 'courses.db');
migrate(file);
const db = createDb(`file:${file}`);
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const when = new Date('2026-11-21T20:00:00.000Z');

/** Everything the short "first-steps" course lists, done by `userId`. */
async function completeFirstSteps(userId: string, except?: string) {
  const course = findCourse('first-steps')!;
  for (const item of course.modules.flatMap((m) => m.items)) {
    if (`${item.kind}:${item.slug}` === except) continue;
    if (item.kind === 'lesson') await db.lessonProgress.upsert({ where: { userId_lessonSlug: { userId, lessonSlug: item.slug } }, create: { userId, lessonSlug: item.slug, firstReadAt: when, completedAt: when }, update: { completedAt: when } });
    else await db.labAttempt.upsert({ where: { userId_labSlug: { userId, labSlug: item.slug } }, create: { userId, labSlug: item.slug, startedAt: when, completedAt: when }, update: { completedAt: when } });
  }
}

beforeEach(async () => {
  await db.user.deleteMany();
  await db.user.createMany({ data: [{ id: 'guest-alice' }, { id: 'guest-bob' }] });
});

describe('a learner’s activity and progress', () => {
  it('reads only the learner’s own rows', async () => {
    await db.lessonProgress.create({ data: { userId: 'guest-alice', lessonSlug: 'architecture', completedAt: when } });
    const attempt = await db.labAttempt.create({ data: { userId: 'guest-bob', labSlug: 'deploy-nginx' } });
    await db.checkResult.create({ data: { attemptId: attempt.id, checkId: 'web-ready', passed: true, message: 'ok' } });
    const alice = await learnerActivity(db, 'guest-alice');
    expect(alice.lessons.map((l) => l.slug)).toEqual(['architecture']);
    expect(alice.labs).toEqual([]);
    const bob = await learnerActivity(db, 'guest-bob');
    expect(bob.lessons).toEqual([]);
    expect(bob.labs).toMatchObject([{ slug: 'deploy-nginx', completedAt: null }]);
    expect([...bob.labs[0].passed]).toEqual(['web-ready']);
  });

  it('a lab’s last activity is its latest check result', async () => {
    const attempt = await db.labAttempt.create({ data: { userId: 'guest-alice', labSlug: 'deploy-nginx', startedAt: when } });
    await db.checkResult.create({ data: { attemptId: attempt.id, checkId: 'web-ready', passed: false, message: 'no' } });
    const [lab] = (await learnerActivity(db, 'guest-alice')).labs;
    expect(lab.lastActivityAt.getTime()).toBeGreaterThan(when.getTime());
  });

  it('gives a visitor without an id every course at 0% and no certificate', async () => {
    const none = await learnerCourses(db, undefined);
    expect(none.progress.every((p) => p.percent === 0 && !p.started)).toBe(true);
    expect(none.certificates).toEqual([]);
    expect(learnerDashboard(none).next[0]).toMatchObject({ courseSlug: 'kubernetes-architecture', item: { kind: 'lesson', slug: 'architecture' } });
  });
});

describe('certificates', () => {
  it('are not issued before every item of a course is done', async () => {
    await completeFirstSteps('guest-alice', 'lab:imperative-declarative');
    const mine = await learnerCourses(db, 'guest-alice');
    expect(mine.progress.find((p) => p.course.slug === 'first-steps')).toMatchObject({ complete: false, percent: expect.any(Number) });
    expect(mine.certificates).toEqual([]);
    expect(await db.certificate.count()).toBe(0);
  });

  it('are issued once the course is complete, once, for that learner only', async () => {
    await completeFirstSteps('guest-alice');
    const first = await learnerCourses(db, 'guest-alice');
    // Dated when the last item was done (every item here at `when`).
    expect(first.certificates).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), courseSlug: 'first-steps', issuedAt: when }]);
    const again = await learnerCourses(db, 'guest-alice');
    expect(again.certificates).toEqual(first.certificates);
    expect(await db.certificate.count()).toBe(1);
    expect((await learnerCourses(db, 'guest-bob')).certificates).toEqual([]);
    expect(learnerDashboard(again).coursesComplete.map((p) => p.course.slug)).toEqual(['first-steps']);
  });

  it('stay one per learner and course when two requests race', async () => {
    await completeFirstSteps('guest-alice');
    const complete = (await learnerCourses(db, undefined)).progress.map((p) => ({ ...p, complete: p.course.slug === 'first-steps' }));
    await Promise.all([issueCertificates(db, 'guest-alice', complete), issueCertificates(db, 'guest-alice', complete), issueCertificates(db, 'guest-alice', complete)]);
    expect(await db.certificate.count({ where: { userId: 'guest-alice' } })).toBe(1);
    // The losers of the race are refused by the unique index with the code issueCertificates forgives.
    await expect(db.certificate.create({ data: { id: newCertificateId(), userId: 'guest-alice', courseSlug: 'first-steps' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('are found by their public id only, with the account name or the anonymous one', async () => {
    await completeFirstSteps('guest-alice');
    const [cert] = (await learnerCourses(db, 'guest-alice')).certificates;
    expect(await findCertificate(db, cert.id, 'guest-bob')).toEqual({
      id: cert.id, courseSlug: 'first-steps', courseTitle: 'First steps with Kubernetes', learnerName: ANONYMOUS_NAME, issuedAt: cert.issuedAt, guest: true, own: false,
    });
    expect(await findCertificate(db, cert.id, 'guest-alice')).toMatchObject({ own: true });
    for (const id of ['guest-alice', 'first-steps', newCertificateId(), cert.id.slice(1), `${cert.id}x`, '../etc']) expect(await findCertificate(db, id)).toBeUndefined();
    await db.user.update({ where: { id: 'guest-alice' }, data: { kind: 'account', name: 'Alice Liddell' } });
    expect(await findCertificate(db, cert.id)).toMatchObject({ learnerName: 'Alice Liddell', guest: false });
  });

  it('have ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newCertificateId));
    expect(ids.size).toBe(1000);
  });
});

describe('practice exams linked from courses', () => {
  it('are titled from their exam.yaml; an unreadable one falls back to its slug', () => {
    const linked = new Set(courseCatalogue().flatMap((c) => c.exams));
    expect(linked.size).toBeGreaterThan(0);
    for (const slug of linked) expect(examTitle(slug)).toMatch(/exam/i);
    expect(examTitle('no-such-exam')).toBe('no-such-exam');
  });
});
