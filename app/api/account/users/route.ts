// GET /api/account/users?q=: accounts for the admin page (admins only; 403 otherwise).
import { listUsers } from '../../../../server/accounts/service';
import { respond } from '../respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const q = new URL(req.url).searchParams.get('q') ?? '';
  return respond(req, (a, who) => listUsers(a, who, q.slice(0, 200)));
}
