// Reads content/courses/<slug>.yaml, validates it (courses/schema.ts) and checks that every
// lesson, lab and exam it names exists. Errors name the file and the path inside it, e.g.
//   content/courses/networking.yaml: modules[1].items[0].lab: no lab "ingres" (labs/ingres/lab.yaml)
// Extensionless imports: the Next.js app reads courses through app/lib/courses.ts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CourseSpec, SLUG, toItem, type Course } from './schema';

export class CourseDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Where courses and what they reference live (tests point this at a temporary tree). */
export interface ContentRoots {
  courses: string;
  lessons: string;
  labs: string;
  exams: string;
}

export function defaultRoots(root = process.cwd()): ContentRoots {
  return { courses: join(root, 'content', 'courses'), lessons: join(root, 'content', 'lessons'), labs: join(root, 'labs'), exams: join(root, 'exams') };
}

/** The slugs that exist: lesson files, lab folders with a lab.yaml, exam folders with an exam.yaml. */
export interface KnownContent {
  lessons: Set<string>;
  labs: Set<string>;
  exams: Set<string>;
}

function foldersWith(dir: string, file: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory() && existsSync(join(dir, n, file))));
}

export function knownContent(roots: ContentRoots): KnownContent {
  const lessons = existsSync(roots.lessons) ? readdirSync(roots.lessons).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)) : [];
  return { lessons: new Set(lessons), labs: foldersWith(roots.labs, 'lab.yaml'), exams: foldersWith(roots.exams, 'exam.yaml') };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(top level)';
}

function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`);
}

/** Lessons, labs and exams a course names that do not exist. */
function missingReferences(file: string, spec: CourseSpec, known: KnownContent): string[] {
  const problems: string[] = [];
  spec.modules.forEach((m, i) =>
    m.items.forEach((raw, j) => {
      const item = toItem(raw);
      const at = `${file}: modules[${i}].items[${j}].${item.kind}`;
      if (item.kind === 'lesson' && !known.lessons.has(item.slug)) problems.push(`${at}: no lesson "${item.slug}" (content/lessons/${item.slug}.mdx)`);
      if (item.kind === 'lab' && !known.labs.has(item.slug)) problems.push(`${at}: no lab "${item.slug}" (labs/${item.slug}/lab.yaml)`);
    }),
  );
  spec.exams.forEach((e, i) => {
    if (!known.exams.has(e)) problems.push(`${file}: exams[${i}]: no exam "${e}" (exams/${e}/exam.yaml)`);
  });
  return problems;
}

export function loadCourse(slug: string, roots: ContentRoots, known: KnownContent = knownContent(roots)): Course {
  const file = `content/courses/${slug}.yaml`;
  if (!SLUG.test(slug)) throw new CourseDefinitionError([`${file}: the file name must be lower-case words joined by hyphens`]);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(roots.courses, `${slug}.yaml`), 'utf8'));
  } catch (e) {
    throw new CourseDefinitionError([`${file}: ${(e as Error).message}`]);
  }
  const parsed = CourseSpec.safeParse(raw);
  if (!parsed.success) throw new CourseDefinitionError(formatIssues(file, parsed.error));
  const problems = missingReferences(file, parsed.data, known);
  if (problems.length) throw new CourseDefinitionError(problems);
  return { ...parsed.data, slug, modules: parsed.data.modules.map((m) => ({ title: m.title, items: m.items.map(toItem) })) };
}

/** Every course, in catalogue order; one CourseDefinitionError lists the problems of all of them. */
export function loadAllCourses(roots: ContentRoots = defaultRoots()): Course[] {
  const known = knownContent(roots);
  const files = existsSync(roots.courses) ? readdirSync(roots.courses).filter((f) => f.endsWith('.yaml')) : [];
  const courses: Course[] = [];
  const problems: string[] = [];
  for (const f of files.sort()) {
    try {
      courses.push(loadCourse(f.slice(0, -'.yaml'.length), roots, known));
    } catch (e) {
      problems.push(...(e instanceof CourseDefinitionError ? e.problems : [`content/courses/${f}: ${(e as Error).message}`]));
    }
  }
  if (problems.length) throw new CourseDefinitionError(problems);
  return courses.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
