// The sandbox's surface across the worker boundary. The web server's thread never holds a
// Sandbox: it holds a SandboxHandle and calls these methods by name (an RPC whitelist checked on
// both sides). To expose a new Sandbox method to the socket layer, add its name here — nothing
// else. Events need no list: every SandboxListener method the Sandbox calls is forwarded by name.
import type { Sandbox } from './sandbox.js';

export const SANDBOX_METHODS = ['attachInfo', 'input', 'resize', 'screen', 'files', 'checks', 'readFile', 'writeFile', 'answer', 'runAction', 'gradeExam'] as const;

export type SandboxMethod = (typeof SANDBOX_METHODS)[number];
export type MethodArgs<M extends SandboxMethod> = Sandbox[M] extends (...args: infer A) => unknown ? A : never;
export type MethodResult<M extends SandboxMethod> = Sandbox[M] extends (...args: never[]) => infer R ? Awaited<R> : never;

const allowed = new Set<string>(SANDBOX_METHODS);
export const isSandboxMethod = (name: unknown): name is SandboxMethod => typeof name === 'string' && allowed.has(name);

/** An error thrown inside a sandbox, as it crosses a thread: its class name, code and text. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
}

export function toWireError(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.constructor?.name ?? err.name, message: err.message, code: (err as { code?: string }).code };
}

/** The same error on this side: same message, `name` and `code` (socket.ts maps them). */
export class SandboxCallError extends Error {
  readonly code?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
  }
}

/** A SandboxListener whose every method forwards its name and arguments (events by name). */
export function eventForwarder<L extends object>(emit: (event: string, args: unknown[]) => void): L {
  return new Proxy({} as L, {
    get: (_target, event) => (typeof event === 'string' ? (...args: unknown[]) => emit(event, args) : undefined),
  });
}
