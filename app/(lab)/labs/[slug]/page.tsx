import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { findLabMeta, labCatalog } from '../../../../labs/catalog';
import { loadLabStep } from '../../../lib/content';
import { WorkspaceLoader } from './workspace-loader';

export const dynamicParams = false;

const Params = z.object({ slug: z.string() });

export function generateStaticParams() {
  return labCatalog.map((lab) => ({ slug: lab.slug }));
}

export async function generateMetadata({ params }: { params: Promise<unknown> }): Promise<Metadata> {
  const lab = findLabMeta(Params.parse(await params).slug);
  return lab ? { title: lab.title, description: lab.summary } : {};
}

export default async function LabPage({ params }: { params: Promise<unknown> }) {
  const parsed = Params.safeParse(await params);
  const lab = parsed.success ? findLabMeta(parsed.data.slug) : undefined;
  if (!lab) notFound();
  const steps = await Promise.all(lab.steps.map(async (s) => ({ title: s.title, Body: await loadLabStep(lab.slug, s.file) })));
  return (
    <main className="lab">
      <section className="lab-side" aria-label="Lab instructions">
        <h1>{lab.title}</h1>
        <p className="muted">
          {lab.summary} Background: <Link href={`/lessons/${lab.lessonSlug}`}>the architecture lesson</Link>.
        </p>
        <div id="lab-checks-slot" />
        {steps.map(({ title, Body }, i) => (
          <section key={title} aria-labelledby={`step-${i}`}>
            <h2 id={`step-${i}`}>
              Step {i + 1}: {title}
            </h2>
            <Body />
          </section>
        ))}
      </section>
      <WorkspaceLoader labSlug={lab.slug} checks={lab.checks.map((c) => ({ id: c.id, title: c.title }))} />
    </main>
  );
}
