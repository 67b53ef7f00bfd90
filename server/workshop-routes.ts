// The workshop HTTP routes' logic, apart from Next (app/api/workshops/** only call these), so
// tests can run every route against a real database and try every line an outsider might cross.
// Non-owners get 404 with the same text as a workshop that does not exist: nothing leaks.
import { canCreateWorkshops, canManage, phaseOf } from '../workshops/access';
import { normalizeCode } from '../workshops/code';
import { resultsCsv } from '../workshops/csv';
import { BroadcastInput, CreateWorkshopInput, ExtendInput, HintInput, JoinInput, firstIssue } from '../workshops/validate';
import type { Identity, IdentitySource } from './identity';
import { getServerContext } from './context';
import { getWorkshopHub, type WorkshopHub } from './workshop-hub';
import { labSlugsOf, type WorkshopRow } from './workshop-service';

/** Set by server.ts from the socket's address; a client's own value is overwritten (accounts/auth.ts). */
export const CLIENT_IP_HEADER = 'x-kubelab-client-ip';

export type WorkshopAction = 'broadcast' | 'hint' | 'extend' | 'end' | 'prewarm';

const json = (body: unknown, status = 200, headers?: Record<string, string>) => Response.json(body, { status, headers });
const error = (status: number, message: string, headers?: Record<string, string>) => json({ error: message }, status, headers);
const NOT_FOUND = 'No such workshop, or it is not yours.';
export const UNKNOWN_CODE = 'No workshop has that code. Check it with your instructor (8 letters and digits, like ABCD-EFGH).';
export const ENDED = 'This workshop has ended; it takes no new participants.';

export class WorkshopRoutes {
  constructor(
    private readonly hub: WorkshopHub,
    private readonly identity: IdentitySource,
    private readonly now: () => number = Date.now,
  ) {}

  async create(req: Request): Promise<Response> {
    const who = await this.who(req);
    if (!who.ok) return who.response;
    if (!canCreateWorkshops(who.identity)) return error(403, 'Only instructors can create workshops.');
    const input = CreateWorkshopInput.safeParse(await body(req));
    if (!input.success) return error(400, firstIssue(input.error));
    const w = await this.hub.service.create(who.identity.userId, input.data);
    return json({ id: w.id, code: w.code }, 201);
  }

  async list(req: Request): Promise<Response> {
    const who = await this.who(req);
    if (!who.ok) return who.response;
    if (!canCreateWorkshops(who.identity)) return error(403, 'Only instructors have workshops.');
    const rows = await this.hub.service.listFor(who.identity.userId);
    return json({ workshops: rows.map((w) => ({ id: w.id, title: w.title, code: w.code, startsAt: w.startsAt, endsAt: w.endsAt, phase: phaseOf(w, this.now()) })) });
  }

  /** Rate-limited per IP and per learner before the code is even looked at, right or wrong. */
  async join(req: Request): Promise<Response> {
    const who = await this.who(req);
    if (!who.ok) return who.response;
    const ip = req.headers.get(CLIENT_IP_HEADER) || 'unknown';
    const wait = this.hub.joinLimiter.attempt(ip, who.identity.userId);
    if (wait !== undefined) return error(429, `Too many join attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, { 'Retry-After': String(wait) });
    const input = JoinInput.safeParse(await body(req));
    if (!input.success) return error(400, firstIssue(input.error));
    const code = normalizeCode(input.data.code);
    const w = code ? await this.hub.service.byCode(code) : null;
    if (!w) return error(404, UNKNOWN_CODE);
    if (phaseOf(w, this.now()) === 'ended') return error(410, ENDED);
    await this.hub.service.join(w, who.identity.userId, input.data.name);
    const [participant] = await this.hub.service.participants(w, this.hub.failsOf, who.identity.userId);
    if (participant) this.hub.participantJoined(w, participant);
    return json({ workshopId: w.id });
  }

  async action(req: Request, id: string, action: WorkshopAction): Promise<Response> {
    const owned = await this.owned(req, id);
    if (!owned.ok) return owned.response;
    const w = owned.workshop;
    const raw = await body(req);
    switch (action) {
      case 'broadcast': {
        const input = BroadcastInput.safeParse(raw);
        if (!input.success) return error(400, firstIssue(input.error));
        const message = await this.hub.service.addMessage(w, 'broadcast', input.data.text);
        this.hub.announce(w, message);
        return json({ message });
      }
      case 'hint': {
        const input = HintInput.safeParse(raw);
        if (!input.success) return error(400, firstIssue(input.error));
        const { labSlug, stepId, hintIndex } = input.data;
        const step = labSlugsOf(w).includes(labSlug) ? this.hub.service.view(w).labs.find((l) => l.slug === labSlug)?.steps.find((s) => s.id === stepId) : undefined;
        const text = step?.hints[hintIndex];
        if (text === undefined) return error(400, 'That lab, step or hint is not part of this workshop.');
        const message = await this.hub.service.addMessage(w, 'hint', text, labSlug, stepId);
        this.hub.announce(w, message);
        return json({ message });
      }
      case 'extend': {
        const input = ExtendInput.safeParse(raw);
        if (!input.success) return error(400, firstIssue(input.error));
        if (w.endedAt) return error(409, 'This workshop was ended; it cannot be extended.');
        const after = await this.hub.service.extend(w, input.data.minutes);
        this.hub.timesChanged(after);
        return json({ endsAt: after.endsAt });
      }
      case 'end': {
        const after = await this.hub.service.end(w);
        this.hub.timesChanged(after);
        return json({ endedAt: after.endedAt });
      }
      case 'prewarm':
        if (phaseOf(w, this.now()) === 'ended') return error(409, 'This workshop has ended.');
        return json(await this.hub.prewarm(w));
    }
  }

  async results(req: Request, id: string): Promise<Response> {
    const owned = await this.owned(req, id);
    if (!owned.ok) return owned.response;
    const csv = resultsCsv(await this.hub.service.results(owned.workshop, this.hub.failsOf));
    const name = `workshop-${owned.workshop.code}-results.csv`;
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' } });
  }

  private async who(req: Request): Promise<{ ok: true; identity: Identity } | { ok: false; response: Response }> {
    // Cookies ride along on cross-site form posts: a state-changing request must come from our own pages.
    const origin = req.headers.get('origin');
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    if (req.method !== 'GET' && origin && new URL(origin).host !== host) return { ok: false, response: error(403, 'Cross-site request refused.') };
    const identity = await this.identity.identify(req.headers.get('cookie') ?? undefined);
    if (!identity) return { ok: false, response: error(401, 'No session or learner cookie; reload the page.') };
    return { ok: true, identity };
  }

  private async owned(req: Request, id: string): Promise<{ ok: true; workshop: WorkshopRow } | { ok: false; response: Response }> {
    const who = await this.who(req);
    if (!who.ok) return who;
    const w = await this.hub.service.get(id);
    if (!w || !canManage(who.identity, w)) return { ok: false, response: error(404, NOT_FOUND) };
    return { ok: true, workshop: w };
  }
}

async function body(req: Request): Promise<unknown> {
  if (req.method === 'GET') return undefined;
  return req.json().catch(() => undefined);
}

/** The routes as server.ts set them up (undefined when the app runs without server.ts). */
export function workshopRoutes(): WorkshopRoutes | undefined {
  const hub = getWorkshopHub();
  const ctx = getServerContext();
  return hub && ctx ? new WorkshopRoutes(hub, ctx.identity) : undefined;
}

export const WITHOUT_SERVER = (): Response => Response.json({ error: 'Workshops need the Kubelab server (npm start).' }, { status: 503 });
