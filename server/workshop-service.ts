// Workshops in the database: create, find, join, messages, times, and each participant's progress
// (read from the lab attempts and check results the sandbox sessions already store).
import { findLabMeta } from '../labs/catalog';
import type { ResultRow } from '../workshops/csv';
import { makeJoinCode } from '../workshops/code';
import { labCell, labShape, type LabCell, type LabShape } from '../workshops/progress';
import type { DashboardSnapshot, FollowView, ParticipantView, WorkshopMessageView, WorkshopView } from '../workshops/protocol';
import { stuckReason } from '../workshops/stuck';
import type { CreateWorkshopInput } from '../workshops/validate';
import type { Db } from './db';

type Row = NonNullable<Awaited<ReturnType<Db['workshop']['findUnique']>>>;
export type WorkshopRow = Row;
type MessageRow = NonNullable<Awaited<ReturnType<Db['workshopMessage']['findFirst']>>>;
type ParticipantRow = NonNullable<Awaited<ReturnType<Db['workshopParticipant']['findFirst']>>>;

/** The worst repeated failure of a learner's check in a lab (kept by the hub, in memory). */
export type FailsOf = (userId: string, labSlug: string) => { checkId: string; streak: number } | undefined;

export const labSlugsOf = (w: Row): string[] => JSON.parse(w.labSlugs) as string[];

function shapesOf(w: Row): LabShape[] {
  return labSlugsOf(w).flatMap((slug) => {
    const meta = findLabMeta(slug);
    return meta ? [labShape(meta)] : [];
  });
}

