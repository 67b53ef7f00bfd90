// Every workshop route against a real database: what each role may do, and the lines they may not cross.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../prisma/migrate.js';
import { CLIENT_IP_HEADER as ACCOUNTS_IP_HEADER } from './accounts/auth.js';
import { createDb, type Db } from './db.js';
import type { Identity, IdentitySource } from './identity.js';
import { WorkshopHub } from './workshop-hub.js';
import { CLIENT_IP_HEADER, ENDED, UNKNOWN_CODE, WorkshopRoutes, type WorkshopAction } from './workshop-routes.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-workshop-routes-'));
/** A test identity source: the Cookie header names the user and role ("as=<id>:<role>"). */
const identity: IdentitySource = {
  async identify(header) {
    const m = /as=([\w-]+):(\w+)/.exec(header ?? '');
    return m ? ({ userId: m[1]!, role: m[2] } as Identity) : undefined;
  },
};
let db: Db;
let routes: WorkshopRoutes;
let now = Date.UTC(2026, 10, 21, 22, 0);

beforeAll(() => {
  const file = join(dir, 'r.db');
  migrate(file);
  db = createDb(`file:${file}`);
  const hub = new WorkshopHub({ db, identity, now: () => now });
  routes = new WorkshopRoutes(hub, identity, () => now);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const TEACHER = 'as=teacher-1:instructor';
const OTHER = 'as=teacher-2:instructor';
const ADMIN = 'as=admin-1:admin';
const ANN = 'as=learner-ann:guest';
function req(method: string, cookie: string | undefined, bodyValue?: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://kubelab.test/api/workshops', {
    method,
    headers: { host: 'kubelab.test', ...(cookie ? { cookie } : {}), [CLIENT_IP_HEADER]: '10.0.0.1', 'content-type': 'application/json', ...headers },
    body: bodyValue === undefined ? undefined : JSON.stringify(bodyValue),
  });
}
const validWorkshop = { title: 'Day one', labSlugs: ['cluster-tour', 'deploy-nginx'], startsAt: new Date(now).toISOString(), durationMinutes: 90, stuckMinutes: 5 };

async function createOne(): Promise<{ id: string; code: string }> {
  const res = await routes.create(req('POST', TEACHER, validWorkshop));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; code: string };
}

describe('creating and listing workshops', () => {
  it('is for instructors and admins; learners, guests and strangers are refused', async () => {
    const { code } = await createOne();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect((await routes.create(req('POST', ADMIN, validWorkshop))).status).toBe(201);
    expect((await routes.create(req('POST', ANN, validWorkshop))).status).toBe(403);
    expect((await routes.create(req('POST', 'as=lea-1:learner', validWorkshop))).status).toBe(403);
    expect((await routes.create(req('POST', undefined, validWorkshop))).status).toBe(401);
  });

  it('says what is wrong with a form', async () => {
    const bad = async (patch: object) => (await (await routes.create(req('POST', TEACHER, { ...validWorkshop, ...patch }))).json()) as { error: string };
    expect(await bad({ title: ' ' })).toEqual({ error: 'Give the workshop a title.' });
    expect(await bad({ labSlugs: [] })).toEqual({ error: 'Choose at least one lab.' });
    expect(await bad({ labSlugs: ['no-such-lab'] })).toEqual({ error: 'One of the chosen labs does not exist.' });
    expect(await bad({ durationMinutes: 5 })).toEqual({ error: 'A workshop lasts at least 10 minutes.' });
  });

  it('lists only the instructor’s own workshops', async () => {
    const mine = (await (await routes.list(req('GET', TEACHER))).json()) as { workshops: { title: string }[] };
    const theirs = (await (await routes.list(req('GET', OTHER))).json()) as { workshops: unknown[] };
    expect(mine.workshops.length).toBeGreaterThan(0);
    expect(theirs.workshops).toEqual([]);
    expect((await routes.list(req('GET', ANN))).status).toBe(403);
  });

  it('refuses a cross-site post', async () => {
    expect((await routes.create(req('POST', TEACHER, validWorkshop, { origin: 'https://evil.example' }))).status).toBe(403);
  });

  it('reads the client address from the header the server sets for accounts too', () => {
    expect(CLIENT_IP_HEADER).toBe(ACCOUNTS_IP_HEADER);
  });
});

