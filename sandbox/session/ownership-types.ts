// What sandbox ownership across processes needs from outside the session (ownership.ts): leases
// in the shared database (server/cluster-leases.ts) and messages between processes
// (server/cluster-bus.ts, Redis pub/sub). The session itself imports neither Prisma nor Redis.
import type { SandboxMethod } from './surface.js';

/** Process `ownerId` runs the sandbox until `expiresAt` (ms) unless it renews; `fence` grows with every new owner. */
export interface Lease {
  sandboxId: string;
  ownerId: string;
  fence: number;
  expiresAt: number;
}

export interface AcquireRequest {
  sandboxId: string;
  userId: string;
  ownerId: string;
  ttlMs: number;
  /** Take the lease from this owner even before it expires: it is known to be gone. */
  takeoverFrom?: { ownerId: string; fence: number };
}

export interface LeaseStore {
  /**
   * Take the lease when nobody holds it, it expired, or it is ours already (then renewed, same
   * fence); a compare-and-set on (owner, fence), so two processes never both succeed.
   */
  acquire(req: AcquireRequest): Promise<{ acquired: boolean; lease: Lease }>;
  /** Renew every lease of this owner; the sandbox ids it still holds. */
  renew(ownerId: string, ttlMs: number): Promise<Set<string>>;
  /** Give the lease up (it expires at once; the fence stays, so it keeps growing). */
  release(sandboxId: string, ownerId: string, fence: number): Promise<void>;
  releaseAll(ownerId: string): Promise<void>;
  ofUser(userId: string): Promise<Lease[]>;
  deleteOfUser(userId: string): Promise<void>;
}

/** The owner cannot be reached: no process listens on its channel any more, or it did not answer in time. */
export class OwnerUnreachableError extends Error {
  override name = 'OwnerUnreachableError';
  /** True when the request may have reached the owner (it timed out): not safe to send again. */
  constructor(
    message: string,
    readonly maybeDelivered = false,
  ) {
    super(message);
  }
}

/** Asked of a process that no longer runs the sandbox (it hibernated or lost it). */
export class NotOwnerError extends Error {
  override name = 'NotOwnerError';
}

/** Requests one process sends another and awaits the answer of. */
export type BusRequest =
  | { op: 'open'; sandboxId: string; userId: string; labSlug: string }
  | { op: 'call'; sandboxId: string; method: SandboxMethod; args: unknown[] }
  | { op: 'attach'; sandboxId: string; userId: string; labSlug: string }
  | { op: 'socketEvent'; sandboxId: string; connectionId: string; event: string; args: unknown[]; wantsAck: boolean }
  | { op: 'reset'; userId: string; labSlug: string }
  | { op: 'deleteLearner'; userId: string };

/** Messages without an answer. */
export type BusMessage =
  | { op: 'release'; sandboxId: string }
  | { op: 'socketClose'; sandboxId: string; connectionId: string }
  | { op: 'event'; sandboxId: string; event: string; args: unknown[] }
  /** The owner stopped running the sandbox: look for it again. */
  | { op: 'moved'; sandboxId: string };

export interface ProcessBus {
  /** This process's id: unique per process start (pods may share pids). */
  readonly processId: string;
  /** Rejects with OwnerUnreachableError when nobody listens for `to`, or with the handler's error (its name kept). */
  request(to: string, body: BusRequest, timeoutMs?: number): Promise<unknown>;
  send(to: string, body: BusMessage): void;
  serve(handler: (from: string, body: BusRequest) => Promise<unknown>): void;
  listen(handler: (from: string, body: BusMessage) => void): void;
  /** Which of these processes still listen (a SIGKILLed process's connection is gone at once). */
  alive(processIds: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

/** The fences this process holds, read by the fenced store before each snapshot write. */
export class LeaseBook {
  private readonly fences = new Map<string, number>();
  /** Told when a write finds the lease taken (the owner stops the sandbox at once, not at its next heartbeat). */
  lost?: (sandboxId: string) => void;
  constructor(
    readonly ownerId: string,
    readonly ttlMs: number,
  ) {}
  fenceOf(sandboxId: string): number | undefined {
    return this.fences.get(sandboxId);
  }
  hold(sandboxId: string, fence: number): void {
    this.fences.set(sandboxId, fence);
  }
  drop(sandboxId: string): void {
    this.fences.delete(sandboxId);
  }
}

/** A snapshot write or delete refused: this process no longer holds the sandbox's lease. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}
