// Self-paced courses on the server: the catalogue (content/courses), a learner's activity read from
// the database, their progress per course (courses/progress.ts), and certificates — issued once
// every item of a course is done, public by an unguessable id. Pages pass in the database and the
// visitor's own user id (from currentIdentity()), never an id from the URL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { labCatalog, stepCheckIds, type LabMeta } from '../../labs/catalog';
import { buildDashboard, type CertificateRecord, type Dashboard } from '../../courses/dashboard';
import { loadAllCourses } from '../../courses/load';
import { courseProgress, emptyActivity, shapesBySlug, type Activity, type CourseProgress, type LabShape } from '../../courses/progress';
import type { Course, CourseItem } from '../../courses/schema';
import type { Db } from '../../server/db';
import { listLessons, type LessonMeta } from './content';

/** The course /course leads to: the whole path. */
export const MAIN_COURSE = 'kubernetes-architecture';
/** What a certificate says for a learner without an account name. */
export const ANONYMOUS_NAME = 'A Kubelab learner';

let courses: Course[] | undefined;
let lessons: Promise<LessonMeta[]> | undefined;

export function courseCatalogue(): Course[] {
  courses ??= loadAllCourses();
  return courses;
}

export function findCourse(slug: string): Course | undefined {
  return courseCatalogue().find((c) => c.slug === slug);
}

export function labShapes(labs: LabMeta[] = labCatalog()): Map<string, LabShape> {
  return shapesBySlug(labs.map((lab) => ({ slug: lab.slug, steps: stepCheckIds(lab) })));
}

/** Titles and summaries of what a course lists (lesson files are rendered once per process). */
export interface ItemInfo {
  title: string;
  summary: string;
  href: string;
  minutes?: number;
}

export async function itemInfo(): Promise<(item: CourseItem) => ItemInfo> {
  // A failed read is not kept: the next request tries again.
  lessons ??= listLessons().catch((e: unknown) => {
    lessons = undefined;
    throw e;
  });
  const bySlug = new Map((await lessons).map((l) => [l.slug, l]));
  const labs = new Map(labCatalog().map((l) => [l.slug, l]));
  return (item) => {
    if (item.kind === 'lab') {
      const lab = labs.get(item.slug);
      return { title: lab?.title ?? item.slug, summary: lab?.summary ?? '', href: `/labs/${item.slug}`, minutes: lab?.minutes };
    }
    const lesson = bySlug.get(item.slug);
    return { title: lesson?.title ?? item.slug, summary: lesson?.summary ?? '', href: `/lessons/${item.slug}` };
  };
}

const ExamHead = z.object({ title: z.string() });

/** A practice exam's title (exams/<slug>/exam.yaml; the course loader checked that it exists). */
export function examTitle(slug: string): string {
  try {
    const head = ExamHead.safeParse(parseYaml(readFileSync(join(process.cwd(), 'exams', slug, 'exam.yaml'), 'utf8')));
    return head.success ? head.data.title : slug;
  } catch {
    return slug;
  }
}

/** Everything one learner did: lessons opened and read, labs begun, checks passed. */
export async function learnerActivity(db: Db, userId: string): Promise<Activity> {
  const [lessonRows, attempts] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId } }),
    db.labAttempt.findMany({ where: { userId }, include: { checks: true } }),
  ]);
  return {
    lessons: lessonRows.map((l) => ({ slug: l.lessonSlug, firstReadAt: l.firstReadAt, completedAt: l.completedAt })),
    labs: attempts.map((a) => ({
      slug: a.labSlug,
      startedAt: a.startedAt,
      completedAt: a.completedAt,
      lastActivityAt: new Date(Math.max(a.startedAt.getTime(), a.completedAt?.getTime() ?? 0, ...a.checks.map((c) => c.updatedAt.getTime()))),
      passed: new Set(a.checks.filter((c) => c.passed).map((c) => c.checkId)),
    })),
  };
}

/** A fresh public certificate id: 128 random bits, URL-safe (22 characters). */
export function newCertificateId(): string {
  return randomBytes(16).toString('base64url');
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';
}

/**
 * A certificate for every complete course that has none yet. Idempotent: one row per learner and
 * course (a unique index), so a second call or a concurrent request issues nothing new.
 */
export async function issueCertificates(db: Db, userId: string, progress: readonly CourseProgress[]): Promise<CertificateRecord[]> {
  const existing = await db.certificate.findMany({ where: { userId } });
  const have = new Set(existing.map((c) => c.courseSlug));
  const due = progress.filter((p) => p.complete && !have.has(p.course.slug));
  for (const p of due) {
    try {
      // Dated when the course was completed, not when the learner next looked.
      await db.certificate.create({ data: { id: newCertificateId(), userId, courseSlug: p.course.slug, issuedAt: p.completedAt } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // another request issued it first
    }
  }
  const rows = due.length ? await db.certificate.findMany({ where: { userId } }) : existing;
  return rows.map((c) => ({ id: c.id, courseSlug: c.courseSlug, issuedAt: c.issuedAt }));
}

export interface LearnerCourses {
  activity: Activity;
  progress: CourseProgress[];
  certificates: CertificateRecord[];
}

/** The learner's progress in every course, with certificates issued for the ones now complete. */
export async function learnerCourses(db: Db | undefined, userId: string | undefined): Promise<LearnerCourses> {
  const activity = db && userId ? await learnerActivity(db, userId) : emptyActivity();
  const shapes = labShapes();
  const progress = courseCatalogue().map((c) => courseProgress(c, activity, shapes));
  const certificates = db && userId ? await issueCertificates(db, userId, progress) : [];
  return { activity, progress, certificates };
}

export function learnerDashboard(mine: LearnerCourses): Dashboard {
  return buildDashboard(mine.progress, mine.activity, labShapes(), mine.certificates);
}

/** What a certificate page shows; the learner's id stays on the server. */
export interface CertificateView {
  id: string;
  courseSlug: string;
  courseTitle: string;
  learnerName: string;
  issuedAt: Date;
  /** The learner is still a guest (no account to keep it in). */
  guest: boolean;
  /** The certificate is the viewer's own. */
  own: boolean;
}

const CERTIFICATE_ID = /^[A-Za-z0-9_-]{22}$/;

/** A certificate by its public id, or undefined (also for ids that could not have been issued). */
export async function findCertificate(db: Db, id: string, viewerId?: string): Promise<CertificateView | undefined> {
  if (!CERTIFICATE_ID.test(id)) return undefined;
  const row = await db.certificate.findUnique({ where: { id }, include: { user: true } });
  if (!row) return undefined;
  // An account's name (server/accounts); a guest has none.
  const name = row.user.name?.trim();
  return {
    id: row.id,
    courseSlug: row.courseSlug,
    courseTitle: findCourse(row.courseSlug)?.title ?? row.courseSlug,
    learnerName: name || ANONYMOUS_NAME,
    issuedAt: row.issuedAt,
    guest: row.user.kind === 'guest',
    own: viewerId === row.userId,
  };
}
