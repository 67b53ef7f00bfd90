// Reads lessons (content/lessons/*.mdx) and lab steps (labs/<slug>/steps/*.md) and renders them
// with MDX on the server. Pages are prerendered at build time, so this runs during `next build`.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import type { ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import remarkGfm from 'remark-gfm';
import { mdxComponents } from '../../content/components/index';
import { rehypeLabSteps } from './step-markdown';

const LESSONS_DIR = join(process.cwd(), 'content', 'lessons');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface LessonMeta {
  slug: string;
  title: string;
  summary: string;
  order: number;
  lab?: string;
}

interface Rendered {
  Content: ComponentType<{ components?: object }>;
  meta?: Omit<LessonMeta, 'slug'>;
}

async function render(source: string, format: 'mdx' | 'md'): Promise<Rendered> {
  const rehypePlugins = format === 'md' ? [rehypeLabSteps] : [];
  // GitHub-flavoured Markdown: lessons and steps use tables (plain MDX prints them as text).
  const mod = await evaluate(source, { ...runtime, format, baseUrl: import.meta.url, remarkPlugins: [remarkGfm], rehypePlugins });
  return { Content: mod.default as Rendered['Content'], meta: mod.meta as Rendered['meta'] };
}

export async function lessonSlugs(): Promise<string[]> {
  const files = await readdir(LESSONS_DIR);
  return files.filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -'.mdx'.length)).sort();
}

/** The lesson's component and metadata, or undefined for an unknown slug. */
export async function loadLesson(slug: string): Promise<{ Content: Rendered['Content']; meta: LessonMeta } | undefined> {
  if (!SLUG.test(slug) || !(await lessonSlugs()).includes(slug)) return undefined;
  const { Content, meta } = await render(await readFile(join(LESSONS_DIR, `${slug}.mdx`), 'utf8'), 'mdx');
  if (!meta?.title) throw new Error(`content/lessons/${slug}.mdx must export const meta = { title, summary, order }`);
  return { Content, meta: { slug, ...meta } };
}

export async function listLessons(): Promise<LessonMeta[]> {
  const lessons = await Promise.all((await lessonSlugs()).map(loadLesson));
  return lessons.filter((l) => l !== undefined).map((l) => l.meta).sort((a, b) => a.order - b.order);
}

/** One lab step's Markdown (from labs/<slug>/lab.yaml, never from a URL), rendered. */
export async function renderLabStep(markdown: string): Promise<Rendered['Content']> {
  return (await render(markdown, 'md')).Content;
}

export { mdxComponents };
