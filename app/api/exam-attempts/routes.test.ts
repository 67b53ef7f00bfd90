// The exam route handlers, called as Next calls them, over a real database and sandboxes: a
// candidate starts, flags and ends their own attempt; another learner gets 404 on every one of
// them; without a learner cookie, 401.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../prisma/migrate';
import { addExamDir, cachedExam } from '../../../exams/runtime/exam-lab';
import { LocalSandboxHost } from '../../../sandbox/session/local';
import { MemorySandboxStore } from '../../../sandbox/session/store';
import { setServerContext } from '../../../server/context';
import { createDb, type Db } from '../../../server/db';
import { setExamService } from '../../../server/exam-context';
import { ExamService } from '../../../server/exam-service';
import { LEARNER_COOKIE, learnerCookies } from '../../../server/guest';
import { guestIdentities } from '../../../server/identity';
import { POST as start } from '../exams/[slug]/attempts/route';
import { POST as end } from './[id]/end/route';
import { POST as flag } from './[id]/flags/route';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-exam-routes-'));
const cookies = learnerCookies('routes-secret-routes-secret-routes-secret');
addExamDir(join(process.cwd(), 'exams/runtime/__fixtures__'));
let db: Db;
let host: LocalSandboxHost;
let exams: ExamService;

beforeAll(() => {
  const file = join(dir, 'r.db');
  migrate(file);
  db = createDb(`file:${file}`);
  host = LocalSandboxHost.create({ store: new MemorySandboxStore(), saveDelayMs: 50, log: () => {} });
  exams = new ExamService({ db, host, findExam: cachedExam, log: () => {} });
  setServerContext({ db, cookies, identity: guestIdentities(cookies) });
  setExamService(exams);
});

afterAll(async () => {
  setExamService(undefined);
  await host.shutdown();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const as = (userId: string | undefined, body?: unknown) =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(userId ? { cookie: `${LEARNER_COOKIE}=${cookies.sign(userId)}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
const ids = (id: string) => ({ params: Promise.resolve({ id }) });

describe('exam routes', () => {
  it('start redirects to the attempt page; flags and end work for the candidate only', async () => {
    const started = await start(as('guest-candidate'), { params: Promise.resolve({ slug: 'mini-practice' }) });
    expect(started.status).toBe(303);
    expect(started.headers.get('Location')).toBe('/exams/mini-practice/attempt');
    const attempt = (await exams.running('guest-candidate', 'mini-practice'))!;

    for (const stranger of ['guest-stranger', 'guest-other-one']) {
      const f = await flag(as(stranger, { taskId: 'deploy-b', flagged: true }), ids(attempt.id));
      expect(f.status).toBe(404);
      expect((await end(as(stranger), ids(attempt.id))).status).toBe(404);
    }
    expect((await flag(as(undefined, { taskId: 'deploy-b', flagged: true }), ids(attempt.id))).status).toBe(401);
    expect((await end(as(undefined), ids(attempt.id))).status).toBe(401);
    expect((await flag(as('guest-candidate', { taskId: 'deploy-b' }), ids(attempt.id))).status).toBe(400);

    const ok = await flag(as('guest-candidate', { taskId: 'deploy-b', flagged: true }), ids(attempt.id));
    expect(await ok.json()).toEqual({ flags: ['deploy-b'] });
    const ended = await end(as('guest-candidate'), ids(attempt.id));
    expect(await ended.json()).toEqual({ ok: true, report: `/exams/mini-practice/attempts/${attempt.id}` });
    expect((await end(as('guest-candidate'), ids(attempt.id))).status).toBe(409);
    expect((await start(as('guest-candidate'), { params: Promise.resolve({ slug: 'no-such-exam' }) })).status).toBe(404);
    expect((await start(as(undefined), { params: Promise.resolve({ slug: 'mini-practice' }) })).status).toBe(401);
  });
});
