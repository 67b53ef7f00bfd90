// Exam attempts over a real (SQLite) database, real multi-cluster sandboxes and a real socket.io
// server, with the exam clock injected: grading at the deadline while the candidate is offline,
// work after the deadline never scored, "End exam", flags, and nobody but the candidate (or an
// admin) reaching an attempt or its sandbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../prisma/migrate.js';
import { addExamDir, cachedExam, examSandboxSlug } from '../exams/runtime/exam-lab.js';
import type { AttachResult, ClientToServerEvents, ServerToClientEvents } from '../sandbox/protocol.js';
import type { SandboxHandle } from '../sandbox/session/handle.js';
import { LocalSandboxHost } from '../sandbox/session/local.js';
import { registerSandboxSockets } from '../sandbox/session/socket.js';
import { createDb, type Db } from './db.js';
import { ExamService, isRefusal, type ExamAttemptView } from './exam-service.js';
import { LEARNER_COOKIE, learnerCookies } from './guest.js';

const MIN = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'kubelab-exam-'));
const cookies = learnerCookies('exam-secret-exam-secret-exam-secret-exam');
addExamDir(join(process.cwd(), 'exams/runtime/__fixtures__'));
let clock = 1_750_000_000_000;
let db: Db;
let host: LocalSandboxHost;
let exams: ExamService;
let http: HttpServer;
let url: string;
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  const file = join(dir, 'e.db');
  migrate(file);
  db = createDb(`file:${file}`);
  const { PrismaSandboxStore } = await import('./store.js');
  host = LocalSandboxHost.create({ store: new PrismaSandboxStore(db), saveDelayMs: 50, log: () => {} });
  exams = new ExamService({ db, host, findExam: cachedExam, now: () => clock, log: () => {} });
  http = createServer();
  const io = new Server(http);
  registerSandboxSockets(io as never, { manager: host, authenticate: (h) => cookies.verify(h), authorizeOpen: (u, s) => exams.authorizeSandbox(u, s) });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  exams.stopTimers();
  await host.shutdown();
  await new Promise((r) => http.close(r));
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

type Lab = Socket<ServerToClientEvents, ClientToServerEvents>;
function socketOf(userId: string): Lab {
  const s: Lab = connect(url, { transports: ['websocket'], extraHeaders: { cookie: `${LEARNER_COOKIE}=${cookies.sign(userId)}` }, reconnection: false });
  sockets.push(s);
  return s;
}
const attach = (s: Lab, labSlug: string) => new Promise<AttachResult>((r) => s.emit('sandbox:attach', { labSlug }, r));

