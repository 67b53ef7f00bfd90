// /join/<code>: the join link; the code is filled in, nothing is looked up until the learner
// presses Join (so a link cannot be used to probe codes without the join rate limit).
import type { Metadata } from 'next';
import { currentIdentity } from '../../../lib/identity';
import { JoinForm } from '../join-form';

export const metadata: Metadata = { title: 'Join a workshop' };
export const dynamic = 'force-dynamic';

export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code).slice(0, 20);
  const identity = await currentIdentity();
  return (
    <main className="page">
      <h1>Join a workshop</h1>
      <p>Tell your instructor who you are, then join.</p>
      <JoinForm code={code} name={identity?.name} />
    </main>
  );
}
