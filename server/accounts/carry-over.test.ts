// A guest's work follows them into an account: rows move (conflicts keep the one with more
// progress), at sign-up and at sign-in, and a live sandbox carries on from its snapshot.
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSandboxHost } from '../../sandbox/session/local.js';
import type { SandboxHandle } from '../../sandbox/session/handle.js';
import { LEARNER_COOKIE } from '../guest.js';
import { PrismaSandboxStore } from '../store.js';
import { carryOverGuest } from './carry-over.js';
import { signIn, signUp, testAccounts } from './test-harness.js';

let host: LocalSandboxHost | undefined;
const h = testAccounts({ sandboxes: () => host });
afterAll(async () => {
  await host?.shutdown();
  await h.close();
});
const { db } = h;
const at = (s: string) => new Date(`2026-01-0${s}T10:00:00.000Z`);

async function guestWith(id: string) {
  await db.user.create({ data: { id } });
  return `${LEARNER_COOKIE}=${h.cookies.sign(id)}`;
}

async function attempt(userId: string, labSlug: string, passed: string[], failed: string[] = [], completed = false) {
  const a = await db.labAttempt.create({ data: { userId, labSlug, completedAt: completed ? at('5') : null } });
  for (const checkId of passed) await db.checkResult.create({ data: { attemptId: a.id, checkId, passed: true, message: 'ok' } });
  for (const checkId of failed) await db.checkResult.create({ data: { attemptId: a.id, checkId, passed: false, message: 'no' } });
  return a;
}

describe('carry-over of rows', () => {
  it('moves lessons, attempts with their checks, snapshots, certificates and workshop seats; conflicts keep the greater progress', async () => {
    const guest = 'guest-carry-rows-1';
    await guestWith(guest);
    const { cookie } = await signUp(h.accounts, 'rows@kubelab.test');
    const account = (await h.accounts.identity.identify(cookie))!.userId;
    // The account already has some work of its own.
    await db.lessonProgress.create({ data: { userId: account, lessonSlug: 'pods', firstReadAt: at('3') } });
    await attempt(account, 'deployments', ['a', 'b', 'c']); // beats the guest's 1 check
    await attempt(account, 'services', ['a']); // loses to the guest's 2 checks
    await db.sandboxSnapshot.create({ data: { id: `${account}:services`, userId: account, labSlug: 'services', data: '{"who":"account"}' } });
    await db.sandboxSnapshot.create({ data: { id: `${account}:deployments`, userId: account, labSlug: 'deployments', data: '{"who":"account"}' } });
    // The guest's.
    await db.lessonProgress.create({ data: { userId: guest, lessonSlug: 'pods', firstReadAt: at('1'), completedAt: at('2') } });
    await db.lessonProgress.create({ data: { userId: guest, lessonSlug: 'architecture' } });
    await attempt(guest, 'deployments', ['a'], ['b']);
    await attempt(guest, 'services', ['a', 'b']);
    await attempt(guest, 'etcd', [], [], true);
    for (const lab of ['deployments', 'services', 'etcd']) await db.sandboxSnapshot.create({ data: { id: `${guest}:${lab}`, userId: guest, labSlug: lab, data: '{"who":"guest"}' } });
    await db.certificate.create({ data: { id: 'cert-guest-1', userId: guest, courseSlug: 'k8s' } });
    const workshop = await db.workshop.create({ data: { code: 'CARRY001', title: 'w', instructorId: 'someone', labSlugs: '[]', startsAt: at('1'), endsAt: at('2') } });
    await db.workshopParticipant.create({ data: { workshopId: workshop.id, userId: guest, displayName: 'Guest' } });

    expect(await carryOverGuest({ db, guestId: guest, accountId: account })).toBe(true);

    const lessons = await db.lessonProgress.findMany({ where: { userId: account }, orderBy: { lessonSlug: 'asc' } });
    expect(lessons.map((l) => [l.lessonSlug, l.firstReadAt.toISOString(), l.completedAt?.toISOString() ?? null])).toEqual([
      ['architecture', expect.any(String), null],
      ['pods', at('1').toISOString(), at('2').toISOString()],
    ]);
    const attempts = await db.labAttempt.findMany({ where: { userId: account }, include: { checks: true }, orderBy: { labSlug: 'asc' } });
    const passedOf = (slug: string) => attempts.find((a) => a.labSlug === slug)!.checks.filter((c) => c.passed).map((c) => c.checkId).sort();
    expect(attempts.map((a) => a.labSlug)).toEqual(['deployments', 'etcd', 'services']);
    expect(passedOf('deployments')).toEqual(['a', 'b', 'c']);
    expect(passedOf('services')).toEqual(['a', 'b']);
    expect(attempts.find((a) => a.labSlug === 'etcd')!.completedAt).toEqual(at('5'));
    const snaps = await db.sandboxSnapshot.findMany({ where: { userId: account }, orderBy: { labSlug: 'asc' } });
    expect(snaps.map((s) => [s.id, s.data])).toEqual([
      [`${account}:deployments`, '{"who":"account"}'],
      [`${account}:etcd`, '{"who":"guest"}'],
      [`${account}:services`, '{"who":"guest"}'],
    ]);
    expect(await db.certificate.findUnique({ where: { id: 'cert-guest-1' } })).toMatchObject({ userId: account });
    expect(await db.workshopParticipant.findMany({ where: { workshopId: workshop.id } })).toMatchObject([{ userId: account, displayName: 'Guest' }]);
    for (const table of [db.lessonProgress, db.labAttempt, db.sandboxSnapshot, db.certificate] as unknown as { count(a: unknown): Promise<number> }[]) {
      expect(await table.count({ where: { userId: guest } })).toBe(0);
    }
  });

  it('never moves an account into another account, nor a guest into itself', async () => {
    const a = await signUp(h.accounts, 'not-a-guest@kubelab.test');
    const b = await signUp(h.accounts, 'other-account@kubelab.test');
    const [idA, idB] = [(await h.accounts.identity.identify(a.cookie))!.userId, (await h.accounts.identity.identify(b.cookie))!.userId];
    await db.lessonProgress.create({ data: { userId: idA, lessonSlug: 'pods' } });
    expect(await carryOverGuest({ db, guestId: idA, accountId: idB })).toBe(false);
    expect(await db.lessonProgress.count({ where: { userId: idA } })).toBe(1);
    expect(await carryOverGuest({ db, guestId: 'guest-nobody', accountId: idB })).toBe(false);
  });
});

