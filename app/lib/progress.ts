// The learner's progress for the course page: lessons read and, per lab, which steps are done
// (a step is done when every one of its checks and questions last passed), from the database.
import { cookies } from 'next/headers';
import { stepCheckIds, type LabMeta } from '../../labs/catalog';
import { getServerContext } from '../../server/context';

export interface Progress {
  lessonsRead: Set<string>;
  /** Lab slug → done flag per step. */
  labSteps: Map<string, boolean[]>;
}

export async function learnerProgress(labs: LabMeta[]): Promise<Progress> {
  const empty: Progress = { lessonsRead: new Set(), labSteps: new Map(labs.map((l) => [l.slug, l.steps.map(() => false)])) };
  const ctx = getServerContext();
  if (!ctx) return empty;
  const userId = (await ctx.identity.identify((await cookies()).toString()))?.userId;
  if (!userId) return empty;
  const [lessons, attempts] = await Promise.all([
    ctx.db.lessonProgress.findMany({ where: { userId } }),
    ctx.db.labAttempt.findMany({ where: { userId }, include: { checks: true } }),
  ]);
  const passed = new Map(attempts.map((a) => [a.labSlug, new Set(a.checks.filter((c) => c.passed).map((c) => c.checkId))]));
  return {
    lessonsRead: new Set(lessons.map((l) => l.lessonSlug)),
    labSteps: new Map(labs.map((lab) => [lab.slug, stepCheckIds(lab).map((ids) => ids.length > 0 && ids.every((id) => passed.get(lab.slug)?.has(id)))])),
  };
}