async function run(handle: SandboxHandle, line: string): Promise<string> {
  let out = '';
  const detach = handle.addListener({ output: (d: string) => void (out += d) });
  await handle.call('input', `${line}\r`);
  const deadline = Date.now() + 20_000;
  while (!/controlplane:[^$\r\n]*\$ $/.test(out)) {
    if (Date.now() > deadline) throw new Error(`no prompt after ${line}: ${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  detach();
  return out;
}

async function started(userId: string): Promise<ExamAttemptView> {
  const a = await exams.start(userId, 'mini-practice');
  if (isRefusal(a)) throw new Error(a.message);
  return a;
}

const taskScores = (a: ExamAttemptView) => Object.fromEntries(a.grade!.tasks.map((t) => [t.taskId, t.score]));

describe('an exam attempt', () => {
  it('fixes the deadline on the server, resumes the running attempt, and shows no grade before the end', async () => {
    const a = await started('ann');
    expect(a.deadline - a.startedAt).toBe(120 * MIN);
    expect((await started('ann')).id).toBe(a.id);
    const [x, y] = await Promise.all([exams.start('ann-twice', 'mini-practice'), exams.start('ann-twice', 'mini-practice')]);
    expect(!isRefusal(x) && !isRefusal(y) && x.id === y.id).toBe(true);
    if (!isRefusal(x)) await exams.end('ann-twice', x.id);
    expect(a.grade).toBeUndefined();
    expect(a.sandboxSlug).toBe(examSandboxSlug('mini-practice', a.id));
    expect(await exams.start('ann', 'no-such-exam')).toMatchObject({ refused: 'not-found' });
    await exams.end('ann', a.id); // leave nothing running for the next test
  });

  it('is graded at the deadline with the candidate offline; work after the deadline is not scored', async () => {
    const a = await started('bo');
    const sandbox = await host.open('bo', a.sandboxSlug);
    await run(sandbox, 'kubectl create namespace team-a');
    // The candidate closes the tab; the clock jumps past the deadline; the sweep grades.
    clock = a.deadline + 1;
    expect(await exams.sweep()).toBe(1);
    const graded = await exams.attemptFor({ userId: 'bo', role: 'guest' }, a.id);
    if (isRefusal(graded)) throw new Error(graded.message);
    expect(graded).toMatchObject({ endReason: 'deadline', endedAt: a.deadline });
    expect(taskScores(graded)).toEqual({ 'namespace-a': 40, 'deploy-b': 0, 'answer-file': 0 });
    expect(graded.grade).toMatchObject({ total: 40, passed: false, passPercent: 60 });
    const deploy = graded.grade!.tasks.find((t) => t.taskId === 'deploy-b')!;
    expect(deploy.checks.map((c) => [c.id, c.passed])).toEqual([['deployment', false], ['image', false]]);

    // Too late: the sandbox is closed to the candidate, and nothing re-grades.
    expect(await exams.authorizeSandbox('bo', a.sandboxSlug)).toMatch(/This exam has ended/);
    expect(await exams.end('bo', a.id)).toMatchObject({ refused: 'ended' });
    expect(await exams.setFlag('bo', a.id, 'deploy-b', true)).toMatchObject({ refused: 'ended' });
    const late = await host.open('bo', a.sandboxSlug); // even if work reached a sandbox somehow
    await run(late, 'kubectl create deployment web --image=nginx --context k8s-b; echo done > /root/answer.txt');
    await exams.sweep();
    await exams.gradeAttempt(a.id, 'deadline');
    const again = await exams.attemptFor({ userId: 'bo', role: 'guest' }, a.id);
    expect(!isRefusal(again) && taskScores(again)).toEqual({ 'namespace-a': 40, 'deploy-b': 0, 'answer-file': 0 });
    clock = 1_750_000_000_000;
  });

  it('grades a sandbox that went to sleep (saved, unloaded) from its snapshot, with every cluster', async () => {
    const { PrismaSandboxStore } = await import('./store.js');
    const sleepy = LocalSandboxHost.create({ store: new PrismaSandboxStore(db), saveDelayMs: 20, idleMs: 50, log: () => {} });
    const service = new ExamService({ db, host: sleepy, findExam: cachedExam, now: () => clock, log: () => {} });
    try {
      const a = await started('hal-learner');
      const sandbox = await sleepy.open('hal-learner', a.sandboxSlug);
      const detach = sandbox.addListener({});
      await run(sandbox, 'kubectl create deployment web --image=nginx --context=k8s-b');
      detach(); // the candidate leaves: the sandbox is saved and unloaded
      const until = Date.now() + 10_000;
      while (sleepy.counts().active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      expect(sleepy.counts()).toEqual({ active: 0, hibernated: 1 });
      clock = a.deadline + 60_000;
      expect(await service.sweep()).toBe(1);
      const graded = await service.attemptFor({ userId: 'hal-learner', role: 'guest' }, a.id);
      expect(!isRefusal(graded) && taskScores(graded)).toEqual({ 'namespace-a': 0, 'deploy-b': 40, 'answer-file': 0 });
      expect(!isRefusal(graded) && graded.endedAt).toBe(a.deadline);
    } finally {
      clock = 1_750_000_000_000;
      await sleepy.shutdown();
    }
  });

  it('"End exam" grades at once from every cluster; flags are kept per task', async () => {
    const a = await started('cy');
    expect(await exams.setFlag('cy', a.id, 'deploy-b', true)).toEqual({ flags: ['deploy-b'] });
    expect(await exams.setFlag('cy', a.id, 'answer-file', true)).toEqual({ flags: ['deploy-b', 'answer-file'] });
    expect(await exams.setFlag('cy', a.id, 'deploy-b', false)).toEqual({ flags: ['answer-file'] });
    expect(await exams.setFlag('cy', a.id, 'no-such-task', true)).toMatchObject({ refused: 'bad-request' });
    const sandbox = await host.open('cy', a.sandboxSlug);
    await run(sandbox, 'kubectl config use-context k8s-b && kubectl create deployment web --image=nginx && echo done > /root/answer.txt');
    const ended = await exams.end('cy', a.id);
    if (isRefusal(ended)) throw new Error(ended.message);
    expect(ended.endReason).toBe('submitted');
    expect(taskScores(ended)).toEqual({ 'namespace-a': 0, 'deploy-b': 40, 'answer-file': 20 });
    expect(ended.grade).toMatchObject({ total: 60, passed: true });
    expect(ended.flags).toEqual(['answer-file']);
  });
});

describe('who may reach an attempt', () => {
  it('another learner can neither see, flag, end nor open the sandbox of an attempt; an admin can see it', async () => {
    const a = await started('dee');
    expect(await exams.attemptFor({ userId: 'eve', role: 'learner' }, a.id)).toMatchObject({ refused: 'not-found' });
    expect(await exams.attemptFor({ userId: 'eve', role: 'instructor' }, a.id)).toMatchObject({ refused: 'not-found' });
    expect(await exams.attemptFor(undefined, a.id)).toMatchObject({ refused: 'not-found' });
    expect(await exams.attemptFor({ userId: 'root', role: 'admin' }, a.id)).toMatchObject({ id: a.id });
    expect(await exams.setFlag('eve', a.id, 'deploy-b', true)).toMatchObject({ refused: 'not-found' });
    expect(await exams.end('eve', a.id)).toMatchObject({ refused: 'not-found' });
    expect(await exams.authorizeSandbox('eve', a.sandboxSlug)).toBe('That exam sandbox belongs to another candidate.');
    expect(await exams.authorizeSandbox('dee', examSandboxSlug('other-exam', a.id))).toBe('That exam sandbox belongs to another candidate.');
    expect(await exams.authorizeSandbox('dee', a.sandboxSlug)).toBeUndefined();
    expect(await exams.authorizeSandbox('eve', 'deploy-nginx')).toBeUndefined(); // labs are not exams
    const still = await exams.attemptFor({ userId: 'dee', role: 'guest' }, a.id);
    expect(!isRefusal(still) && still.endedAt).toBeUndefined();
  });

  it('a socket cannot attach to another candidate’s exam sandbox, nor reset it; the candidate’s own attaches', async () => {
    const a = await started('fay-learner');
    expect(await attach(socketOf('gus-learner'), a.sandboxSlug)).toEqual({ ok: false, code: 'forbidden', message: 'That exam sandbox belongs to another candidate.' });
    const reset = await new Promise<AttachResult>((r) => socketOf('gus-learner').emit('sandbox:reset', { labSlug: a.sandboxSlug }, r));
    expect(reset).toMatchObject({ ok: false, code: 'forbidden' });
    const own = await attach(socketOf('fay-learner'), a.sandboxSlug);
    expect(own).toMatchObject({ ok: true, sandboxId: `fay-learner:${a.sandboxSlug}` });
    await exams.end('fay-learner', a.id);
    expect(await attach(socketOf('fay-learner'), a.sandboxSlug)).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('This exam has ended') });
  });
});