describe('carry-over through sign-up and sign-in', () => {
  it('at sign-up: the guest cookie sent with the sign-up request hands over its progress', async () => {
    const guestCookie = await guestWith('guest-at-signup-1');
    await db.lessonProgress.create({ data: { userId: 'guest-at-signup-1', lessonSlug: 'architecture' } });
    const { cookie } = await signUp(h.accounts, 'signup-carry@kubelab.test', { cookie: guestCookie });
    const account = (await h.accounts.identity.identify(cookie))!;
    expect(account.role).toBe('learner');
    expect(await db.lessonProgress.count({ where: { userId: account.userId } })).toBe(1);
    expect(await db.lessonProgress.count({ where: { userId: 'guest-at-signup-1' } })).toBe(0);
  });

  it('at sign-in too, and a forged guest cookie hands over nothing', async () => {
    await signUp(h.accounts, 'signin-carry@kubelab.test');
    const guestCookie = await guestWith('guest-at-signin-1');
    await db.lessonProgress.create({ data: { userId: 'guest-at-signin-1', lessonSlug: 'pods' } });
    await guestWith('guest-forged-1');
    await db.lessonProgress.create({ data: { userId: 'guest-forged-1', lessonSlug: 'etcd' } });
    const forged = `${LEARNER_COOKIE}=guest-forged-1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    const { cookie } = await signIn(h.accounts, 'signin-carry@kubelab.test', 'correct horse battery', { cookie: forged, ip: '192.0.2.77' });
    const first = (await h.accounts.identity.identify(cookie))!.userId;
    expect(await db.lessonProgress.count({ where: { userId: first } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { userId: 'guest-forged-1' } })).toBe(1);
    const again = await signIn(h.accounts, 'signin-carry@kubelab.test', 'correct horse battery', { cookie: guestCookie, ip: '192.0.2.77' });
    const account = (await h.accounts.identity.identify(again.cookie))!.userId;
    expect((await db.lessonProgress.findMany({ where: { userId: account } })).map((l) => l.lessonSlug)).toEqual(['pods']);
  });
});

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

describe('a live guest sandbox', () => {
  it('carries on in the account: the account opens it where the guest left off; the guest copy is stopped', async () => {
    host = LocalSandboxHost.create({ store: new PrismaSandboxStore(db), saveDelayMs: 20, log: () => {} });
    const guestCookie = `${LEARNER_COOKIE}=${h.cookies.sign('guest-live-1')}`;
    const guestSandbox = await host.open('guest-live-1', 'deploy-nginx');
    const viewing = guestSandbox.addListener({});
    await run(guestSandbox, 'kubectl create namespace carried && echo kept > note.txt');
    await new Promise((r) => setTimeout(r, 300)); // the save after a change (20 ms here, 1 s in production)
    viewing();
    const { cookie } = await signUp(h.accounts, 'live-carry@kubelab.test', { cookie: guestCookie });
    const account = (await h.accounts.identity.identify(cookie))!.userId;
    expect(host.manager.get(guestSandbox.id)).toBeUndefined();
    const mine = await host.open(account, 'deploy-nginx');
    const out = await run(mine, 'kubectl get namespace carried -o name; cat note.txt');
    expect(out).toContain('namespace/carried');
    expect(out).toContain('kept');
    expect(await db.sandboxSnapshot.count({ where: { userId: 'guest-live-1' } })).toBe(0);
  });
});
