// /signup: create an account with email and password; the guest's work comes along.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getServerContext } from '../../../server/context';
import { safeNext } from '../signin/auth-messages';
import { CredentialsForm, OidcButton } from '../signin/credentials-form';

export const metadata: Metadata = { title: 'Create an account' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: Search }) {
  const next = safeNext((await searchParams).next);
  const oidc = getServerContext()?.accounts?.oidcEnabled ?? false;
  return (
    <main className="page">
      <h1>Create an account</h1>
      <p>An account keeps your progress across browsers and devices. Everything you did here as a guest comes with you.</p>
      <CredentialsForm mode="signup" next={next} />
      {oidc && <OidcButton next={next} label="Sign up with your organisation (OpenID Connect)" />}
      <p>
        Already have an account? <Link href={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
      </p>
    </main>
  );
}
