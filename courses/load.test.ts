// Course outlines: the real ones load and name only lessons, labs and exams that exist; broken
// ones are refused with the file, the path inside it and what is wrong.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CourseDefinitionError, defaultRoots, knownContent, loadAllCourses, type ContentRoots } from './load';
import { courseItems } from './schema';

describe('the courses in content/courses', () => {
  const courses = loadAllCourses();
  const known = knownContent(defaultRoots());

  it('load, at least three, in catalogue order', () => {
    expect(courses.length).toBeGreaterThanOrEqual(3);
    expect(courses.map((c) => c.order)).toEqual([...courses.map((c) => c.order)].sort((a, b) => a - b));
    expect(courses.map((c) => c.slug)).toEqual(expect.arrayContaining(['kubernetes-architecture', 'workloads-and-scheduling', 'networking-and-services']));
  });

  it('reference only lessons, labs and exams that exist', () => {
    for (const course of courses) {
      for (const item of courseItems(course)) expect(item.kind === 'lesson' ? known.lessons : known.labs, `${course.slug}: ${item.kind} ${item.slug}`).toContain(item.slug);
      for (const exam of course.exams) expect(known.exams, `${course.slug}: exam ${exam}`).toContain(exam);
    }
  });

  it('the whole path (kubernetes-architecture) has every lesson and every lab', () => {
    const path = courses.find((c) => c.slug === 'kubernetes-architecture')!;
    const items = courseItems(path);
    expect(new Set(items.filter((i) => i.kind === 'lesson').map((i) => i.slug))).toEqual(known.lessons);
    expect(new Set(items.filter((i) => i.kind === 'lab').map((i) => i.slug))).toEqual(known.labs);
  });
});

describe('a broken course', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-courses-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const roots: ContentRoots = { courses: join(root, 'courses'), lessons: join(root, 'lessons'), labs: join(root, 'labs'), exams: join(root, 'exams') };
  mkdirSync(roots.courses);
  mkdirSync(roots.lessons);
  mkdirSync(join(roots.labs, 'deploy-nginx'), { recursive: true });
  writeFileSync(join(roots.lessons, 'architecture.mdx'), '');
  writeFileSync(join(roots.labs, 'deploy-nginx', 'lab.yaml'), '');
  const good = 'title: T\nsummary: S\nlevel: beginner\norder: 1\nestimatedHours: 1\nmodules:\n  - title: M\n    items:\n      - lesson: architecture\n      - lab: deploy-nginx\n';

  function problemsOf(yaml: string, name = 'c'): string[] {
    rmSync(roots.courses, { recursive: true, force: true });
    mkdirSync(roots.courses);
    writeFileSync(join(roots.courses, `${name}.yaml`), yaml);
    try {
      loadAllCourses(roots);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(CourseDefinitionError);
      return (e as CourseDefinitionError).problems;
    }
  }

  it('loads when every reference exists', () => {
    expect(problemsOf(good)).toEqual([]);
    expect(loadAllCourses(roots)[0]).toMatchObject({ slug: 'c', exams: [], modules: [{ title: 'M', items: [{ kind: 'lesson', slug: 'architecture' }, { kind: 'lab', slug: 'deploy-nginx' }] }] });
  });

  it('names an unknown lesson, lab or exam with where it is', () => {
    const yaml = good.replace('lesson: architecture', 'lesson: architectur').replace('lab: deploy-nginx', 'lab: deploy-ngnix') + 'exams: [cka-practice]\n';
    expect(problemsOf(yaml)).toEqual([
      'content/courses/c.yaml: modules[0].items[0].lesson: no lesson "architectur" (content/lessons/architectur.mdx)',
      'content/courses/c.yaml: modules[0].items[1].lab: no lab "deploy-ngnix" (labs/deploy-ngnix/lab.yaml)',
      'content/courses/c.yaml: exams[0]: no exam "cka-practice" (exams/cka-practice/exam.yaml)',
    ]);
  });

  it('refuses missing fields, unknown fields, bad levels, empty modules and odd items', () => {
    expect(problemsOf(good.replace('title: T\n', ''))).toEqual([expect.stringMatching(/^content\/courses\/c\.yaml: title: /)]);
    expect(problemsOf(good.replace('level: beginner', 'level: expert'))[0]).toMatch(/^content\/courses\/c\.yaml: level: .*"beginner"\|"intermediate"\|"advanced"/);
    expect(problemsOf(good + 'hours: 3\n')[0]).toMatch(/^content\/courses\/c\.yaml: \(top level\): Unrecognized key: "hours"/);
    expect(problemsOf(good.replace(/items:[\s\S]*$/, 'items: []\n'))).toEqual(['content/courses/c.yaml: modules[0].items: a module needs at least one lesson or lab']);
    expect(problemsOf(good.replace('lab: deploy-nginx', 'quiz: deploy-nginx'))).toEqual(['content/courses/c.yaml: modules[0].items[1]: an item is either `lesson: <slug>` or `lab: <slug>`']);
  });

  it('refuses YAML that does not parse and a file name that is not a slug', () => {
    expect(problemsOf('title: [unclosed\n')[0]).toMatch(/^content\/courses\/c\.yaml: /);
    expect(problemsOf(good, 'Bad_Name')).toEqual(['content/courses/Bad_Name.yaml: the file name must be lower-case words joined by hyphens']);
  });
});
