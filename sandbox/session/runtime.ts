// The seam between the session and the parts built elsewhere: the cluster engine
// (sandbox/engine/cluster.ts) and the learner's terminal (sandbox/shell/terminal.ts). The session
// sees them only through the small interfaces below, so tests can run a sandbox on any engine.
import { createDefaultCluster, restoreDefaultCluster, type ClusterOptions, type ClusterSnapshot, type DefaultClusterOptions } from '../engine/cluster.js';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { TerminalSession, type TerminalSnapshot } from '../shell/terminal.js';
import type { ApiClient } from '../engine/api/types.js';
import type { Clock, Random } from '../engine/clock.js';
import type { Vfs } from '../shell/vfs.js';
import type { ClusterContexts } from '../shell/contexts.js';

/** What the session needs of the engine's `Engine`. */
export interface EngineLike {
  readonly api: ApiClient;
  /** A client whose writes the trace attributes to actor (kubectl for the learner's terminal). */
  client?(actor: string): ApiClient;
  /** Move simulated time forward and run whatever became due. */
  advance(ms: number): void;
  runUntilIdle(): void;
  snapshot(): unknown;
  onChange(listener: () => void): unknown;
  /** Recent writes and who made them (for checks that ask who did what). */
  trace?(): { actor: string; verb: string; resource: string; namespace?: string; name: string }[];
}

/** What the session needs of the shell's `TerminalSession`. */
export interface TerminalLike {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Recent output, replayed into a fresh xterm on reattach. */
  screen(): string;
  snapshot(): unknown;
  readonly busy?: boolean;
  /** The shell, for its history (checks that ask whether a command was used). */
  readonly shell?: { readonly history: readonly string[] };
}

export interface TerminalOptions {
  /** The cluster engine itself: serves `kubectl logs`, `exec` and `top` from its kubelets. */
  cluster?: object;
  api: ApiClient;
  fs: Vfs;
  clock: Clock;
  env: Record<string, string>;
  onOutput(data: string): void;
  /** Several clusters (an exam): kubectl follows the kubeconfig's context, ssh the current one's nodes. */
  contexts?: ClusterContexts;
}

/** The lab's cluster shape (labs/schema.ts ClusterSpec): all optional, the engine's defaults otherwise. */
export interface ClusterShape {
  workers?: number;
  version?: string;
  cni?: ClusterOptions['cni'];
  kubeProxyMode?: ClusterOptions['kubeProxyMode'];
  cloud?: boolean;
  /** `nginx`: ingress-nginx installed as its bare-metal manifest. */
  ingressController?: DefaultClusterOptions['ingressController'];
}

export interface SandboxRuntime {
  /** Modules that could not be loaded, with why: shown to the learner and in logs. */
  missing: string[];
  createCluster?(deps: { clock: Clock; random: Random } & ClusterShape): EngineLike;
  restoreCluster?(snapshot: unknown, deps: { clock: Clock; random: Random }): EngineLike;
  createTerminal?(opts: TerminalOptions, snapshot?: unknown): TerminalLike;
}

let loaded: Promise<SandboxRuntime> | undefined;

export function loadRuntime(): Promise<SandboxRuntime> {
  loaded ??= Promise.resolve(staticRuntime());
  return loaded;
}

/** The engine's default cluster and the shell's terminal, wired for a learner's sandbox. */
function staticRuntime(): SandboxRuntime {
  return {
    missing: [],
    createCluster: ({ clock, random, ...shape }) => fromTemplate(clock as ManualClock, random as SeededRandom, shape) as unknown as EngineLike,
    // Controllers are code, so a restore registers them again: the cluster's own restore does.
    restoreCluster: (snapshot, deps) => restoreDefaultCluster(snapshot as ClusterSnapshot, { clock: deps.clock as ManualClock, random: deps.random as SeededRandom }) as unknown as EngineLike,
    createTerminal: (opts, snapshot) => {
      const terminal = new TerminalSession({ ...opts, hostname: opts.env.HOSTNAME });
      if (snapshot !== undefined) terminal.restore(snapshot as TerminalSnapshot);
      else terminal.start(); // the first prompt
      return terminal;
    },
  };
}

/**
 * Building a default cluster (bootstrap objects, controllers settling) costs ~60 ms of CPU;
 * restoring one from a snapshot ~4 ms. So each thread builds one template per cluster shape and
 * every new sandbox restores a copy, then takes its own random sequence. A template is rebuilt
 * after TEMPLATE_MAX_AGE_MS, so a new cluster never looks older than that (node AGE).
 */
/**
 * Below the node monitor grace period (40 s): a restored template's clock jumps forward by the
 * template's age, and with Leases older than the grace period the node lifecycle controller
 * would mark every node Unknown before its kubelet renews (pods would then stay Pending).
 */
const TEMPLATE_MAX_AGE_MS = 20_000;
const TEMPLATE_SEED = 0x6b756265;
const templates = new Map<string, { snapshot: ClusterSnapshot; at: number }>();

/** Each shape its own template: a flannel cluster must not be restored from a calico one. */
export function templateKey(shape: ClusterShape): string {
  const { workers, version, cni, kubeProxyMode, cloud, ingressController } = shape;
  return [workers ?? '', version ?? '', cni ?? '', kubeProxyMode ?? '', cloud === undefined ? '' : String(cloud), ingressController ?? ''].join('|');
}

function fromTemplate(clock: ManualClock, random: SeededRandom, shape: ClusterShape = {}) {
  const key = templateKey(shape);
  const now = clock.now();
  let template = templates.get(key);
  if (!template || now < template.at || now - template.at > TEMPLATE_MAX_AGE_MS) {
    const engine = createDefaultCluster({ clock: new ManualClock(now), random: new SeededRandom(TEMPLATE_SEED), ...shape });
    template = { snapshot: JSON.parse(JSON.stringify(engine.snapshot())) as ClusterSnapshot, at: now };
    templates.set(key, template);
  }
  const own = random.state;
  const engine = restoreDefaultCluster(structuredClone(template.snapshot), { clock, random });
  random.state = own; // the restore took the template's sequence; names must differ per sandbox
  return engine;
}

/** Builds the default template (and loads every module and warms the JIT) before learners come. */
export function warmTemplates(now: number): void {
  fromTemplate(new ManualClock(now), new SeededRandom(1));
}

/** Engine.onChange may hand back an unsubscribe function or an object with one; accept both. */
export function unsubscriber(handle: unknown): () => void {
  if (typeof handle === 'function') return handle as () => void;
  const h = handle as { dispose?: () => void; stop?: () => void; unsubscribe?: () => void } | undefined;
  const fn = h?.dispose ?? h?.stop ?? h?.unsubscribe;
  return fn ? fn.bind(h) : () => {};
}
