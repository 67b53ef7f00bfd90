// Accounts: one Better Auth instance per server process, on our Prisma client. Its models are
// ours (User extended; AuthSession, AuthAccount, AuthVerification), passwords are argon2id, and
// every new session hands the visitor's guest id to `onSignedIn` so their work follows them.
import { createHmac } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { createAuthMiddleware } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Db } from '../db.js';
import { roleAtSignUp } from './roles.js';

/** The header server.ts sets from the socket's address (any client value is overwritten). */
export const CLIENT_IP_HEADER = 'x-kubelab-client-ip';
export const OIDC_PROVIDER_ID = 'oidc';
export const AUTH_BASE_PATH = '/api/auth';
export const MIN_PASSWORD_LENGTH = 8;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button. */
  name?: string;
}

export interface AuthOptions {
  db: Db;
  /** The server's secret; Better Auth gets a key derived from it, not the secret itself. */
  secret: string;
  /** Where the site is reached, e.g. http://localhost:3000 (cookies, callbacks, origin checks). */
  baseURL: string;
  adminEmails: readonly string[];
  secureCookies?: boolean;
  oidc?: OidcConfig;
  /** Sign-in attempts one IP may make per minute. */
  signInPerMinute?: number;
  provider?: 'sqlite' | 'postgresql';
  /** A session was created for `userId` (sign-up or sign-in); the request's Cookie header with it. */
  onSignedIn?: (userId: string, cookieHeader: string | undefined) => Promise<void>;
  /** Sessions were removed through Better Auth (sign-out, revoke): cached identities are stale. */
  onSessionsChanged?: () => void;
  log?: (message: string) => void;
}

/** The argon2id hash Better Auth stores in AuthAccount.password (OWASP's default parameters). */
export const passwords = {
  hash: (password: string) => argon2Hash(password),
  verify: ({ hash, password }: { hash: string; password: string }) => argon2Verify(hash, password).catch(() => false),
};

const SESSION_CHANGING_PATHS = ['/sign-out', '/revoke-session', '/revoke-sessions', '/revoke-other-sessions', '/delete-user'];

export function createAuth(opts: AuthOptions) {
  const log = opts.log ?? ((m: string) => console.error(m));
  return betterAuth({
    appName: 'Kubelab',
    baseURL: opts.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: createHmac('sha256', opts.secret).update('kubelab better-auth').digest('base64url'),
    database: prismaAdapter(opts.db, { provider: opts.provider ?? 'sqlite' }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, password: passwords },
    user: {
      modelName: 'user',
      additionalFields: {
        kind: { type: 'string', required: false, defaultValue: 'account', input: false },
        role: { type: 'string', required: false, defaultValue: 'learner', input: false },
      },
    },
    session: { modelName: 'authSession' },
    account: { modelName: 'authAccount' },
    verification: { modelName: 'authVerification' },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 100,
      // Sign-up is looser than sign-in: a classroom behind one address signs up at once.
      customRules: { '/sign-in/email': { window: 60, max: opts.signInPerMinute ?? 5 }, '/sign-up/email': { window: 60, max: 30 } },
    },
    advanced: {
      useSecureCookies: opts.secureCookies ?? false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          // Every account is kind "account"; its role comes from ADMIN_EMAILS, never the request.
          before: async (user) => ({ data: { ...user, kind: 'account', role: roleAtSignUp(user.email, opts.adminEmails) } }),
        },
      },
      session: {
        create: {
          after: async (session, ctx) => {
            try {
              await opts.onSignedIn?.(session.userId, ctx?.headers?.get('cookie') ?? ctx?.request?.headers.get('cookie') ?? undefined);
            } catch (e) {
              log(`carrying guest work into ${session.userId} failed: ${(e as Error).message}`);
            }
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (SESSION_CHANGING_PATHS.includes(ctx.path)) opts.onSessionsChanged?.();
      }),
    },
    plugins: opts.oidc ? [oidcPlugin(opts.oidc)] : [],
  });
}

function oidcPlugin(oidc: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        discoveryUrl: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: ['openid', 'email', 'profile'],
        pkce: true,
        authentication: 'basic', // client_secret_basic, the OIDC default
      },
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
