// /signin: email and password, or the configured OpenID Connect provider. A guest's work in this
// browser moves into the account on sign-in.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getServerContext } from '../../../server/context';
import { currentIdentity } from '../../lib/identity';
import { safeNext } from './auth-messages';
import { CredentialsForm, OidcButton } from './credentials-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  const who = await currentIdentity();
  const oidc = getServerContext()?.accounts?.oidcEnabled ?? false;
  return (
    <main className="page">
      <h1>Sign in</h1>
      {who && who.role !== 'guest' && <p className="notice">You are signed in as {who.email}. <Link href="/account">Your account</Link></p>}
      {params.error === 'oidc' && <p className="notice" role="alert">Signing in with your organisation did not work. Try again, or use your email and password.</p>}
      <p>What you did here as a guest (lessons read, labs, your clusters) comes with you into your account.</p>
      <CredentialsForm mode="signin" next={next} />
      {oidc && <OidcButton next={next} label="Sign in with your organisation (OpenID Connect)" />}
      <p>
        New here? <Link href={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
      </p>
    </main>
  );
}
