// Exam attempts on the server: start (the deadline is fixed here, from the server's clock), flags,
// "End exam", and grading — once, from every cluster's state at the deadline, whether or not the
// candidate is online (a timer per attempt, and a sweep that catches up after a restart). Nothing
// the candidate does after that moment can change the stored grade. Every read and write checks
// that the attempt is the caller's own (admins may read any). Extensionless runtime imports: the
// Next.js route handlers import this file.
import type { LoadedExam } from '../exams/load.js';
import { examSandboxSlug, parseExamSandboxSlug } from '../exams/runtime/slug';
import { failedGrade, type ExamGrade } from '../exams/runtime/result';
import type { SandboxHost } from '../sandbox/session/handle.js';
import type { Db } from './db.js';
import { hasRole, type Identity } from './identity';

export interface ExamAttemptView {
  id: string;
  userId: string;
  examSlug: string;
  startedAt: number;
  deadline: number;
  endedAt?: number;
  endReason?: 'submitted' | 'deadline';
  flags: string[];
  /** Present once ended; never before (no grading is shown during the exam). */
  grade?: ExamGrade;
  /** The sandbox the attempt page attaches to. */
  sandboxSlug: string;
}

export type Refusal = { refused: 'not-found' | 'forbidden' | 'ended' | 'bad-request'; message: string };
export const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'refused' in v;

export interface ExamServiceOptions {
  db: Db;
  host: Pick<SandboxHost, 'open' | 'reset'>;
  /** The exam definitions (exams/load.ts loadExam; a fixture in tests). */
  findExam(slug: string): LoadedExam | undefined;
  /** The server's clock; injected so tests jump to warnings and deadlines without waiting. */
  now?: () => number;
  log?: (message: string) => void;
}

type Row = Awaited<ReturnType<Db['examAttempt']['findUniqueOrThrow']>>;

const NOT_FOUND: Refusal = { refused: 'not-found', message: 'There is no such exam attempt.' };

export class ExamService {
  private readonly now: () => number;
  private readonly grading = new Map<string, Promise<void>>();
  private readonly starting = new Map<string, Promise<ExamAttemptView | Refusal>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private sweeper?: ReturnType<typeof setInterval>;

