// What kubectl needs from its surroundings. In a learner's sandbox it talks to the engine
// in-process; the same commands can talk to any cluster over HTTP through another ApiClient.
import type { Clock } from '../engine/clock.js';
import type { CommandIO } from '../shell/io.js';
import type { Vfs } from '../shell/vfs.js';
import type { KubeClient } from './client.js';

export interface KubectlHost {
  api: KubeClient;
  clock: Clock;
  fs: Vfs;
}

export interface KubectlContext {
  host: KubectlHost;
  io: CommandIO;
  /** The namespace from -n, or the current context's. */
  namespace: string;
  allNamespaces: boolean;
}

/** A usage error: kubectl prints `error: <message>` and exits 1. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}
