// GET /api/account/sessions: the caller's own active sessions (device, address, when).
import { listSessions } from '../../../../server/accounts/service';
import { respond } from '../respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return respond(req, (a, who, cookie) => listSessions(a, who, cookie));
}
