import { afterEach, describe, expect, it } from 'vitest';
import { getServerContext, setServerContext, type ServerContext } from '../../../server/context';
import { LEARNER_COOKIE, learnerCookies } from '../../../server/guest';
import { guestIdentities } from '../../../server/identity';
import { GET } from './route';

const cookies = learnerCookies('test-secret-for-api-me');
const before = getServerContext();
afterEach(() => setServerContext(before as ServerContext));

const ask = async (cookie?: string) => {
  const res = await GET(new Request('http://localhost/api/me', { headers: cookie ? { cookie } : {} }));
  return { status: res.status, body: (await res.json()) as unknown, cache: res.headers.get('cache-control') };
};

describe('GET /api/me', () => {
  it('tells a guest its role and nothing more', async () => {
    setServerContext({ cookies, identity: guestIdentities(cookies) } as unknown as ServerContext);
    const res = await ask(`${LEARNER_COOKIE}=${cookies.sign('guest-12345678')}`);
    expect(res).toEqual({ status: 200, body: { role: 'guest' }, cache: 'private, no-store' });
  });

  it('has no role for a missing or forged cookie', async () => {
    setServerContext({ cookies, identity: guestIdentities(cookies) } as unknown as ServerContext);
    expect((await ask()).body).toEqual({ role: null });
    const forged = learnerCookies('another-secret').sign('guest-12345678');
    expect((await ask(`${LEARNER_COOKIE}=${forged}`)).body).toEqual({ role: null });
  });

  it('has no role without the Kubelab server', async () => {
    setServerContext(undefined as unknown as ServerContext);
    expect((await ask('x=y')).body).toEqual({ role: null });
  });
});
