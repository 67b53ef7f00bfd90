// The workshop namespace over a real socket.io server, real sandboxes and a real (SQLite) database:
// the dashboard updates live as a learner passes a check, the observer sees the learner's screen
// and output and can never type into it, and nobody but the workshop's instructor (or an admin)
// watches or observes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../prisma/migrate.js';
import type { AttachResult, ClientToServerEvents, ServerToClientEvents } from '../sandbox/protocol.js';
import { LocalSandboxHost } from '../sandbox/session/local.js';
import { registerSandboxSockets } from '../sandbox/session/socket.js';
import { WORKSHOP_NAMESPACE, type ObserveResult, type WatchResult, type WorkshopClientEvents, type WorkshopServerEvents } from '../workshops/protocol.js';
import { createDb, type Db } from './db.js';
import { LEARNER_COOKIE, learnerCookies } from './guest.js';
import type { IdentitySource, Role } from './identity.js';
import { PrismaSandboxStore } from './store.js';
import { WorkshopHub } from './workshop-hub.js';
import { withWorkshopProgress } from './workshop-store.js';
import type { WorkshopRow } from './workshop-service.js';

type Lab = Socket<ServerToClientEvents, ClientToServerEvents>;
type Ws = Socket<WorkshopServerEvents, WorkshopClientEvents>;

