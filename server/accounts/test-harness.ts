// For tests: a migrated SQLite database in a temporary folder and the real accounts on it, plus
// helpers that talk to Better Auth over its HTTP handler as a browser would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../prisma/migrate.js';
import { createDb, type Db } from '../db.js';
import { learnerCookies, type LearnerCookies } from '../guest.js';
import { createAccounts, type Accounts, type AccountSandboxes, type AccountsOptions } from './index.js';

export const TEST_BASE_URL = 'http://localhost:3999';
const SECRET = 'a-test-secret-of-enough-length-0123456789';

export interface Harness {
  db: Db;
  cookies: LearnerCookies;
  accounts: Accounts;
  close(): Promise<void>;
}

export function testAccounts(overrides: Partial<AccountsOptions> & { sandboxes?: () => AccountSandboxes | undefined } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-accounts-'));
  const file = join(dir, 'k.db');
  migrate(file);
  const db = createDb(`file:${file}`);
  const cookies = learnerCookies(SECRET);
  const accounts = createAccounts({
    db,
    cookies,
    secret: SECRET,
    baseURL: TEST_BASE_URL,
    adminEmails: ['admin@kubelab.test', 'instructor@kubelab.test'],
    sandboxes: () => undefined,
    log: () => undefined,
    ...overrides,
  });
  return {
    db,
    cookies,
    accounts,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request to Better Auth's handler as the browser at TEST_BASE_URL sends it. */
export async function authRequest(accounts: Accounts, path: string, body: unknown, opts: { cookie?: string; ip?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: TEST_BASE_URL, 'x-kubelab-client-ip': opts.ip ?? '192.0.2.1' };
  if (opts.cookie) headers.cookie = opts.cookie;
  return accounts.auth.handler(new Request(`${TEST_BASE_URL}/api/auth${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

/** The Cookie header a browser sends after this response (name=value pairs of Set-Cookie). */
export function cookiesFrom(res: Response, previous = ''): string {
  const pairs = new Map(previous.split(/;\s*/).filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p] as const));
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0];
    pairs.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...pairs.values()].join('; ');
}

export async function signUp(accounts: Accounts, email: string, opts: { password?: string; cookie?: string; ip?: string } = {}): Promise<{ res: Response; cookie: string }> {
  const res = await authRequest(accounts, '/sign-up/email', { email, password: opts.password ?? 'correct horse battery', name: email.split('@')[0] }, opts);
  return { res, cookie: cookiesFrom(res, opts.cookie) };
}

export async function signIn(accounts: Accounts, email: string, password: string, opts: { cookie?: string; ip?: string } = {}): Promise<{ res: Response; cookie: string }> {
  const res = await authRequest(accounts, '/sign-in/email', { email, password }, opts);
  return { res, cookie: cookiesFrom(res, opts.cookie) };
}
