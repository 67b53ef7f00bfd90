// /admin: the admin area is the accounts list for now.
import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function AdminPage() {
  redirect('/admin/users');
}
