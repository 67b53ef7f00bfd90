// PATCH /api/account/users/:id {role}: an admin sets another account's role (403 for non-admins).
import { setRole } from '../../../../../server/accounts/service';
import { jsonBody, respond } from '../../respond';

export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { role } = await jsonBody(req);
  return respond(req, (a, who) => setRole(a, who, id, role));
}
