// /workshops/new: an instructor picks a title, labs, a start time and a duration.
import type { Metadata } from 'next';
import Link from 'next/link';
import { labCatalog } from '../../../../labs/catalog';
import { canCreateWorkshops } from '../../../../workshops/access';
import { currentIdentity } from '../../../lib/identity';
import { NewWorkshopForm } from './new-workshop-form';

export const metadata: Metadata = { title: 'New workshop' };
export const dynamic = 'force-dynamic';

export default async function NewWorkshopPage() {
  if (!canCreateWorkshops(await currentIdentity())) {
    return (
      <main className="page">
        <h1>New workshop</h1>
        <p>Only instructors can create workshops. <Link href="/signin?next=/workshops/new">Sign in</Link> with an instructor account.</p>
      </main>
    );
  }
  const labs = labCatalog().map((l) => ({ slug: l.slug, title: l.title, minutes: l.minutes }));
  return (
    <main className="page">
      <h1>New workshop</h1>
      <NewWorkshopForm labs={labs} />
    </main>
  );
}
