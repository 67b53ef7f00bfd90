// The accounts' settings from the validated environment (server/env.ts).
import type { Env } from '../env.js';
import type { AccountsOptions } from './index.js';
import { parseAdminEmails } from './roles.js';

export type AccountsConfig = Pick<AccountsOptions, 'baseURL' | 'adminEmails' | 'oidc' | 'signInPerMinute' | 'secureCookies' | 'secret' | 'provider'>;

export function accountsConfig(env: Omit<Env, 'SESSION_SECRET'> & { SESSION_SECRET: string }): AccountsConfig {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  return {
    secret: env.SESSION_SECRET,
    baseURL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    adminEmails: parseAdminEmails(env.ADMIN_EMAILS),
    oidc: issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined,
    signInPerMinute: env.SIGNIN_RATE_LIMIT_PER_MINUTE,
    secureCookies: env.SECURE_COOKIES === 'true',
    provider: env.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql',
  };
}
