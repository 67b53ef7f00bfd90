// OpenID Connect sign-in against a real provider (oidc-provider on loopback, its development
// login and consent screens answered as a browser would): discovery, PKCE, the code exchange, an
// account made from the ID token's email, ADMIN_EMAILS applied, guest work carried over.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE } from '../guest.js';
import { cookiesFrom, testAccounts, TEST_BASE_URL, type Harness } from './test-harness.js';

const PEOPLE: Record<string, { email: string; name: string }> = {
  alice: { email: 'alice@example.org', name: 'Alice' },
  ida: { email: 'instructor+oidc@kubelab.test', name: 'Ida' },
};

let issuer = '';
let h: Harness;
const server = createServer();

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'kubelab', client_secret: 'kubelab-secret', redirect_uris: [`${TEST_BASE_URL}/api/auth/callback/oidc`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: PEOPLE[id].email, email_verified: true, name: PEOPLE[id].name }) }),
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void handle(req, res));
  h = testAccounts({ oidc: { issuer, clientId: 'kubelab', clientSecret: 'kubelab-secret' } });
});

afterAll(async () => {
  server.close();
  await h?.close();
});

let visitor = 0;

/** The whole browser round trip: Kubelab → provider (login, consent) → Kubelab's callback. */
async function signInWithOidc(person: string, kubelabCookie = ''): Promise<{ res: Response; cookie: string }> {
  const start = await h.accounts.auth.handler(
    new Request(`${TEST_BASE_URL}/api/auth/sign-in/social`, {
      method: 'POST',
      // Each round trip from its own address: sign-in starts are rate-limited per IP.
      headers: { 'content-type': 'application/json', origin: TEST_BASE_URL, 'x-kubelab-client-ip': `198.18.0.${++visitor}`, ...(kubelabCookie ? { cookie: kubelabCookie } : {}) },
      body: JSON.stringify({ provider: 'oidc', callbackURL: '/courses' }),
    }),
  );
  expect(start.status).toBe(200);
  let ours = cookiesFrom(start, kubelabCookie);
  let theirs = '';
  let next = ((await start.json()) as { url: string }).url;
  let loggedIn = false; // the provider asks for a login first, then for consent
  for (let hop = 0; hop < 12; hop++) {
    if (next.startsWith(TEST_BASE_URL)) {
      const res = await h.accounts.auth.handler(new Request(next, { headers: { cookie: ours } }));
      return { res, cookie: cookiesFrom(res, ours) };
    }
    const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(next).pathname);
    let res: Response;
    if (interaction) {
      const prompt = loggedIn ? 'consent' : 'login';
      loggedIn = true;
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login: person } : { prompt });
      res = await fetch(next, { method: 'POST', redirect: 'manual', headers: { cookie: theirs, 'content-type': 'application/x-www-form-urlencoded' }, body });
    } else {
      res = await fetch(next, { redirect: 'manual', headers: { cookie: theirs } });
    }
    theirs = cookiesFrom(res, theirs);
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} at ${next}: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects');
}

describe('OpenID Connect sign-in', () => {
  it('makes an account from the provider’s identity and signs it in, carrying the guest’s work', async () => {
    await h.db.user.create({ data: { id: 'guest-oidc-1' } });
    await h.db.lessonProgress.create({ data: { userId: 'guest-oidc-1', lessonSlug: 'architecture' } });
    const guest = `${LEARNER_COOKIE}=${h.cookies.sign('guest-oidc-1')}`;
    const { res, cookie } = await signInWithOidc('alice', guest);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/courses');
    const who = await h.accounts.identity.identify(cookie);
    expect(who).toMatchObject({ email: 'alice@example.org', role: 'learner', name: 'Alice' });
    const links = await h.db.authAccount.findMany({ where: { userId: who!.userId } });
    expect(links.map((l) => [l.providerId, l.accountId, l.password])).toEqual([['oidc', 'alice', null]]);
    expect(await h.db.lessonProgress.count({ where: { userId: who!.userId } })).toBe(1);
  });

  it('signs the same person in again to the same account; ADMIN_EMAILS applies to OIDC accounts too', async () => {
    const first = await h.accounts.identity.identify((await signInWithOidc('alice')).cookie);
    const again = await h.accounts.identity.identify((await signInWithOidc('alice')).cookie);
    expect(again!.userId).toBe(first!.userId);
    expect(await h.accounts.identity.identify((await signInWithOidc('ida')).cookie)).toMatchObject({ role: 'admin', email: 'instructor+oidc@kubelab.test' });
  });
});
