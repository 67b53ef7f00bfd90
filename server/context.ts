// What server.ts shares with the Next.js route handlers it serves (they are bundled separately,
// so a process-wide symbol is the bridge): the database and the learner-cookie verifier.
import type { Db } from './db.js';
import type { LearnerCookies } from './guest.js';

export interface ServerContext {
  db: Db;
  cookies: LearnerCookies;
}

const KEY = Symbol.for('kubelab.server-context');

export function setServerContext(ctx: ServerContext): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ctx;
}

/** Undefined when the app runs without server.ts (e.g. `next dev` alone). */
export function getServerContext(): ServerContext | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as ServerContext | undefined;
}
