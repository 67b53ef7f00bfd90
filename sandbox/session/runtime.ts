// The seam between the session and the parts built elsewhere: the cluster engine
// (sandbox/engine/engine.ts, cluster.ts) and the learner's terminal (sandbox/shell/terminal.ts).
// They are loaded here, and only here, by dynamic import so the platform runs (files, editor,
// checks on files) while one of them is missing, and says so. When they exist, this is the one
// place to switch to static imports.
import type { ApiClient } from '../engine/api/types.js';
import type { Clock, Random } from '../engine/clock.js';
import type { Vfs } from '../shell/vfs.js';

/** What the session needs of the engine's `Engine`. */
export interface EngineLike {
  readonly api: ApiClient;
  /** Move simulated time forward and run whatever became due. */
  advance(ms: number): void;
  runUntilIdle(): void;
  snapshot(): unknown;
  onChange(listener: () => void): unknown;
}

/** What the session needs of the shell's `TerminalSession`. */
export interface TerminalLike {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Recent output, replayed into a fresh xterm on reattach. */
  screen(): string;
  snapshot(): unknown;
  readonly busy?: boolean;
}

export interface TerminalOptions {
  api: ApiClient;
  fs: Vfs;
  clock: Clock;
  env: Record<string, string>;
  onOutput(data: string): void;
}

export interface SandboxRuntime {
  /** Modules that could not be loaded, with why: shown to the learner and in logs. */
  missing: string[];
  createCluster?(deps: { clock: Clock; random: Random }): EngineLike;
  restoreCluster?(snapshot: unknown, deps: { clock: Clock; random: Random }): EngineLike;
  createTerminal?(opts: TerminalOptions, snapshot?: unknown): TerminalLike;
}

// Specifiers in variables: TypeScript does not try to resolve modules that may not exist yet.
const ENGINE_MODULE = '../engine/engine.js';
const CLUSTER_MODULE = '../engine/cluster.js';
const TERMINAL_MODULE = '../shell/terminal.js';

type AnyModule = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function tryImport(specifier: string, missing: string[]): Promise<AnyModule | undefined> {
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as AnyModule;
  } catch (e) {
    missing.push(`${specifier.replace(/^\.\.\//, 'sandbox/').replace(/\.js$/, '.ts')}: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

let loaded: Promise<SandboxRuntime> | undefined;

export function loadRuntime(): Promise<SandboxRuntime> {
  loaded ??= importRuntime();
  return loaded;
}

async function importRuntime(): Promise<SandboxRuntime> {
  const missing: string[] = [];
  const engineModule = await tryImport(ENGINE_MODULE, missing);
  const clusterModule = await tryImport(CLUSTER_MODULE, missing);
  const terminalModule = await tryImport(TERMINAL_MODULE, missing);
  const runtime: SandboxRuntime = { missing };
  const createDefaultCluster = clusterModule?.createDefaultCluster ?? engineModule?.createDefaultCluster;
  const restoreDefaultCluster = clusterModule?.restoreDefaultCluster ?? engineModule?.restoreDefaultCluster;
  if (createDefaultCluster) runtime.createCluster = (deps) => createDefaultCluster(deps) as EngineLike;
  else if (clusterModule) missing.push('sandbox/engine/cluster.ts: no export createDefaultCluster({ clock, random }) yet');
  // Controllers are code, so a restore must register them again: prefer the cluster's own restore.
  if (restoreDefaultCluster) runtime.restoreCluster = (snapshot, deps) => restoreDefaultCluster(snapshot, deps) as EngineLike;
  else if (engineModule?.Engine?.restore) runtime.restoreCluster = (snapshot, deps) => engineModule.Engine.restore(snapshot, deps) as EngineLike;
  const TerminalSession = terminalModule?.TerminalSession;
  if (!TerminalSession && terminalModule) missing.push('sandbox/shell/terminal.ts: no export TerminalSession yet');
  if (TerminalSession) {
    runtime.createTerminal = (opts, snapshot) => {
      if (snapshot !== undefined && typeof TerminalSession.restore === 'function') return TerminalSession.restore(snapshot, opts) as TerminalLike;
      const terminal = new TerminalSession({ ...opts, hostname: opts.env.HOSTNAME });
      if (snapshot !== undefined && typeof terminal.restore === 'function') terminal.restore(snapshot);
      else if (typeof terminal.start === 'function') terminal.start(); // the first prompt
      return terminal as TerminalLike;
    };
  }
  return runtime;
}

/** Engine.onChange may hand back an unsubscribe function or an object with one; accept both. */
export function unsubscriber(handle: unknown): () => void {
  if (typeof handle === 'function') return handle as () => void;
  const h = handle as { dispose?: () => void; stop?: () => void; unsubscribe?: () => void } | undefined;
  const fn = h?.dispose ?? h?.stop ?? h?.unsubscribe;
  return fn ? fn.bind(h) : () => {};
}
