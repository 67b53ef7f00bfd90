// What the session needs from persistence. server/ implements these with Prisma; the session
// itself never imports a database.
import type { ChecksUpdate } from '../protocol.js';
import type { SandboxSnapshotData } from './snapshot.js';

export interface SandboxStore {
  load(userId: string, labSlug: string): Promise<SandboxSnapshotData | undefined>;
  save(userId: string, labSlug: string, snapshot: SandboxSnapshotData): Promise<void>;
  /** The same, given the snapshot already as JSON (saves serialising it twice). */
  saveSerialized?(userId: string, labSlug: string, version: number, json: string): Promise<void>;
  /** Make sure the learner's row exists (guests get one on first use). */
  ensureUser(userId: string): Promise<void>;
  saveResults(userId: string, labSlug: string, update: ChecksUpdate): Promise<void>;
  /** Forget one sandbox's snapshot (reset). */
  delete(userId: string, labSlug: string): Promise<void>;
  /** Delete the learner and everything kept for them (snapshots, attempts, results). */
  deleteUser(userId: string): Promise<void>;
}

/** Keeps everything in memory: for tests of the session, and a database-less run. */
export class MemorySandboxStore implements SandboxStore {
  readonly snapshots = new Map<string, string>();
  readonly results = new Map<string, ChecksUpdate>();
  readonly users = new Set<string>();
  async load(userId: string, labSlug: string) {
    const json = this.snapshots.get(`${userId}:${labSlug}`);
    return json ? (JSON.parse(json) as SandboxSnapshotData) : undefined;
  }
  async delete(userId: string, labSlug: string) {
    this.snapshots.delete(`${userId}:${labSlug}`);
  }
  async deleteUser(userId: string) {
    for (const map of [this.snapshots, this.results]) for (const k of [...map.keys()]) if (k.startsWith(`${userId}:`)) map.delete(k);
    this.users.delete(userId);
  }
  async save(userId: string, labSlug: string, snapshot: SandboxSnapshotData) {
    this.snapshots.set(`${userId}:${labSlug}`, JSON.stringify(snapshot));
  }
  async saveSerialized(userId: string, labSlug: string, _version: number, json: string) {
    this.snapshots.set(`${userId}:${labSlug}`, json);
  }
  async ensureUser(userId: string) {
    this.users.add(userId);
  }
  async saveResults(userId: string, labSlug: string, update: ChecksUpdate) {
    this.results.set(`${userId}:${labSlug}`, update);
  }
}
