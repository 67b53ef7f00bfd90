// POST /api/account/sign-out-everywhere: end every session of the caller, this one included.
import { signOutEverywhere } from '../../../../server/accounts/service';
import { respond } from '../respond';

export async function POST(req: Request) {
  return respond(req, (a, who) => signOutEverywhere(a, who));
}
