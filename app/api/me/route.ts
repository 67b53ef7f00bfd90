// GET /api/me → { role }: the caller's own role, for the header's role-dependent links (the
// header is client-side so that static pages stay static). Nothing about anyone else, ever.
import { getServerContext } from '../../../server/context';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const ctx = getServerContext();
  const identity = ctx ? await ctx.identity.identify(req.headers.get('cookie') ?? undefined) : undefined;
  return Response.json({ role: identity?.role ?? null }, { headers: { 'Cache-Control': 'private, no-store' } });
}
