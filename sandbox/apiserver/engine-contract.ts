// What the HTTP front needs from an engine. `Engine` (sandbox/engine/engine.ts) satisfies it;
// the optional parts are hooks other parts of the engine provide when they exist.
import type { ApiClient, ResourceRef } from '../engine/api/types.js';
import type { KubeObject } from '../engine/objects.js';

export interface LogOptions {
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
}

/** The byte streams of one exec/attach session, as the kubelet would wire them. */
export interface ExecIO {
  /** Present when the client asked for stdin: chunks as they arrive, then the end. */
  stdin?: { onData(cb: (chunk: Uint8Array) => void): void; onEnd(cb: () => void): void };
  stdout(chunk: Uint8Array | string): void;
  stderr(chunk: Uint8Array | string): void;
  tty: boolean;
  onResize(cb: (size: { width: number; height: number }) => void): void;
}

/** The process's end: exit code 0 is Success, anything else NonZeroExitCode. */
export interface ExecResult {
  exitCode: number;
  /** Set when the exec could not start (e.g. `executable file not found in $PATH`). */
  error?: string;
}

export type ExecHook = (pod: KubeObject, container: string, command: string[], io: ExecIO) => Promise<ExecResult>;

export interface ServedEngine {
  api: ApiClient;
  /** An ApiClient whose writes the engine's trace attributes to actor. */
  client?(actor: string): ApiClient;
  /** Simulated now, for ages in Tables. */
  clock?: { now(): number };
  now?(): number;
  /** Lets controllers react to a write before the next request (a real cluster takes milliseconds). */
  runUntilIdle?(): void;
  advance?(ms: number): void;
  exec?: ExecHook;
  /** The API implementation's note on the last write: created or not, and its warnings. */
  server?: { lastWrite: { created: boolean; warnings: string[] } };
  /** A container's log as `GET …/pods/x/log` answers it. */
  logs?(ref: ResourceRef, opts: LogOptions): string;
  attach?: ExecHook;
}

export function engineNow(engine: ServedEngine, fallback: () => number): number {
  if (engine.clock) return engine.clock.now();
  if (engine.now) return engine.now();
  return fallback();
}
