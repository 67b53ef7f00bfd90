// The learner's dashboard across every course (pure): what is done, what is under way, what to do
// next, and recent activity. Built from the same Activity as course progress, so the two agree.
// Extensionless imports: the app reads this.
import type { CourseItem } from './schema';
import { itemProgress, type Activity, type CourseProgress, type ItemProgress, type LabShape } from './progress';

export interface CertificateRecord {
  id: string;
  courseSlug: string;
  issuedAt: Date;
}

export type ActivityEvent =
  | { kind: 'lesson-opened' | 'lesson-read' | 'lab-started' | 'lab-completed'; item: CourseItem; at: Date }
  | { kind: 'certificate'; courseSlug: string; certificateId: string; at: Date };

export interface NextStep {
  courseSlug: string;
  item: ItemProgress;
}

export interface Dashboard {
  /** Courses begun and not finished, the most recently worked on first. */
  coursesUnderway: CourseProgress[];
  coursesComplete: CourseProgress[];
  /** Lessons read and labs completed, the most recent first. */
  done: ItemProgress[];
  /** Lessons opened but not marked read, labs begun and not finished, the most recent first. */
  inProgress: ItemProgress[];
  /** Per course underway, where "Continue" leads; with none begun, the first course's first item. */
  next: NextStep[];
  recent: ActivityEvent[];
}

const RECENT_EVENTS = 10;

function latestTouch(p: CourseProgress): number {
  return Math.max(0, ...p.items.map((i) => i.touchedAt?.getTime() ?? 0));
}

const byRecent = (a: { touchedAt?: Date }, b: { touchedAt?: Date }) => (b.touchedAt?.getTime() ?? 0) - (a.touchedAt?.getTime() ?? 0);

/** Every lesson and lab the learner touched, with its status (whether or not a course lists it). */
function touchedItems(activity: Activity, shapes: ReadonlyMap<string, LabShape>): ItemProgress[] {
  const items: CourseItem[] = [...activity.lessons.map((l) => ({ kind: 'lesson' as const, slug: l.slug })), ...activity.labs.map((l) => ({ kind: 'lab' as const, slug: l.slug }))];
  return items.map((i) => itemProgress(i, activity, shapes));
}

export function recentActivity(activity: Activity, certificates: readonly CertificateRecord[], limit = RECENT_EVENTS): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  for (const l of activity.lessons) {
    const item = { kind: 'lesson' as const, slug: l.slug };
    // Opening a lesson is news only while it is unread; once read, the reading is what counts.
    events.push(l.completedAt ? { kind: 'lesson-read', item, at: l.completedAt } : { kind: 'lesson-opened', item, at: l.firstReadAt });
  }
  for (const l of activity.labs) {
    const item = { kind: 'lab' as const, slug: l.slug };
    events.push({ kind: 'lab-started', item, at: l.startedAt });
    if (l.completedAt) events.push({ kind: 'lab-completed', item, at: l.completedAt });
  }
  for (const c of certificates) events.push({ kind: 'certificate', courseSlug: c.courseSlug, certificateId: c.id, at: c.issuedAt });
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

export function buildDashboard(progress: readonly CourseProgress[], activity: Activity, shapes: ReadonlyMap<string, LabShape>, certificates: readonly CertificateRecord[]): Dashboard {
  const coursesUnderway = progress.filter((p) => p.started && !p.complete).sort((a, b) => latestTouch(b) - latestTouch(a));
  const touched = touchedItems(activity, shapes);
  const next: NextStep[] = coursesUnderway.flatMap((p) => (p.resume ? [{ courseSlug: p.course.slug, item: p.resume }] : []));
  if (!next.length && progress.length && !progress.some((p) => p.started)) {
    const first = progress[0];
    if (first.resume) next.push({ courseSlug: first.course.slug, item: first.resume });
  }
  return {
    coursesUnderway,
    coursesComplete: progress.filter((p) => p.complete),
    done: touched.filter((i) => i.status === 'done').sort(byRecent),
    inProgress: touched.filter((i) => i.status === 'in-progress').sort(byRecent),
    next,
    recent: recentActivity(activity, certificates),
  };
}
