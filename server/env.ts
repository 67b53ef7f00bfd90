// Configuration comes from the environment, validated once at start with messages that say
// what to change. Nothing else reads process.env.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('file:./data/kubelab.db')
    .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\/[^/]+/.test(url), 'use a SQLite file (file:./data/kubelab.db) or PostgreSQL (postgresql://user:password@host:5432/kubelab)'),
  /** PostgreSQL connections each process may hold. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs learner cookies. When unset, one is generated once and kept in data/session-secret. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Mark cookies Secure (set when served over HTTPS). */
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * Several server processes: socket.io rooms through Redis, sandbox requests forwarded to the
   * process that runs the sandbox (docs: sandbox/session/README.md). Needs PostgreSQL.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/]+/, 'use redis://host:6379 (or rediss:// for TLS)')
    .optional(),
  /** Sandbox worker threads; 0 runs sandboxes on the web server's thread. Default: one per core. */
  SANDBOX_WORKERS: z.coerce.number().int().min(0).max(256).optional(),
  /** A sandbox nobody watches is saved and unloaded (hibernated) after this many minutes. */
  SANDBOX_IDLE_MINUTES: z.coerce.number().positive().default(10),
  /** Live sandboxes one learner may have at once. */
  SANDBOX_MAX_PER_LEARNER: z.coerce.number().int().min(1).default(4),
  /** CPU seconds one shell command line may use. */
  SANDBOX_CPU_SECONDS: z.coerce.number().positive().default(5),
  /** Accounts: emails (comma-separated) that are admins from sign-up; name+tag@domain matches name@domain. */
  ADMIN_EMAILS: z.string().default(''),
  /** Where browsers reach the site (session cookies, OIDC callback, origin checks). Default http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Sign-in with an OpenID Connect provider: all three, or none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Sign-in attempts one IP address may make per minute. */
  SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  /** Behind a reverse proxy (ingress): rate limits use the address it appends to X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

/** Every variable the server reads (the deployment manifests set no other). */
export const ENV_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof EnvSchema> {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`invalid environment:\n${lines.join('\n')}`);
  }
  const oidc = [parsed.data.OIDC_ISSUER, parsed.data.OIDC_CLIENT_ID, parsed.data.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) throw new EnvError('invalid environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for OpenID Connect sign-in, or none');
  if (parsed.data.REDIS_URL && parsed.data.DATABASE_URL.startsWith('file:')) {
    throw new EnvError('invalid environment:\n  REDIS_URL: several server processes need a shared database: set DATABASE_URL to PostgreSQL (postgresql://…), or unset REDIS_URL');
  }
  return parsed.data;
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const env = parseEnv(source);
  return { ...env, SESSION_SECRET: env.SESSION_SECRET ?? localSecret() };
}

/** A secret kept beside the database, so guests keep their cookies across restarts. */
function localSecret(file = resolve('data/session-secret')): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
