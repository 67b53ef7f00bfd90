// Course progress from a learner's activity: item status, the percentage, completion, and where
// "Continue" leads.
import { describe, expect, it } from 'vitest';
import { courseProgress, emptyActivity, resumeItem, shapesBySlug, type Activity, type LabActivity } from './progress';
import type { Course } from './schema';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 21, 20, minute));

const course: Course = {
  slug: 'demo',
  title: 'Demo',
  summary: 's',
  level: 'beginner',
  order: 1,
  estimatedHours: 1,
  exams: [],
  modules: [
    { title: 'One', items: [{ kind: 'lesson', slug: 'architecture' }, { kind: 'lab', slug: 'deploy-nginx' }] },
    { title: 'Two', items: [{ kind: 'lesson', slug: 'services' }, { kind: 'lab', slug: 'services' }, { kind: 'lesson', slug: 'architecture' }] },
  ],
};
const shapes = shapesBySlug([
  { slug: 'deploy-nginx', steps: [['web-ready', 'q1'], ['manifest-written']] },
  { slug: 'services', steps: [['svc'], ['dns'], ['nodeport']] },
]);

function lab(slug: string, passed: string[], at: number, completedAt: Date | null = null): LabActivity {
  return { slug, startedAt: t(at), completedAt, lastActivityAt: t(at + 1), passed: new Set(passed) };
}

describe('course progress', () => {
  it('nothing done: 0%, not started, Continue leads to the first item', () => {
    const p = courseProgress(course, emptyActivity(), shapes);
    expect(p.items.map((i) => `${i.kind}:${i.slug}:${i.status}`)).toEqual(['lesson:architecture:not-started', 'lab:deploy-nginx:not-started', 'lesson:services:not-started', 'lab:services:not-started']);
    expect(p).toMatchObject({ percent: 0, started: false, complete: false, itemsDone: 0 });
    expect(p.resume).toMatchObject({ kind: 'lesson', slug: 'architecture' });
  });

  it('counts a lesson marked read as done, an opened one as in progress', () => {
    const activity: Activity = { lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }, { slug: 'services', firstReadAt: t(3), completedAt: null }], labs: [] };
    const p = courseProgress(course, activity, shapes);
    expect(p.items.map((i) => i.status)).toEqual(['done', 'not-started', 'in-progress', 'not-started']);
    // 1 of 7 units (2 lessons + 2 + 3 lab steps): 14%.
    expect(p.percent).toBe(14);
    expect(p.started).toBe(true);
  });

  it('counts lab steps whose checks and questions all last passed; a lab is done when all steps are', () => {
    const half = courseProgress(course, { lessons: [], labs: [lab('deploy-nginx', ['web-ready', 'manifest-written'], 5)] }, shapes);
    expect(half.items[1]).toMatchObject({ status: 'in-progress', units: 2, unitsDone: 1 });
    const whole = courseProgress(course, { lessons: [], labs: [lab('deploy-nginx', ['web-ready', 'q1', 'manifest-written'], 5)] }, shapes);
    expect(whole.items[1]).toMatchObject({ status: 'done', unitsDone: 2 });
  });

  it('keeps a lab recorded complete done even when its checks fail later', () => {
    const p = courseProgress(course, { lessons: [], labs: [lab('deploy-nginx', [], 5, t(9))] }, shapes);
    expect(p.items[1]).toMatchObject({ status: 'done', unitsDone: 2 });
  });

  it('is complete (100%) only when every item is done; an item listed twice counts once', () => {
    const lessons = [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(1) }, { slug: 'services', firstReadAt: t(1), completedAt: t(1) }];
    const almost = courseProgress(course, { lessons, labs: [lab('deploy-nginx', ['web-ready', 'q1', 'manifest-written'], 2), lab('services', ['svc', 'dns'], 3)] }, shapes);
    expect(almost.items).toHaveLength(4);
    expect(almost).toMatchObject({ complete: false, percent: 85, itemsDone: 3 });
    const done = courseProgress(course, { lessons, labs: [lab('deploy-nginx', ['web-ready', 'q1', 'manifest-written'], 2), lab('services', ['svc', 'dns', 'nodeport'], 3)] }, shapes);
    expect(done).toMatchObject({ complete: true, percent: 100, itemsDone: 4, resume: undefined });
    // Completed when the last item was: the services lab's latest check result (minute 4).
    expect(done.completedAt).toEqual(t(4));
    expect(almost.completedAt).toBeUndefined();
  });

  it('never shows 100% before the course is complete', () => {
    const big: Course = { ...course, modules: [{ title: 'm', items: Array.from({ length: 300 }, (_, i) => ({ kind: 'lesson' as const, slug: `l${i}` })) }] };
    const lessons = Array.from({ length: 299 }, (_, i) => ({ slug: `l${i}`, firstReadAt: t(1), completedAt: t(1) }));
    expect(courseProgress(big, { lessons, labs: [] }, shapes).percent).toBe(99);
  });
});

describe('where Continue leads', () => {
  it('the unfinished item touched most recently, even if it comes earlier in the course', () => {
    const activity: Activity = {
      lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }, { slug: 'services', firstReadAt: t(30), completedAt: null }],
      labs: [lab('deploy-nginx', ['web-ready'], 40), lab('services', ['svc'], 10)],
    };
    expect(courseProgress(course, activity, shapes).resume).toMatchObject({ kind: 'lab', slug: 'deploy-nginx' });
    activity.lessons[1] = { slug: 'services', firstReadAt: t(50), completedAt: null };
    expect(courseProgress(course, activity, shapes).resume).toMatchObject({ kind: 'lesson', slug: 'services' });
  });

  it('the first item not started when nothing is under way (done items are skipped)', () => {
    const activity: Activity = { lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }], labs: [lab('deploy-nginx', [], 5, t(6))] };
    expect(courseProgress(course, activity, shapes).resume).toMatchObject({ kind: 'lesson', slug: 'services', status: 'not-started' });
  });

  it('nowhere when everything is done', () => {
    expect(resumeItem([{ kind: 'lesson', slug: 'a', status: 'done', units: 1, unitsDone: 1 }])).toBeUndefined();
  });
});
