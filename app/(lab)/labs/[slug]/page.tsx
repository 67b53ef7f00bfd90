import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { findLabMeta, labCatalog, stepCheckIds } from '../../../../labs/catalog';
import { loadLesson, renderLabStep } from '../../../lib/content';
import { Hints, Question, StepActions, StepCode, StepLink, StepStatus } from './step-parts';
import { WorkspaceLoader } from './workspace-loader';

export const dynamicParams = false;

const Params = z.object({ slug: z.string() });
const stepComponents = { pre: StepCode, a: StepLink };

export function generateStaticParams() {
  return labCatalog().map((lab) => ({ slug: lab.slug }));
}

export async function generateMetadata({ params }: { params: Promise<unknown> }): Promise<Metadata> {
  const lab = findLabMeta(Params.parse(await params).slug);
  return lab ? { title: lab.title, description: lab.summary } : {};
}

export default async function LabPage({ params }: { params: Promise<unknown> }) {
  const parsed = Params.safeParse(await params);
  const lab = parsed.success ? findLabMeta(parsed.data.slug) : undefined;
  if (!lab) notFound();
  const steps = await Promise.all(lab.steps.map(async (s) => ({ ...s, Body: await renderLabStep(s.markdown) })));
  const lessons = (await Promise.all(lab.lessons.map(loadLesson))).filter((l) => l !== undefined);
  const ids = stepCheckIds(lab);
  return (
    <main className="lab">
      <section className="lab-side" aria-label="Lab instructions">
        <p className="muted crumbs">
          <Link href="/course">Course</Link> · {lab.level} · about {lab.minutes} min
        </p>
        <h1>{lab.title}</h1>
        <a href="#sandbox" className="to-sandbox">
          Go to the terminal and editor
        </a>
        <p className="muted">
          {lab.summary}
          {lessons.length > 0 && (
            <>
              {' '}
              Background:{' '}
              {lessons.map((l, i) => (
                <span key={l.meta.slug}>
                  {i > 0 && ', '}
                  <Link href={`/lessons/${l.meta.slug}`}>{l.meta.title}</Link>
                </span>
              ))}
              .
            </>
          )}
        </p>
        <div id="lab-checks-slot" />
        {steps.map(({ id, title, Body, hints, questions, actions }, i) => (
          <section key={id} aria-labelledby={`step-${i}`} className="lab-step" data-step={id}>
            <h2 id={`step-${i}`}>
              Step {i + 1}: {title} <StepStatus ids={ids[i]} />
            </h2>
            <Body components={stepComponents} />
            <StepActions stepId={id} actions={actions} />
            {questions.length > 0 && (
              <div className="questions">
                <h3>Questions</h3>
                {questions.map((q) => (
                  <Question key={q.id} q={q} />
                ))}
              </div>
            )}
            <Hints labSlug={lab.slug} stepId={id} hints={hints} />
          </section>
        ))}
      </section>
      <WorkspaceLoader labSlug={lab.slug} checks={lab.steps.flatMap((s) => [...s.checks.map((c) => ({ id: c.id, title: c.title })), ...s.questions.map((q) => ({ id: q.id, title: q.prompt }))])} />
    </main>
  );
}
