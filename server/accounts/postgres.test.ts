// Accounts on PostgreSQL (several processes share it): Better Auth's Prisma adapter on the pg
// client, sign-up, sign-in, carry-over and deletion against a real server (test-support/services.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../prisma/migrate-postgres.js';
import { servicesAvailable, startServices, type Services } from '../../test-support/services.js';
import { createDb, type Db } from '../db.js';
import { LEARNER_COOKIE, learnerCookies } from '../guest.js';
import { createAccounts, type Accounts } from './index.js';
import { deleteOwnAccount } from './service.js';
import { signIn, signUp, TEST_BASE_URL } from './test-harness.js';

describe.skipIf(!servicesAvailable())('accounts on PostgreSQL', () => {
  let services: Services;
  let db: Db;
  let accounts: Accounts;
  const cookies = learnerCookies('a-test-secret-of-enough-length-0123456789');

  beforeAll(async () => {
    services = await startServices();
    const url = services.createDatabase('kubelab_accounts');
    await migratePostgres(url);
    db = createDb(url);
    accounts = createAccounts({ db, cookies, secret: 'p'.repeat(40), baseURL: TEST_BASE_URL, adminEmails: ['admin@kubelab.test'], provider: 'postgresql', sandboxes: () => undefined, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await services?.stop();
  });

  it('signs up (carrying a guest’s lesson), signs in, refuses a wrong password, deletes', async () => {
    await db.user.create({ data: { id: 'guest-pg-1' } });
    await db.lessonProgress.create({ data: { userId: 'guest-pg-1', lessonSlug: 'architecture' } });
    const guest = `${LEARNER_COOKIE}=${cookies.sign('guest-pg-1')}`;
    const up = await signUp(accounts, 'admin+pg@kubelab.test', { cookie: guest });
    expect(up.res.status).toBe(200);
    const who = (await accounts.identity.identify(up.cookie))!;
    expect(who).toMatchObject({ role: 'admin', email: 'admin+pg@kubelab.test' });
    expect(await db.lessonProgress.count({ where: { userId: who.userId } })).toBe(1);
    expect((await signIn(accounts, 'admin+pg@kubelab.test', 'wrong password', { ip: '192.0.2.90' })).res.status).toBe(401);
    const again = await signIn(accounts, 'admin+pg@kubelab.test', 'correct horse battery', { ip: '192.0.2.90' });
    expect(await accounts.identity.identify(again.cookie)).toMatchObject({ userId: who.userId });
    expect(await deleteOwnAccount(accounts, who, 'admin+pg@kubelab.test')).toMatchObject({ status: 200 });
    expect(await db.user.count({ where: { id: who.userId } })).toBe(0);
    expect(await accounts.identity.identify(again.cookie)).toBeUndefined();
  });
});
