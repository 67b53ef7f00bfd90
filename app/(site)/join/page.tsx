// /join: a learner types the workshop's join code (guests too; no account needed).
import type { Metadata } from 'next';
import { currentIdentity } from '../../lib/identity';
import { JoinForm } from './join-form';

export const metadata: Metadata = { title: 'Join a workshop' };
export const dynamic = 'force-dynamic';

export default async function JoinPage() {
  const identity = await currentIdentity();
  return (
    <main className="page">
      <h1>Join a workshop</h1>
      <p>Your instructor has a join code of eight letters and digits. You can join as a guest or signed in.</p>
      <JoinForm name={identity?.name} />
    </main>
  );
}
