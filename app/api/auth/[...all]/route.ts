// Better Auth's endpoints (sign-up, sign-in, sign-out, OIDC callback…), served by the one auth
// instance server.ts created (server/accounts), so sessions and rate limits are shared.
import { getServerContext } from '../../../../server/context';

async function handle(req: Request): Promise<Response> {
  const accounts = getServerContext()?.accounts;
  if (!accounts) return Response.json({ message: 'accounts need the Kubelab server (npm start)' }, { status: 503 });
  return accounts.auth.handler(req);
}

export const GET = handle;
export const POST = handle;
