// /admin/users: admins see accounts and set each one's role. Anyone else is told it is admins only
// (the API behind it answers 403 too).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getServerContext } from '../../../../server/context';
import { listUsers } from '../../../../server/accounts/service';
import { currentIdentity } from '../../../lib/identity';
import { RoleSelect } from './role-select';

export const metadata: Metadata = { title: 'Accounts · Admin' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Search }) {
  const who = await currentIdentity();
  const accounts = getServerContext()?.accounts;
  if (!who || who.role === 'guest' || !accounts) redirect('/signin?next=/admin/users');
  const q = (await searchParams).q;
  const out = await listUsers(accounts, who, typeof q === 'string' ? q.slice(0, 200) : '');
  if (out.status !== 200) {
    return (
      <main className="page">
        <h1>Forbidden</h1>
        <p role="alert">Only admins can manage accounts. You are signed in as {who.email} ({who.role}).</p>
      </main>
    );
  }
  return (
    <main className="page">
      <h1>Accounts</h1>
      <form role="search" method="get">
        <label htmlFor="q">Find by email</label> <input id="q" name="q" type="search" defaultValue={typeof q === 'string' ? q : ''} />{' '}
        <button className="button secondary" type="submit">
          Search
        </button>
      </form>
      <table>
        <caption className="muted">Newest first, up to 200.</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Since</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {out.body.users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{u.createdAt.slice(0, 10)}</td>
              <td>{u.id === who.userId ? `${u.role} (you)` : <RoleSelect userId={u.id} email={u.email} role={u.role} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
