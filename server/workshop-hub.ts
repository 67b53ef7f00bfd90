// The live side of workshops, on socket.io's /workshop namespace: instructors watch their
// workshop's room (progress as learners pass checks, new participants), observe a participant's
// terminal read-only, and learners' lab pages follow broadcasts, revealed hints and the end.
// Every event checks who asks: only the workshop's instructor (or an admin) watches or observes.
// Events go to rooms, so they reach every process's sockets once the Redis adapter is in place.
import type { Namespace, Server, Socket } from 'socket.io';
import type { ChecksUpdate } from '../sandbox/protocol';
import type { SandboxHost } from '../sandbox/session/handle';
import { observeSandbox, prewarmSandbox, type Observation } from '../sandbox/session/observe';
import { TokenBucket } from '../sandbox/session/rate-limit';
import { canManage, phaseOf } from '../workshops/access';
import { JoinLimiter } from '../workshops/limiter';
import {
  FollowRequest,
  ObserveRequest,
  WatchRequest,
  WORKSHOP_NAMESPACE,
  rooms,
  type ParticipantView,
  type WorkshopClientEvents,
  type WorkshopMessageView,
  type WorkshopServerEvents,
  type WsError,
} from '../workshops/protocol';
import { nextFailMemory, worstFailure, type FailMemory } from '../workshops/stuck';
import type { Db } from './db';
import type { Identity, IdentitySource } from './identity';
import { labSlugsOf, WorkshopService, type WorkshopRow } from './workshop-service';

interface Data {
  identity: Identity;
}
type WsSocket = Socket<WorkshopClientEvents, WorkshopServerEvents, Record<string, never>, Data>;
type WsNamespace = Namespace<WorkshopClientEvents, WorkshopServerEvents, Record<string, never>, Data>;

const fail = (code: WsError['code'], message: string): WsError => ({ ok: false, code, message });
/** Said for a workshop that does not exist and for one the asker may not see: no difference leaks. */
const NOT_YOURS = 'No such workshop, or it is not yours.';

export interface HubOptions {
  db: Db;
  identity: IdentitySource;
  now?: () => number;
  log?: (message: string) => void;
}

export class WorkshopHub {
  readonly service: WorkshopService;
  readonly joinLimiter: JoinLimiter;
  private readonly fails = new Map<string, FailMemory>();
  private readonly now: () => number;
  private ns?: WsNamespace;
  private host?: SandboxHost;

  constructor(private readonly opts: HubOptions) {
    this.now = opts.now ?? Date.now;
    this.service = new WorkshopService(opts.db, this.now);
    this.joinLimiter = new JoinLimiter(undefined, this.now);
  }

  /** Serve the namespace on the platform's socket.io server, observing sandboxes of `host`. */
  attach(io: Server, host: SandboxHost): void {
    this.host = host;
    const ns = io.of(WORKSHOP_NAMESPACE) as unknown as WsNamespace;
    this.ns = ns;
    ns.use(async (socket, next) => {
      const identity = await this.opts.identity.identify(socket.handshake.headers.cookie).catch(() => undefined);
      if (!identity) return next(new Error('unauthenticated: no valid session or learner cookie; reload the page'));
      socket.data.identity = identity;
      next();
    });
    ns.on('connection', (socket) => this.connection(socket));
  }

  /** The worst repeated failure of a learner's check (stuck.ts), as this process saw it. */
  readonly failsOf = (userId: string, labSlug: string) => worstFailure(this.fails.get(`${userId}|${labSlug}`) ?? {});

  /** A learner's checks were graded (the session store saw it): tell their workshops' dashboards. */
  async progress(userId: string, labSlug: string, update: ChecksUpdate): Promise<void> {
    const key = `${userId}|${labSlug}`;
    const joined = (await this.service.joinedWith(userId, labSlug)).filter((w) => this.isOpen(w));
    // Failures are remembered only for learners in a running workshop (memory stays bounded).
    if (joined.length === 0) return void this.fails.delete(key);
    this.fails.set(key, nextFailMemory(this.fails.get(key) ?? {}, update.checks));
    if (!this.ns) return;
    for (const w of joined) {
      const cell = await this.service.cell(w, userId, labSlug, this.failsOf);
      if (cell) this.ns.to(rooms.instructors(w.id)).emit('workshop:progress', { workshopId: w.id, userId, cell });
    }
  }

  /** A learner's account or guest data is deleted: their workshop places and memory go too. */
  async forgetLearner(userId: string): Promise<void> {
    for (const key of [...this.fails.keys()]) if (key.startsWith(`${userId}|`)) this.fails.delete(key);
    await this.opts.db.workshopParticipant.deleteMany({ where: { userId } });
  }