describe('joining', () => {
  it('works with the code however it is typed, twice without harm', async () => {
    const { id, code } = await createOne();
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const res = await routes.join(req('POST', ANN, { code: typed, name: 'Ann' }));
    expect(await res.json()).toEqual({ workshopId: id });
    expect((await routes.join(req('POST', ANN, { code, name: 'Ann L.' }))).status).toBe(200);
    expect(await db.workshopParticipant.count({ where: { workshopId: id } })).toBe(1);
  });

  it('says clearly when a code is unknown or the workshop has ended', async () => {
    const unknown = await routes.join(req('POST', 'as=learner-bo:guest', { code: 'ZZZZ-ZZZZ', name: 'Bo' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: UNKNOWN_CODE });
    const { id, code } = await createOne();
    expect((await routes.action(req('POST', TEACHER), id, 'end')).status).toBe(200);
    const ended = await routes.join(req('POST', 'as=learner-bo:guest', { code, name: 'Bo' }));
    expect(ended.status).toBe(410);
    expect(await ended.json()).toEqual({ error: ENDED });
    expect((await routes.join(req('POST', 'as=learner-bo:guest', { code, name: ' ' }))).status).toBe(400);
  });

  it('is rate-limited per learner and per address, wrong codes included, so codes cannot be enumerated', async () => {
    const guesses = [];
    for (let i = 0; i < 11; i++) guesses.push((await routes.join(req('POST', 'as=guesser-1:guest', { code: `2222222${'23456789ABC'[i]}`, name: 'G' }))).status);
    expect(guesses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(guesses[10]).toBe(429);
    // New cookies from one address run into the address's limit.
    const statuses = [];
    for (let i = 0; i < 100; i++) statuses.push((await routes.join(req('POST', `as=fresh-${i}:guest`, { code: 'ZZZZZZZZ', name: 'G' }, { [CLIENT_IP_HEADER]: '10.9.9.9' }))).status);
    expect(statuses.includes(429)).toBe(false);
    const over = await routes.join(req('POST', 'as=fresh-x:guest', { code: 'ZZZZZZZZ', name: 'G' }, { [CLIENT_IP_HEADER]: '10.9.9.9' }));
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('600');
    now += 10 * 60_000;
    expect((await routes.join(req('POST', 'as=fresh-x:guest', { code: 'ZZZZZZZZ', name: 'G' }, { [CLIENT_IP_HEADER]: '10.9.9.9' }))).status).toBe(404);
  });
});

describe('managing a workshop', () => {
  const actions: [WorkshopAction, unknown][] = [
    ['broadcast', { text: 'Break until 11:00' }],
    ['hint', { labSlug: 'cluster-tour', stepId: 'nodes', hintIndex: 0 }],
    ['extend', { minutes: 15 }],
    ['end', {}],
  ];

  it('is refused to another instructor, a participant and a stranger, with the same answer as no workshop', async () => {
    const { id, code } = await createOne();
    await routes.join(req('POST', ANN, { code, name: 'Ann' }));
    for (const cookie of [OTHER, ANN, 'as=stranger-1:learner']) {
      for (const [action, b] of [...actions, ['prewarm', {}] as [WorkshopAction, unknown]]) {
        const res = await routes.action(req('POST', cookie, b), id, action);
        expect(res.status, `${cookie} ${action}`).toBe(404);
        expect(await res.json()).toEqual({ error: 'No such workshop, or it is not yours.' });
      }
      expect((await routes.results(req('GET', cookie), id)).status).toBe(404);
    }
    expect((await routes.action(req('POST', undefined, {}), id, 'end')).status).toBe(401);
    expect((await routes.action(req('POST', TEACHER, { text: 'x' }), 'no-such-id', 'broadcast')).status).toBe(404);
    expect(await db.workshopMessage.count({ where: { workshopId: id } })).toBe(0);
  });

  it('lets its instructor and an admin broadcast, reveal a hint, extend and end', async () => {
    const { id } = await createOne();
    for (const [action, b] of actions) expect((await routes.action(req('POST', TEACHER, b), id, action)).status, action).toBe(200);
    const messages = await db.workshopMessage.findMany({ where: { workshopId: id }, orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['broadcast', 'Break until 11:00'],
      ['hint', 'Add `-o wide` to `kubectl get nodes` for more columns.'],
    ]);
    expect((await routes.action(req('POST', ADMIN, { text: 'From the admin' }), id, 'broadcast')).status).toBe(200);
    expect((await routes.action(req('POST', TEACHER, { minutes: 5 }), id, 'extend')).status).toBe(409);
    expect((await routes.action(req('POST', TEACHER, { labSlug: 'cluster-tour', stepId: 'nodes', hintIndex: 9 }), id, 'hint')).status).toBe(400);
    expect((await routes.action(req('POST', TEACHER, { labSlug: 'ingress', stepId: 'nodes', hintIndex: 0 }), id, 'hint')).status).toBe(400);
  });

  it('exports one CSV row per participant and lab', async () => {
    const { id, code } = await createOne();
    await routes.join(req('POST', 'as=csv-ann:guest', { code, name: 'Ann, "A"' }));
    await routes.join(req('POST', 'as=csv-bo:guest', { code, name: 'Bo' }));
    const res = await routes.results(req('GET', TEACHER), id);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="workshop-${code}-results.csv"`);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('participant,user_id,lab,current_step,checks_passed,checks_total,completed_at,last_progress_at,stuck');
    const expected = ['"Ann, ""A""",csv-ann,cluster-tour,1/3 The nodes,0,8,', '"Ann, ""A""",csv-ann,deploy-nginx,1/2 ', 'Bo,csv-bo,cluster-tour,1/3 The nodes,0,8,', 'Bo,csv-bo,deploy-nginx,1/2 '];
    expected.forEach((prefix, i) => expect(lines[i + 1]).toContain(prefix));
    expect(lines[5]).toBe('');
    expect(lines.length).toBe(6);
  });
});
