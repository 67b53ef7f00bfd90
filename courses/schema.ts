// A course outline (content/courses/<slug>.yaml) as a zod schema. courses/load.ts reads and
// validates it and checks that every lesson, lab and exam it names exists.
// Extensionless imports: the Next.js app reads courses through app/lib/courses.ts.
import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'lower-case words joined by hyphens, e.g. deploy-nginx');

/** One thing to do in a module: read a lesson (content/lessons/<slug>.mdx) or do a lab (labs/<slug>/). */
export const CourseItemSpec = z.union([z.object({ lesson: slug }).strict(), z.object({ lab: slug }).strict()], {
  error: 'an item is either `lesson: <slug>` or `lab: <slug>`',
});

export const ModuleSpec = z
  .object({
    title: z.string().min(1, 'a module needs a title'),
    items: z.array(CourseItemSpec).min(1, 'a module needs at least one lesson or lab'),
  })
  .strict();

export const CourseSpec = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(['beginner', 'intermediate', 'advanced']),
    /** Where the course sits in the catalogue (lower first). */
    order: z.number(),
    /** A learner's estimate, lessons and labs together. */
    estimatedHours: z.number().positive().max(200),
    modules: z.array(ModuleSpec).min(1, 'a course needs at least one module'),
    /** Practice exams (exams/<slug>/exam.yaml) to take after the course. */
    exams: z.array(slug).default([]),
  })
  .strict();

export type CourseItemSpec = z.infer<typeof CourseItemSpec>;
export type CourseSpec = z.infer<typeof CourseSpec>;

/** An item as the rest of the code sees it: its kind and slug. */
export interface CourseItem {
  kind: 'lesson' | 'lab';
  slug: string;
}

export interface Course extends Omit<CourseSpec, 'modules'> {
  slug: string;
  modules: { title: string; items: CourseItem[] }[];
}

export function toItem(spec: CourseItemSpec): CourseItem {
  return 'lesson' in spec ? { kind: 'lesson', slug: spec.lesson } : { kind: 'lab', slug: spec.lab };
}

/** Every item of a course in order (a course may list one item twice; it counts once). */
export function courseItems(course: Course): CourseItem[] {
  const seen = new Set<string>();
  return course.modules.flatMap((m) => m.items).filter((i) => !seen.has(itemKey(i)) && seen.add(itemKey(i)));
}

export function itemKey(item: CourseItem): string {
  return `${item.kind}:${item.slug}`;
}
