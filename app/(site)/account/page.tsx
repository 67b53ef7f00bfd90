// /account: who you are (email, role), your signed-in browsers with "revoke" each and "sign out
// everywhere", and deleting the account (confirmed by typing the email).
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerContext } from '../../../server/context';
import { listSessions } from '../../../server/accounts/service';
import { hasRole } from '../../../server/identity';
import { currentIdentity } from '../../lib/identity';
import { DeleteAccountForm, SessionList } from './account-controls';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const who = await currentIdentity();
  const ctx = getServerContext();
  if (!ctx?.accounts || !hasRole(who, 'learner')) redirect('/signin?next=/account');
  const out = await listSessions(ctx.accounts, who, (await cookies()).toString());
  const sessions = out.status === 200 ? out.body.sessions : [];
  return (
    <main className="page">
      <h1>Your account</h1>
      <dl>
        <dt>Email</dt>
        <dd>{who!.email}</dd>
        <dt>Role</dt>
        <dd>{who!.role}</dd>
      </dl>
      <h2>Where you are signed in</h2>
      <SessionList sessions={sessions} />
      <h2>Delete your account</h2>
      <p>
        This deletes your account, your progress, your lab attempts and your clusters, at once and for good. Type your email address to
        confirm.
      </p>
      <DeleteAccountForm email={who!.email ?? ''} />
    </main>
  );
}
