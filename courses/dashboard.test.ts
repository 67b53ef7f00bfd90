// The dashboard across courses: done, in progress, next, and recent activity.
import { describe, expect, it } from 'vitest';
import { buildDashboard, recentActivity } from './dashboard';
import { courseProgress, shapesBySlug, type Activity } from './progress';
import type { Course } from './schema';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 21, 20, minute));
const mk = (slug: string, items: Course['modules'][number]['items']): Course => ({ slug, title: slug, summary: '', level: 'beginner', order: 1, estimatedHours: 1, exams: [], modules: [{ title: 'm', items }] });
const basics = mk('basics', [{ kind: 'lesson', slug: 'architecture' }, { kind: 'lab', slug: 'deploy-nginx' }]);
const net = mk('net', [{ kind: 'lesson', slug: 'services' }, { kind: 'lab', slug: 'services' }]);
const shapes = shapesBySlug([{ slug: 'deploy-nginx', steps: [['a'], ['b']] }, { slug: 'services', steps: [['s']] }]);

describe('the dashboard', () => {
  it('with no activity suggests the first course’s first item and shows nothing else', () => {
    const empty: Activity = { lessons: [], labs: [] };
    const d = buildDashboard([basics, net].map((c) => courseProgress(c, empty, shapes)), empty, shapes, []);
    expect(d.next).toEqual([{ courseSlug: 'basics', item: expect.objectContaining({ kind: 'lesson', slug: 'architecture' }) }]);
    expect([d.done, d.inProgress, d.coursesUnderway, d.coursesComplete, d.recent]).toEqual([[], [], [], [], []]);
  });

  it('sorts done and in-progress items and courses by the latest touch, and gives each course underway its next item', () => {
    const activity: Activity = {
      lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }, { slug: 'services', firstReadAt: t(20), completedAt: t(21) }],
      labs: [{ slug: 'deploy-nginx', startedAt: t(3), completedAt: null, lastActivityAt: t(4), passed: new Set(['a']) }],
    };
    const d = buildDashboard([basics, net].map((c) => courseProgress(c, activity, shapes)), activity, shapes, []);
    expect(d.done.map((i) => i.slug)).toEqual(['services', 'architecture']);
    expect(d.inProgress.map((i) => `${i.kind}:${i.slug}`)).toEqual(['lab:deploy-nginx']);
    expect(d.coursesUnderway.map((p) => p.course.slug)).toEqual(['net', 'basics']);
    expect(d.next.map((n) => `${n.courseSlug}→${n.item.kind}:${n.item.slug}`)).toEqual(['net→lab:services', 'basics→lab:deploy-nginx']);
  });

  it('lists completed courses apart from those underway', () => {
    const activity: Activity = {
      lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }],
      labs: [{ slug: 'deploy-nginx', startedAt: t(3), completedAt: t(5), lastActivityAt: t(5), passed: new Set(['a', 'b']) }],
    };
    const d = buildDashboard([basics, net].map((c) => courseProgress(c, activity, shapes)), activity, shapes, [{ id: 'x', courseSlug: 'basics', issuedAt: t(6) }]);
    expect(d.coursesComplete.map((p) => p.course.slug)).toEqual(['basics']);
    expect(d.coursesUnderway).toEqual([]);
    expect(d.next).toEqual([]);
  });
});

describe('recent activity', () => {
  it('is every event newest first, at most ten', () => {
    const activity: Activity = {
      lessons: [{ slug: 'architecture', firstReadAt: t(1), completedAt: t(2) }, { slug: 'services', firstReadAt: t(4), completedAt: null }],
      labs: [{ slug: 'deploy-nginx', startedAt: t(3), completedAt: t(5), lastActivityAt: t(5), passed: new Set() }],
    };
    const events = recentActivity(activity, [{ id: 'c1', courseSlug: 'basics', issuedAt: t(6) }]);
    // A read lesson shows its reading, not also its opening; an unread one its opening.
    expect(events.map((e) => `${e.kind}@${e.at.getUTCMinutes()}`)).toEqual(['certificate@6', 'lab-completed@5', 'lesson-opened@4', 'lab-started@3', 'lesson-read@2']);
    const many: Activity = { lessons: Array.from({ length: 12 }, (_, i) => ({ slug: `l${i}`, firstReadAt: t(i), completedAt: t(30 + i) })), labs: [] };
    const ten = recentActivity(many, []);
    expect(ten).toHaveLength(10);
    expect(ten[0]).toMatchObject({ kind: 'lesson-read', item: { slug: 'l11' } });
  });
});
