import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';
import { accountsConfig } from './config.js';

const config = (vars: Record<string, string>) => accountsConfig({ ...parseEnv(vars), SESSION_SECRET: 'x'.repeat(32) });

describe('accounts configuration from the environment', () => {
  it('defaults: the site on localhost:PORT, no admins, no OIDC, 5 sign-ins a minute, SQLite', () => {
    expect(config({ PORT: '3401' })).toMatchObject({ baseURL: 'http://localhost:3401', adminEmails: [], oidc: undefined, signInPerMinute: 5, secureCookies: false, provider: 'sqlite' });
  });

  it('reads ADMIN_EMAILS, PUBLIC_URL and OIDC', () => {
    const c = config({ ADMIN_EMAILS: 'admin@kubelab.test,instructor@kubelab.test', PUBLIC_URL: 'https://kubelab.example/', OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'kubelab', OIDC_CLIENT_SECRET: 's3cret' });
    expect(c.adminEmails).toEqual(['admin@kubelab.test', 'instructor@kubelab.test']);
    expect(c.baseURL).toBe('https://kubelab.example');
    expect(c.oidc).toEqual({ issuer: 'https://id.example', clientId: 'kubelab', clientSecret: 's3cret' });
  });

  it('refuses half an OIDC configuration, saying which variables go together', () => {
    expect(() => parseEnv({ OIDC_ISSUER: 'https://id.example' })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three/);
  });
});
