// /certificates/<id>: a course completion record anyone with the link can see (the id is the
// only key: 128 random bits). It names the learner (account name, or "A Kubelab learner"), the
// course and the date, and says where to verify it. A guest who owns it is asked to sign up to keep it.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getServerContext } from '../../../../server/context';
import { findCertificate, type CertificateView } from '../../../lib/courses';
import { currentIdentity } from '../../../lib/identity';
import { courseStyles as styles } from '../../courses/parts';
import { CopyLink } from './copy-link';

export const dynamic = 'force-dynamic';

const Params = z.object({ id: z.string().max(64) });

async function load(params: Promise<unknown>): Promise<CertificateView | undefined> {
  const parsed = Params.safeParse(await params);
  const db = getServerContext()?.db;
  if (!parsed.success || !db) return undefined;
  return findCertificate(db, parsed.data.id, (await currentIdentity())?.userId);
}

export async function generateMetadata({ params }: { params: Promise<unknown> }): Promise<Metadata> {
  const cert = await load(params);
  if (!cert) return {};
  const title = `Certificate: ${cert.courseTitle}`;
  const description = `${cert.learnerName} completed ${cert.courseTitle} on Kubelab.`;
  return { title, description, openGraph: { title, description, type: 'article' } };
}

/** The date in words, fixed to UTC so every viewer reads the same day. */
function issuedOn(at: Date): string {
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export default async function CertificatePage({ params }: { params: Promise<unknown> }) {
  const cert = await load(params);
  if (!cert) notFound();
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
  const pageUrl = `${origin}/certificates/${cert.id}`;
  const verifyUrl = `${pageUrl}/verify`;
  return (
    <main className="page">
      <h1 className="sr-only">Certificate of completion</h1>
      <section className={styles.certificate} aria-label="Certificate" data-testid="certificate">
        <p className="muted">Kubelab certifies that</p>
        <p className={styles.name} data-testid="learner-name">
          {cert.learnerName}
        </p>
        <p className="muted">completed the course</p>
        <p className={styles.course} data-testid="course-title">
          <Link href={`/courses/${cert.courseSlug}`}>{cert.courseTitle}</Link>
        </p>
        <p>
          on <time dateTime={cert.issuedAt.toISOString()}>{issuedOn(cert.issuedAt)}</time>
        </p>
        <p className={styles.verify} data-testid="verification">
          Certificate {cert.id}. Verify it at <a href={verifyUrl}>{verifyUrl}</a>
        </p>
      </section>
      {cert.own && cert.guest && (
        <p className="notice" data-testid="keep-certificate">
          You earned this as a guest: it is tied to this browser. <Link href="/signup">Sign up</Link> to keep it in your account.
        </p>
      )}
      {cert.own && (
        <>
          <p>Share this page&rsquo;s address to show your certificate; anyone can check it with the verification link.</p>
          <CopyLink url={pageUrl} />
        </>
      )}
    </main>
  );
}