  participantJoined(w: WorkshopRow, participant: ParticipantView): void {
    this.ns?.to(rooms.instructors(w.id)).emit('workshop:participant', { workshopId: w.id, participant });
  }

  announce(w: WorkshopRow, message: WorkshopMessageView): void {
    this.ns?.to([rooms.instructors(w.id), rooms.learners(w.id)]).emit('workshop:message', { workshopId: w.id, message });
  }

  timesChanged(w: WorkshopRow): void {
    const m = { workshopId: w.id, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), endedAt: w.endedAt?.toISOString() };
    this.ns?.to([rooms.instructors(w.id), rooms.learners(w.id)]).emit('workshop:times', m);
  }

  /** Start every participant's sandbox for every lab of the workshop, one after another. */
  async prewarm(w: WorkshopRow): Promise<{ started: number; failed: string[] }> {
    if (!this.host) throw new Error('sandboxes are not available in this process');
    const people = await this.opts.db.workshopParticipant.findMany({ where: { workshopId: w.id } });
    let started = 0;
    const failed: string[] = [];
    for (const p of people) {
      for (const slug of labSlugsOf(w)) {
        try {
          await prewarmSandbox(this.host, p.userId, slug);
          started++;
        } catch (e) {
          failed.push(`${p.displayName} / ${slug}: ${(e as Error).message}`);
        }
      }
    }
    return { started, failed };
  }

  private connection(socket: WsSocket): void {
    const bucket = new TokenBucket(40, 10, this.now);
    let observation: Observation | undefined;
    const stopObserving = () => {
      observation?.stop();
      observation = undefined;
    };
    /** Rate-limited, validated, and never an unhandled rejection. */
    const on = <E extends keyof WorkshopClientEvents>(event: E, handler: (raw: unknown, ack: (r: unknown) => void) => Promise<void>) => {
      socket.on(event, ((raw: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
        if (!bucket.take()) return reply(fail('unavailable', 'Too many requests; wait a moment.'));
        handler(raw, reply).catch((e) => reply(fail('unavailable', `That did not work: ${(e as Error).message}`)));
      }) as never);
    };
    on('workshop:watch', async (raw, ack) => {
      const w = await this.managed(socket, WatchRequest.safeParse(raw));
      if (!w) return ack(fail('not-found', NOT_YOURS));
      await socket.join(rooms.instructors(w.id));
      ack({ ok: true, ...(await this.service.snapshot(w, this.failsOf)) });
    });
    on('workshop:observe', async (raw, ack) => {
      const req = ObserveRequest.safeParse(raw);
      const w = await this.managed(socket, req);
      if (!w || !req.success) return ack(fail('not-found', NOT_YOURS));
      const { userId, labSlug } = req.data;
      if (!labSlugsOf(w).includes(labSlug) || !(await this.service.isParticipant(w.id, userId))) return ack(fail('not-found', 'That learner is not in this workshop, or the lab is not part of it.'));
      if (!this.host) return ack(fail('unavailable', 'Sandboxes are not available in this process.'));
      stopObserving();
      const o = await observeSandbox(this.host, userId, labSlug, (data) => socket.emit('observe:output', { userId, labSlug, data }));
      if (socket.disconnected) return o.stop();
      observation = o;
      ack({ ok: true, screen: o.screen });
    });
    socket.on('workshop:unobserve', () => stopObserving());
    on('workshop:follow', async (raw, ack) => {
      const req = FollowRequest.safeParse(raw);
      if (!req.success) return ack(fail('bad-request', 'bad lab'));
      const workshops = await this.service.follows(socket.data.identity.userId, req.data.labSlug);
      for (const w of workshops) await socket.join(rooms.learners(w.workshopId));
      ack({ ok: true, workshops });
    });
    socket.on('disconnect', stopObserving);
  }

  /** The workshop asked for, when the socket's identity manages it. */
  private async managed(socket: WsSocket, req: { success: boolean; data?: { workshopId: string } }): Promise<WorkshopRow | undefined> {
    if (!req.success || !req.data) return undefined;
    const w = await this.service.get(req.data.workshopId);
    return w && canManage(socket.data.identity, w) ? w : undefined;
  }

  /** Whether learners may still join and work (not ended by hand or by time). */
  isOpen(w: WorkshopRow): boolean {
    return phaseOf(w, this.now()) !== 'ended';
  }
}

// Route handlers are bundled apart from server.ts: the hub is shared through a process-wide
// symbol, like server/context.ts.
const KEY = Symbol.for('kubelab.workshop-hub');

export function setWorkshopHub(hub: WorkshopHub): void {
  (globalThis as Record<symbol, unknown>)[KEY] = hub;
}

export function getWorkshopHub(): WorkshopHub | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as WorkshopHub | undefined;
}
