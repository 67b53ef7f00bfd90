// A learner's progress through a course, computed from what they did (pure: no database, no clock).
// A lesson is done when marked read (LessonProgress.completedAt), in progress when opened but not
// marked. A lab is done when every check and question of every step last passed, or once it was
// recorded complete (LabAttempt.completedAt: breaking the cluster afterwards does not undo it);
// in progress once the learner has an attempt. Extensionless imports: the app reads this.
import { courseItems, type Course, type CourseItem } from './schema';

export interface LessonActivity {
  slug: string;
  firstReadAt: Date;
  completedAt: Date | null;
}

export interface LabActivity {
  slug: string;
  startedAt: Date;
  completedAt: Date | null;
  /** Latest change to any of its check results (or startedAt). */
  lastActivityAt: Date;
  /** Check and question ids whose latest result passed. */
  passed: ReadonlySet<string>;
}

/** Everything one learner did, as read from the database. */
export interface Activity {
  lessons: LessonActivity[];
  labs: LabActivity[];
}

/** What progress needs to know of a lab: its check and question ids, step by step. */
export interface LabShape {
  slug: string;
  steps: string[][];
}

export type ItemStatus = 'done' | 'in-progress' | 'not-started';

export interface ItemProgress extends CourseItem {
  status: ItemStatus;
  /** Units of work: 1 for a lesson, one per step for a lab. */
  units: number;
  unitsDone: number;
  /** When the learner last did something on it. */
  touchedAt?: Date;
}

export interface CourseProgress {
  course: Course;
  items: ItemProgress[];
  itemsDone: number;
  /** Share of lessons and lab steps done, 0–100, rounded down so 100 means complete. */
  percent: number;
  started: boolean;
  complete: boolean;
  /** Where "Continue" leads; undefined when the course is complete. */
  resume?: ItemProgress;
  /** When the last item was finished (the certificate's date); only for a complete course. */
  completedAt?: Date;
}

export const emptyActivity = (): Activity => ({ lessons: [], labs: [] });

function lessonProgress(item: CourseItem, activity: Activity): ItemProgress {
  const row = activity.lessons.find((l) => l.slug === item.slug);
  if (!row) return { ...item, status: 'not-started', units: 1, unitsDone: 0 };
  const done = row.completedAt !== null;
  return { ...item, status: done ? 'done' : 'in-progress', units: 1, unitsDone: done ? 1 : 0, touchedAt: row.completedAt ?? row.firstReadAt };
}

function labProgress(item: CourseItem, activity: Activity, shapes: ReadonlyMap<string, LabShape>): ItemProgress {
  const steps = shapes.get(item.slug)?.steps ?? [];
  const units = Math.max(steps.length, 1);
  const row = activity.labs.find((l) => l.slug === item.slug);
  if (!row) return { ...item, status: 'not-started', units, unitsDone: 0 };
  const stepsDone = steps.filter((ids) => ids.length > 0 && ids.every((id) => row.passed.has(id))).length;
  const done = row.completedAt !== null || (steps.length > 0 && stepsDone === steps.length);
  return { ...item, status: done ? 'done' : 'in-progress', units, unitsDone: done ? units : stepsDone, touchedAt: row.lastActivityAt };
}

export function itemProgress(item: CourseItem, activity: Activity, shapes: ReadonlyMap<string, LabShape>): ItemProgress {
  return item.kind === 'lesson' ? lessonProgress(item, activity) : labProgress(item, activity, shapes);
}

/**
 * Where to pick the course up: the unfinished item the learner touched most recently; when
 * nothing is under way, the first item not started; nothing when every item is done.
 */
export function resumeItem(items: readonly ItemProgress[]): ItemProgress | undefined {
  const underway = items.filter((i) => i.status === 'in-progress');
  if (underway.length) return underway.reduce((a, b) => ((b.touchedAt?.getTime() ?? 0) > (a.touchedAt?.getTime() ?? 0) ? b : a));
  return items.find((i) => i.status === 'not-started');
}

export function courseProgress(course: Course, activity: Activity, shapes: ReadonlyMap<string, LabShape>): CourseProgress {
  const items = courseItems(course).map((item) => itemProgress(item, activity, shapes));
  const units = items.reduce((n, i) => n + i.units, 0);
  const unitsDone = items.reduce((n, i) => n + i.unitsDone, 0);
  const itemsDone = items.filter((i) => i.status === 'done').length;
  const complete = itemsDone === items.length;
  return {
    course,
    items,
    itemsDone,
    percent: complete ? 100 : Math.min(99, Math.floor((unitsDone / units) * 100)),
    started: items.some((i) => i.status !== 'not-started'),
    complete,
    resume: resumeItem(items),
    ...(complete ? { completedAt: new Date(Math.max(...items.map((i) => i.touchedAt?.getTime() ?? 0))) } : {}),
  };
}

export function shapesBySlug(shapes: readonly LabShape[]): Map<string, LabShape> {
  return new Map(shapes.map((s) => [s.slug, s]));
}