const dir = mkdtempSync(join(tmpdir(), 'kubelab-workshop-'));
const cookies = learnerCookies('workshop-secret-workshop-secret-workshop');
/** Signed learner cookies, with the roles accounts would give (accounts are another module). */
const roles = new Map<string, Role>([['teacher-one', 'instructor'], ['teacher-two', 'instructor'], ['admin-boss', 'admin']]);
const identity: IdentitySource = {
  async identify(header) {
    const userId = cookies.verify(header);
    return userId ? { userId, role: roles.get(userId) ?? 'guest' } : undefined;
  },
};
let db: Db;
let hub: WorkshopHub;
let host: LocalSandboxHost;
let http: HttpServer;
let url: string;
let workshop: WorkshopRow;
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  const file = join(dir, 'w.db');
  migrate(file);
  db = createDb(`file:${file}`);
  hub = new WorkshopHub({ db, identity });
  host = LocalSandboxHost.create({ store: withWorkshopProgress(new PrismaSandboxStore(db), hub, (m) => console.log(m)), saveDelayMs: 50, log: () => {} });
  http = createServer();
  const io = new Server(http);
  registerSandboxSockets(io as never, { manager: host, authenticate: async (h) => (await identity.identify(h))?.userId });
  hub.attach(io, host);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  workshop = await hub.service.create('teacher-one', { title: 'Kubernetes in a day', labSlugs: ['cluster-tour'], startsAt: new Date(Date.now() - 60_000), durationMinutes: 120, stuckMinutes: 10 });
  await hub.service.join(workshop, 'learner-ann', 'Ann');
  await hub.service.join(workshop, 'learner-bo', 'Bo');
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await host.shutdown();
  await new Promise((r) => http.close(r));
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const headers = (userId: string) => ({ cookie: `${LEARNER_COOKIE}=${cookies.sign(userId)}` });
function ws(userId: string): Ws {
  const s: Ws = connect(url + WORKSHOP_NAMESPACE, { transports: ['websocket'], extraHeaders: headers(userId), reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}
function lab(userId: string): Lab {
  const s: Lab = connect(url, { transports: ['websocket'], extraHeaders: headers(userId), reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}
const watch = (s: Ws, workshopId: string) => new Promise<WatchResult>((r) => s.emit('workshop:watch', { workshopId }, r));
const observe = (s: Ws, userId: string) => new Promise<ObserveResult>((r) => s.emit('workshop:observe', { workshopId: workshop.id, userId, labSlug: 'cluster-tour' }, r));
const attach = (s: Lab) => new Promise<AttachResult>((r) => s.emit('sandbox:attach', { labSlug: 'cluster-tour' }, r));
async function until(what: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the workshop dashboard', () => {
  it('shows the workshop to its instructor, with every participant and lab', async () => {
    const r = await watch(ws('teacher-one'), workshop.id);
    if (!r.ok) throw new Error(r.message);
    expect(r.workshop.title).toBe('Kubernetes in a day');
    expect(r.participants.map((p) => p.displayName)).toEqual(['Ann', 'Bo']);
    expect(r.participants[0]!.cells[0]).toMatchObject({ labSlug: 'cluster-tour', started: false, stepLabel: '1/3 The nodes' });
  });

  it('is refused to another instructor, a participant and a stranger alike, and shown to an admin', async () => {
    for (const who of ['teacher-two', 'learner-ann', 'stranger-one']) {
      expect(await watch(ws(who), workshop.id)).toEqual({ ok: false, code: 'not-found', message: 'No such workshop, or it is not yours.' });
    }
    expect(await watch(ws('teacher-one'), 'no-such-workshop')).toMatchObject({ ok: false, code: 'not-found' });
    expect((await watch(ws('admin-boss'), workshop.id)).ok).toBe(true);
  });

  it('refuses a socket without identity', async () => {
    const s: Ws = connect(url + WORKSHOP_NAMESPACE, { transports: ['websocket'], reconnection: false });
    sockets.push(s);
    const err = await new Promise<Error>((r) => s.once('connect_error', r));
    expect(err.message).toMatch(/unauthenticated/);
  });

  it('updates live when a learner passes a check', async () => {
    const teacher = ws('teacher-one');
    expect((await watch(teacher, workshop.id)).ok).toBe(true);
    const cells: { userId: string; passed: number; checks: { id: string; state: string }[] }[] = [];
    teacher.on('workshop:progress', (m) => cells.push({ userId: m.userId, ...m.cell }));
    const ann = lab('learner-ann');
    expect((await attach(ann)).ok).toBe(true);
    ann.emit('terminal:input', { data: 'kubectl get nodes -o wide\r' });
    await until(() => cells.some((c) => c.userId === 'learner-ann' && c.checks.find((k) => k.id === 'nodes-wide')?.state === 'passed'));
    expect(cells.every((c) => c.userId === 'learner-ann')).toBe(true);
  });
});

describe('the read-only observer terminal', () => {
  it('shows the learner’s screen, then what they type next', async () => {
    const bo = lab('learner-bo');
    expect((await attach(bo)).ok).toBe(true);
    bo.emit('terminal:input', { data: 'echo before-observing\r' });
    const teacher = ws('teacher-one');
    let seen = '';
    teacher.on('observe:output', (m) => (seen += m.data));
    await new Promise((r) => setTimeout(r, 300));
    const r = await observe(teacher, 'learner-bo');
    if (!r.ok) throw new Error(r.message);
    expect(r.screen).toContain('echo before-observing');
    bo.emit('terminal:input', { data: 'echo typed-while-watched\r' });
    await until(() => seen.includes('typed-while-watched'));
  });

  it('has no input path: what the observer sends never reaches the learner’s terminal', async () => {
    const teacher = ws('teacher-one');
    expect((await observe(teacher, 'learner-bo')).ok).toBe(true);
    // The sandbox events do not exist on the workshop namespace…
    (teacher as unknown as Socket).emit('terminal:input', { data: 'echo observer-was-here\r' });
    // …and on the sandbox namespace the instructor has only their own sandbox.
    const own = lab('teacher-one');
    const other = await new Promise<AttachResult>((r) => own.emit('sandbox:attach', { labSlug: 'cluster-tour', sandboxId: 'learner-bo:cluster-tour' }, r));
    expect(other).toMatchObject({ ok: false, code: 'forbidden' });
    await new Promise((r) => setTimeout(r, 500));
    const screen = (await host.open('learner-bo', 'cluster-tour').then((h) => h.call('screen'))) as string;
    expect(screen).not.toContain('observer-was-here');
  });

  it('is refused to another instructor and to learners, and for a non-participant', async () => {
    for (const who of ['teacher-two', 'learner-ann']) expect(await observe(ws(who), 'learner-bo')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await observe(ws('teacher-one'), 'stranger-one')).toMatchObject({ ok: false, code: 'not-found' });
    const wrongLab = await new Promise<ObserveResult>((r) => ws('teacher-one').emit('workshop:observe', { workshopId: workshop.id, userId: 'learner-bo', labSlug: 'deploy-nginx' }, r));
    expect(wrongLab).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('learners’ lab pages', () => {
  it('follow broadcasts, hints for their lab, and the end', async () => {
    const ann = ws('learner-ann');
    const got: string[] = [];
    ann.on('workshop:message', (m) => got.push(`${m.message.kind}:${m.message.text}`));
    ann.on('workshop:times', (m) => got.push(`ended:${m.endedAt !== undefined}`));
    const r = await new Promise<{ ok: boolean; workshops?: { title: string }[] }>((res) => ann.emit('workshop:follow', { labSlug: 'cluster-tour' }, res as never));
    expect(r.workshops?.map((w) => w.title)).toEqual(['Kubernetes in a day']);
    hub.announce(workshop, await hub.service.addMessage(workshop, 'broadcast', 'Break at 11'));
    hub.announce(workshop, await hub.service.addMessage(workshop, 'hint', 'Add -o wide', 'cluster-tour', 'nodes'));
    hub.timesChanged(await hub.service.end(workshop));
    await until(() => got.length === 3);
    expect(got).toEqual(['broadcast:Break at 11', 'hint:Add -o wide', 'ended:true']);
    const stranger = ws('stranger-one');
    const none = await new Promise<{ workshops?: unknown[] }>((res) => stranger.emit('workshop:follow', { labSlug: 'cluster-tour' }, res as never));
    expect(none.workshops).toEqual([]);
  });
});

describe('deleting a learner', () => {
  it('removes their workshop places with the rest of their data', async () => {
    const w = await hub.service.create('teacher-one', { title: 'Another day', labSlugs: ['cluster-tour'], startsAt: new Date(), durationMinutes: 60, stuckMinutes: 10 });
    await hub.service.join(w, 'learner-zed', 'Zed');
    expect(await hub.service.isParticipant(w.id, 'learner-zed')).toBe(true);
    await host.deleteLearner('learner-zed');
    expect(await hub.service.isParticipant(w.id, 'learner-zed')).toBe(false);
    expect(await db.user.findUnique({ where: { id: 'learner-zed' } })).toBeNull();
  });
});

describe('pre-warming a workshop', () => {
  it('starts every participant’s sandbox for every lab, without a browser', async () => {
    const w = await hub.service.create('teacher-one', { title: 'Warm', labSlugs: ['cluster-tour', 'deploy-nginx'], startsAt: new Date(), durationMinutes: 60, stuckMinutes: 10 });
    await hub.service.join(w, 'learner-cy', 'Cy');
    await hub.service.join(w, 'learner-di', 'Di');
    expect(await hub.prewarm(w)).toEqual({ started: 4, failed: [] });
    for (const id of ['learner-cy:cluster-tour', 'learner-cy:deploy-nginx', 'learner-di:cluster-tour', 'learner-di:deploy-nginx']) expect(host.manager.get(id), id).toBeDefined();
  });
});
