import { afterAll, describe, expect, it } from 'vitest';
import { getServerContext, setServerContext, type ServerContext } from '../../../../server/context';
import { testAccounts, TEST_BASE_URL } from '../../../../server/accounts/test-harness';
import { GET, POST } from './route';

const h = testAccounts();
const before = getServerContext();
afterAll(async () => {
  setServerContext(before as ServerContext);
  await h.close();
});

describe('/api/auth/*', () => {
  it('is served by the server’s one Better Auth instance', async () => {
    setServerContext({ db: h.db, cookies: h.cookies, identity: h.accounts.identity, accounts: h.accounts });
    const res = await POST(new Request(`${TEST_BASE_URL}/api/auth/sign-up/email`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kubelab-client-ip': '192.0.2.200' }, body: JSON.stringify({ email: 'route@kubelab.test', password: 'a long password', name: 'r' }) }));
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0].split(';')[0];
    const session = await GET(new Request(`${TEST_BASE_URL}/api/auth/get-session`, { headers: { cookie } }));
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe('route@kubelab.test');
  });

  it('answers 503 without the Kubelab server', async () => {
    setServerContext(undefined as unknown as ServerContext);
    expect((await GET(new Request(`${TEST_BASE_URL}/api/auth/get-session`))).status).toBe(503);
  });
});
