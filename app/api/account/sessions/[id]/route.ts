// DELETE /api/account/sessions/:id: revoke one of the caller's sessions (404 for anyone else's).
import { revokeSession } from '../../../../../server/accounts/service';
import { respond } from '../../respond';

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(req, (a, who) => revokeSession(a, who, id));
}
