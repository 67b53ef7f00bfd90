// DELETE /api/account {confirmEmail}: delete the caller's own account, its data and sandboxes.
import { deleteOwnAccount } from '../../../server/accounts/service';
import { jsonBody, respond } from './respond';

export const dynamic = 'force-dynamic';

export async function DELETE(req: Request) {
  const { confirmEmail } = await jsonBody(req);
  return respond(req, (a, who) => deleteOwnAccount(a, who, confirmEmail));
}