export class WorkshopService {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
  ) {}

  /** A new workshop with a fresh join code (drawn again in the unlikely case it is taken). */
  async create(instructorId: string, input: CreateWorkshopInput): Promise<Row> {
    const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
    for (let attempt = 0; ; attempt++) {
      const code = makeJoinCode(this.randomBytes(8));
      if (attempt < 5 && (await this.db.workshop.findUnique({ where: { code } }))) continue;
      const data = { code, title: input.title, instructorId, labSlugs: JSON.stringify(input.labSlugs), startsAt: input.startsAt, endsAt, stuckMinutes: input.stuckMinutes };
      return this.db.workshop.create({ data });
    }
  }

  listFor(instructorId: string): Promise<Row[]> {
    return this.db.workshop.findMany({ where: { instructorId }, orderBy: { startsAt: 'desc' } });
  }

  get(id: string): Promise<Row | null> {
    return this.db.workshop.findUnique({ where: { id } });
  }

  byCode(code: string): Promise<Row | null> {
    return this.db.workshop.findUnique({ where: { code } });
  }

  isParticipant(workshopId: string, userId: string): Promise<boolean> {
    return this.db.workshopParticipant.findUnique({ where: { workshopId_userId: { workshopId, userId } } }).then((p) => p !== null);
  }

  /** Joining twice keeps the first join (and its time) and updates the name. */
  async join(w: Row, userId: string, displayName: string): Promise<ParticipantRow> {
    await this.db.user.upsert({ where: { id: userId }, create: { id: userId }, update: {} });
    return this.db.workshopParticipant.upsert({
      where: { workshopId_userId: { workshopId: w.id, userId } },
      create: { workshopId: w.id, userId, displayName },
      update: { displayName },
    });
  }

  async addMessage(w: Row, kind: 'broadcast' | 'hint', text: string, labSlug?: string, stepId?: string): Promise<WorkshopMessageView> {
    return messageView(await this.db.workshopMessage.create({ data: { workshopId: w.id, kind, text, labSlug, stepId } }));
  }

  extend(w: Row, minutes: number): Promise<Row> {
    // Extending an ended-by-time workshop reopens it from now; one ended by hand stays ended.
    const base = Math.max(w.endsAt.getTime(), this.now());
    return this.db.workshop.update({ where: { id: w.id }, data: { endsAt: new Date(base + minutes * 60_000) } });
  }

  end(w: Row): Promise<Row> {
    return this.db.workshop.update({ where: { id: w.id }, data: { endedAt: w.endedAt ?? new Date(this.now()) } });
  }

  /** Workshops the learner joined that include this lab (for routing progress and the banner). */
  async joinedWith(userId: string, labSlug?: string): Promise<Row[]> {
    const rows = await this.db.workshopParticipant.findMany({ where: { userId }, include: { workshop: true } });
    return rows.map((r) => r.workshop).filter((w) => labSlug === undefined || labSlugsOf(w).includes(labSlug));
  }

  async follows(userId: string, labSlug: string): Promise<FollowView[]> {
    const joined = await this.joinedWith(userId, labSlug);
    return Promise.all(
      joined.map(async (w) => {
        const messages = await this.db.workshopMessage.findMany({ where: { workshopId: w.id }, orderBy: { createdAt: 'asc' } });
        return {
          workshopId: w.id,
          title: w.title,
          endsAt: w.endsAt.toISOString(),
          endedAt: w.endedAt?.toISOString(),
          messages: messages.filter((m) => m.kind === 'broadcast' || m.labSlug === labSlug).map(messageView),
        };
      }),
    );
  }

  view(w: Row): WorkshopView {
    return {
      id: w.id,
      title: w.title,
      code: w.code,
      labs: shapesOf(w).map((s) => ({ slug: s.slug, title: s.title, steps: s.steps.map((st) => ({ id: st.id, title: st.title, hints: st.hints, checks: st.checkIds.map((id, i) => ({ id, title: st.checkTitles[i]! })) })) })),
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      endedAt: w.endedAt?.toISOString(),
      stuckMinutes: w.stuckMinutes,
    };
  }

  async participants(w: Row, failsOf: FailsOf, onlyUserId?: string): Promise<ParticipantView[]> {
    const people = await this.db.workshopParticipant.findMany({ where: { workshopId: w.id, ...(onlyUserId ? { userId: onlyUserId } : {}) }, orderBy: { joinedAt: 'asc' } });
    const shapes = shapesOf(w);
    const attempts = await this.db.labAttempt.findMany({
      where: { userId: { in: people.map((p) => p.userId) }, labSlug: { in: shapes.map((s) => s.slug) } },
      include: { checks: true },
    });
    const attemptOf = new Map(attempts.map((a) => [`${a.userId}|${a.labSlug}`, a]));
    return people.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      joinedAt: p.joinedAt.toISOString(),
      cells: shapes.map((s) => labCell(s, attemptOf.get(`${p.userId}|${s.slug}`), failsOf(p.userId, s.slug))),
    }));
  }

  async cell(w: Row, userId: string, labSlug: string, failsOf: FailsOf): Promise<LabCell | undefined> {
    const [p] = await this.participants(w, failsOf, userId);
    return p?.cells.find((c) => c.labSlug === labSlug);
  }

  async snapshot(w: Row, failsOf: FailsOf): Promise<DashboardSnapshot> {
    const messages = await this.db.workshopMessage.findMany({ where: { workshopId: w.id }, orderBy: { createdAt: 'asc' } });
    return { workshop: this.view(w), participants: await this.participants(w, failsOf), messages: messages.map(messageView) };
  }

  /** One row per participant × lab, for the CSV export. */
  async results(w: Row, failsOf: FailsOf): Promise<ResultRow[]> {
    const people = await this.participants(w, failsOf);
    const now = this.now();
    return people.flatMap((p) => {
      const stuck = stuckReason({ joinedAt: p.joinedAt, startsAt: w.startsAt.toISOString(), cells: p.cells }, now, { stuckMinutes: w.stuckMinutes }) ?? '';
      return p.cells.map((c) => ({
        participant: p.displayName,
        userId: p.userId,
        lab: c.labSlug,
        step: c.stepLabel,
        checksPassed: c.passed,
        checksTotal: c.total,
        completedAt: c.completedAt ? new Date(c.completedAt) : undefined,
        lastProgressAt: c.lastPassAt ? new Date(c.lastPassAt) : undefined,
        stuck,
      }));
    });
  }
}

function messageView(m: MessageRow): WorkshopMessageView {
  const stepTitle = m.labSlug && m.stepId ? findLabMeta(m.labSlug)?.steps.find((s) => s.id === m.stepId)?.title : undefined;
  return {
    id: m.id,
    kind: m.kind === 'hint' ? 'hint' : 'broadcast',
    text: m.text,
    ...(m.labSlug ? { labSlug: m.labSlug } : {}),
    ...(m.stepId ? { stepId: m.stepId } : {}),
    ...(stepTitle ? { stepTitle } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}
