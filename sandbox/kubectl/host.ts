// What kubectl needs from its surroundings. In a learner's sandbox it talks to the engine
// in-process; the same commands can talk to any cluster over HTTP through another ApiClient.
import type { Clock } from '../engine/clock.js';
import type { CommandIO, Interrupt } from '../shell/io.js';
import type { Vfs } from '../shell/vfs.js';
import type { KubeClient } from './client.js';
import type { KubeconfigStore, ResolvedConfig } from './kubeconfig.js';

export interface KubectlHost {
  api: KubeClient;
  clock: Clock;
  fs: Vfs;
  /** Waits `ms` (simulated in tests) or until Ctrl-C: `--timeout` of wait, rollout status, drain. */
  sleep?(ms: number, interrupt: Interrupt): Promise<void>;
  /** Where the kubeconfig lives; defaults to ~/.kube/config in `fs`. */
  kubeconfig?: KubeconfigStore;
  /** Opens the file `--kubeconfig <path>` names (real files in the CLI); defaults to the VFS. */
  openKubeconfig?(path: string): KubeconfigStore;
  /** Opens a client for the resolved kubeconfig (HTTP in the CLI); without it `api` is used. */
  connect?(config: ResolvedConfig): KubeClient;
}

export interface KubectlContext {
  host: KubectlHost;
  io: CommandIO;
  /** The namespace from -n, or the current context's. */
  namespace: string;
  allNamespaces: boolean;
  /** The kubeconfig this invocation reads and writes (`kubectl config …`). */
  kubeconfig?: KubeconfigStore;
}

/** A usage error: kubectl prints `error: <message>` and exits 1. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** An error kubectl prints as its bare message (no `error: ` prefix), exit status 1. */
export class BareError extends UsageError {}
