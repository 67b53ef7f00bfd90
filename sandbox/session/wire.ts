// Messages between the web server's thread (pool.ts) and a sandbox worker (worker.ts).
import type { SandboxMethod, WireError } from './surface.js';

export type StoreOp = 'load' | 'save' | 'saveSerialized' | 'ensureUser' | 'saveResults' | 'delete' | 'deleteUser';

/** Server → worker. Requests carry a seq; the worker answers each with a `reply`. */
export type ToWorker =
  | { kind: 'open'; seq: number; userId: string; labSlug: string }
  | { kind: 'call'; seq: number; sandboxId: string; method: SandboxMethod; args: unknown[] }
  | { kind: 'attach'; sandboxId: string }
  | { kind: 'release'; sandboxId: string }
  | { kind: 'reset'; seq: number; userId: string; labSlug: string }
  | { kind: 'deleteLearner'; seq: number; userId: string }
  | { kind: 'shutdown'; seq: number }
  | { kind: 'socketEvent'; seq: number; sandboxId: string; connectionId: string; event: string; args: unknown[]; wantsAck: boolean }
  | { kind: 'socketClose'; sandboxId: string; connectionId: string }
  | { kind: 'storeReply'; seq: number; ok: boolean; value?: unknown; error?: WireError };

/** Worker → server. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'reply'; seq: number; ok: boolean; value?: unknown; error?: WireError }
  | { kind: 'event'; sandboxId: string; event: string; args: unknown[] }
  | { kind: 'store'; seq: number; op: StoreOp; args: unknown[] }
  | { kind: 'unloaded'; sandboxId: string }
  | { kind: 'stats'; commandMs: number[]; snapshots: { bytes: number; ms: number }[]; active: number; hibernated: number; loopLagMs: number };

/** What a worker is started with. */
export interface WorkerConfig {
  idleMs?: number;
  saveDelayMs?: number;
  maxPerLearner?: number;
  cpuLimitMs?: number;
}