  constructor(private readonly opts: ExamServiceOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Starts an attempt, or returns the candidate's attempt of this exam still running. */
  start(userId: string, examSlug: string): Promise<ExamAttemptView | Refusal> {
    // Two tabs pressing Start at once get one attempt.
    const key = `${userId}\n${examSlug}`;
    let pending = this.starting.get(key);
    if (!pending) {
      pending = this.startOnce(userId, examSlug).finally(() => this.starting.delete(key));
      this.starting.set(key, pending);
    }
    return pending;
  }

  private async startOnce(userId: string, examSlug: string): Promise<ExamAttemptView | Refusal> {
    const exam = this.opts.findExam(examSlug);
    if (!exam) return { refused: 'not-found', message: `There is no exam named ${examSlug}.` };
    const running = await this.running(userId, examSlug);
    if (running) return running;
    await this.opts.db.user.upsert({ where: { id: userId }, create: { id: userId }, update: {} });
    const now = this.now();
    const row = await this.opts.db.examAttempt.create({ data: { userId, examSlug, startedAt: new Date(now), deadline: new Date(now + exam.durationMinutes * 60_000) } });
    this.schedule(row);
    return view(row);
  }

  /** The candidate's attempt of this exam that has not ended, if any. */
  async running(userId: string, examSlug: string): Promise<ExamAttemptView | undefined> {
    const row = await this.opts.db.examAttempt.findFirst({ where: { userId, examSlug, endedAt: null }, orderBy: { startedAt: 'desc' } });
    if (!row) return undefined;
    if (row.deadline.getTime() <= this.now()) {
      await this.gradeAttempt(row.id, 'deadline');
      return undefined;
    }
    return view(row);
  }

  /** Every attempt of one candidate, newest first (for the exam's page). */
  async attemptsOf(userId: string, examSlug?: string): Promise<ExamAttemptView[]> {
    const rows = await this.opts.db.examAttempt.findMany({ where: { userId, ...(examSlug ? { examSlug } : {}) }, orderBy: { startedAt: 'desc' } });
    return rows.map(view);
  }

  /** One attempt, for its owner or an admin; anyone else gets not-found (ids are not confirmed). */
  async attemptFor(viewer: Identity | undefined, id: string): Promise<ExamAttemptView | Refusal> {
    const row = await this.find(id);
    if (!row || !viewer || (row.userId !== viewer.userId && !hasRole(viewer, 'admin'))) return NOT_FOUND;
    if (!row.endedAt && row.deadline.getTime() <= this.now()) {
      await this.gradeAttempt(row.id, 'deadline');
      return view((await this.find(id))!);
    }
    return view(row);
  }

  async setFlag(userId: string, id: string, taskId: string, flagged: boolean): Promise<{ flags: string[] } | Refusal> {
    const row = await this.ownRunning(userId, id);
    if (isRefusal(row)) return row;
    if (!this.opts.findExam(row.examSlug)?.tasks.some((t) => t.id === taskId)) return { refused: 'bad-request', message: `This exam has no task ${taskId}.` };
    const flags = new Set(parseFlags(row.flags));
    if (flagged) flags.add(taskId);
    else flags.delete(taskId);
    const list = [...flags];
    await this.opts.db.examAttempt.update({ where: { id }, data: { flags: JSON.stringify(list) } });
    return { flags: list };
  }

  /** "End exam": graded now, as at the deadline. */
  async end(userId: string, id: string): Promise<ExamAttemptView | Refusal> {
    const row = await this.ownRunning(userId, id);
    if (isRefusal(row)) return row;
    await this.gradeAttempt(id, 'submitted');
    return view((await this.find(id))!);
  }

  /** The socket's check before it opens a sandbox: an exam's only for its candidate, while it runs. */
  async authorizeSandbox(userId: string, labSlug: string): Promise<string | undefined> {
    const parsed = parseExamSandboxSlug(labSlug);
    if (!parsed) return undefined;
    const row = await this.find(parsed.attemptId);
    if (!row || row.userId !== userId || row.examSlug !== parsed.examSlug) return 'That exam sandbox belongs to another candidate.';
    if (row.endedAt || row.deadline.getTime() <= this.now()) return 'This exam has ended: your work was graded when the time ran out. Open the score report.';
    return undefined;
  }

  /** Grades every attempt whose deadline has passed (the timers' backup, and after a restart). */
  async sweep(): Promise<number> {
    const due = await this.opts.db.examAttempt.findMany({ where: { endedAt: null, deadline: { lte: new Date(this.now()) } }, select: { id: true } });
    for (const { id } of due) await this.gradeAttempt(id, 'deadline');
    return due.length;
  }

  /** Timers for the running attempts, and a sweep every `sweepMs` (server.ts). */
  async startTimers(sweepMs = 15_000): Promise<void> {
    for (const row of await this.opts.db.examAttempt.findMany({ where: { endedAt: null } })) this.schedule(row);
    this.sweeper ??= setInterval(() => void this.sweep().catch((e) => this.log(`exam sweep failed: ${(e as Error).message}`)), sweepMs);
    this.sweeper.unref?.();
    await this.sweep();
  }

  stopTimers(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** Grade once: concurrent callers share one grading, and a graded attempt is never graded again. */
  gradeAttempt(id: string, reason: 'submitted' | 'deadline'): Promise<void> {
    let pending = this.grading.get(id);
    if (!pending) {
      pending = this.gradeOnce(id, reason).finally(() => this.grading.delete(id));
      this.grading.set(id, pending);
    }
    return pending;
  }

  private async gradeOnce(id: string, reason: 'submitted' | 'deadline'): Promise<void> {
    const row = await this.find(id);
    if (!row || row.endedAt) return;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const exam = this.opts.findExam(row.examSlug);
    const slug = examSandboxSlug(row.examSlug, row.id);
    const grade = exam ? await this.gradeSandbox(row.userId, slug, exam) : undefined;
    const result = grade ?? (exam ? failedGrade(exam, 'the exam sandbox could not be graded') : undefined);
    const endedAt = new Date(Math.min(this.now(), reason === 'deadline' ? row.deadline.getTime() : Infinity));
    // endedAt: null in the filter: another process that graded first wins, never both.
    await this.opts.db.examAttempt.updateMany({
      where: { id, endedAt: null },
      data: { endedAt, endReason: reason, results: result ? JSON.stringify(result) : null, score: result?.total ?? 0, passed: result?.passed ?? false },
    });
    // The graded sandbox has nothing more to give: free its memory and its snapshot.
    await this.opts.host.reset(row.userId, slug).catch((e) => this.log(`exam sandbox ${slug} not removed: ${(e as Error).message}`));
  }

  private async gradeSandbox(userId: string, slug: string, exam: LoadedExam): Promise<ExamGrade | undefined> {
    try {
      const handle = await this.opts.host.open(userId, slug);
      return (await handle.call('gradeExam')) as ExamGrade | undefined;
    } catch (e) {
      this.log(`exam sandbox ${slug} (${exam.slug}) not graded: ${(e as Error).message}`);
      return undefined;
    }
  }

  private schedule(row: Row): void {
    if (row.endedAt || this.timers.has(row.id)) return;
    // setTimeout holds at most ~24.8 days; exams are hours, the sweep covers anything else.
    const delay = Math.min(Math.max(0, row.deadline.getTime() - this.now()), 2 ** 31 - 1);
    const timer = setTimeout(() => void this.gradeAttempt(row.id, 'deadline').catch((e) => this.log(`exam ${row.id} not graded: ${(e as Error).message}`)), delay);
    timer.unref?.();
    this.timers.set(row.id, timer);
  }

  private async ownRunning(userId: string, id: string): Promise<Row | Refusal> {
    const row = await this.find(id);
    if (!row || row.userId !== userId) return NOT_FOUND;
    if (row.endedAt) return { refused: 'ended', message: 'This exam has ended.' };
    if (row.deadline.getTime() <= this.now()) {
      await this.gradeAttempt(id, 'deadline');
      return { refused: 'ended', message: 'The time is up: your work was graded at the deadline.' };
    }
    return row;
  }

  private find(id: string): Promise<Row | null> {
    return this.opts.db.examAttempt.findUnique({ where: { id } });
  }

  private log(message: string): void {
    (this.opts.log ?? console.log)(message);
  }
}

function parseFlags(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function view(row: Row): ExamAttemptView {
  return {
    id: row.id,
    userId: row.userId,
    examSlug: row.examSlug,
    startedAt: row.startedAt.getTime(),
    deadline: row.deadline.getTime(),
    endedAt: row.endedAt?.getTime(),
    endReason: (row.endReason as ExamAttemptView['endReason']) ?? undefined,
    flags: parseFlags(row.flags),
    grade: row.endedAt && row.results ? (JSON.parse(row.results) as ExamGrade) : undefined,
    sandboxSlug: examSandboxSlug(row.examSlug, row.id),
  };
}
