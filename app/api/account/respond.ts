// The account routes' common frame: the Kubelab server's accounts, the caller's identity from the
// request's cookies, and the service's outcome as JSON (never cached: it is one person's data).
import { getServerContext } from '../../../server/context';
import type { Identity } from '../../../server/identity';
import type { Accounts } from '../../../server/accounts/index';
import type { Outcome } from '../../../server/accounts/service';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export async function respond<T>(req: Request, run: (accounts: Accounts, who: Identity | undefined, cookie: string | undefined) => Promise<Outcome<T>>): Promise<Response> {
  const accounts = getServerContext()?.accounts;
  if (!accounts) return Response.json({ error: 'accounts need the Kubelab server (npm start)' }, { status: 503, headers: NO_STORE });
  const cookie = req.headers.get('cookie') ?? undefined;
  const out = await run(accounts, await accounts.identity.identify(cookie), cookie);
  return Response.json(out.body, { status: out.status, headers: NO_STORE });
}

/** A JSON body, or {} when there is none or it does not parse. */
export async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  const body = await req.json().catch(() => undefined);
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
