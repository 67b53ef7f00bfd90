// What server.ts shares with the Next.js route handlers it serves (they are bundled separately,
// so a process-wide symbol is the bridge): the database, the learner-cookie verifier and the identity source.
import type { Accounts } from './accounts/index.js';
import type { Db } from './db.js';
import type { LearnerCookies } from './guest.js';
import type { IdentitySource } from './identity.js';

export interface ServerContext {
  db: Db;
  cookies: LearnerCookies;
  /** Who a request is (account session or guest cookie): ask this, not the cookies. */
  identity: IdentitySource;
  /** Better Auth and the account routes' needs (server/accounts); absent in tests without accounts. */
  accounts?: Accounts;
}

const KEY = Symbol.for('kubelab.server-context');

export function setServerContext(ctx: ServerContext): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ctx;
}

/** Undefined when the app runs without server.ts (e.g. `next dev` alone). */
export function getServerContext(): ServerContext | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as ServerContext | undefined;
}
