import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { lessonSlugs, loadLesson, mdxComponents } from '../../../lib/content';
import { MarkRead } from './mark-read';

export const dynamicParams = false;

const Params = z.object({ slug: z.string() });

export async function generateStaticParams() {
  return (await lessonSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<unknown> }): Promise<Metadata> {
  const lesson = await loadLesson(Params.parse(await params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<unknown> }) {
  const parsed = Params.safeParse(await params);
  const lesson = parsed.success ? await loadLesson(parsed.data.slug) : undefined;
  if (!lesson) notFound();
  const { Content, meta } = lesson;
  return (
    <main className="page">
      <article>
        <Content components={mdxComponents} />
      </article>
      <MarkRead lessonSlug={meta.slug} />
    </main>
  );
}
