// One learner's sandbox for one lab: a cluster engine, a filesystem and a terminal, driven by
// wall time, graded on every change, and snapshotted to plain JSON.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { grade, type GradingState } from '../grading/check.js';
import { Vfs } from '../shell/vfs.js';
import type { ChecksUpdate, CheckStatus } from '../protocol.js';
import { sandboxBudget } from './budget.js';
import { installSandboxQuota } from './quota.js';
import { SNAPSHOT_VERSION, migrateSnapshot, type SandboxSnapshotData } from './snapshot.js';
import type { LabDefinition } from '../../labs/registry.js';
import { createSetupObject } from '../../labs/setup.js';
import { findAction, runLabAction } from '../../labs/actions.js';
import type { Engine } from '../engine/engine.js';
import { unsubscriber, type EngineLike, type SandboxRuntime, type TerminalLike } from './runtime.js';
import { ClusterSet, createClusterSet, enginesOf, isClusterSetSnapshot, multiClusterOf, primaryEngine, restoreClusterSet } from './cluster-set.js';
import { clusterContexts, type ClusterContexts } from '../shell/contexts.js';

export const HOME = '/root';
/** How often simulated time catches up with wall time. */
export const TICK_MS = 200;
/** A restored sandbox catches up at most this much missed time (controllers, back-offs…). */
export const MAX_CATCH_UP_MS = 10 * 60_000;
/** Output kept for reattach when there is no shell to ask. */
const SCREEN_KEEP_CHARS = 64 * 1024;

export type { SandboxSnapshotData };

/**
 * What a sandbox tells its viewers. Every method here is forwarded by name across the worker
 * boundary (worker.ts) to the socket (socket.ts SOCKET_EVENTS): to add an event, add a method
 * here, call it on the listeners, and map it to a socket event in SOCKET_EVENTS.
 */
export interface SandboxListener {
  output(data: string): void;
  files(files: string[]): void;
  checks(update: ChecksUpdate): void;
}

/** What a viewer gets on attach. */
export interface AttachInfo {
  sandboxId: string;
  screen: string;
  files: string[];
  checks: ChecksUpdate;
  openFile?: string;
}

export interface SandboxDeps {
  id: string;
  userId: string;
  lab: LabDefinition;
  runtime: SandboxRuntime;
  /** Wall time; injected so tests can drive it. */
  wallNow: () => number;
  /** Called whenever state changed that a snapshot should capture. */
  onDirty?: (by: 'learner' | 'cluster') => void;
  /** Called after grading with the latest results (persisted by the manager). */
  onGraded?: (update: ChecksUpdate) => void;
  /** Called with the ms from a command line's Enter to its next prompt (metrics). */
  onCommand?: (ms: number) => void;
  /** CPU time a command line may use (default budget.ts CPU_LIMIT_MS). */
  cpuLimitMs?: number;
}

export class Sandbox {
  readonly id: string;
  readonly userId: string;
  readonly lab: LabDefinition;
  readonly fs: Vfs;
  private readonly clock: ManualClock;
  private readonly random: SeededRandom;
  private readonly cluster?: EngineLike;
  private readonly terminal?: TerminalLike;
  private readonly listeners = new Set<SandboxListener>();
  private readonly cleanups: (() => void)[] = [];
  private screenBuffer = '';
  private lastWall: number;
  private timer?: ReturnType<typeof setInterval>;
  private gradeTimer?: ReturnType<typeof setTimeout>;
  private lastChecks: ChecksUpdate;
  private answers: Record<string, string>;
  private commandStartedAt?: number;

  private constructor(
    private readonly deps: SandboxDeps,
    saved?: SandboxSnapshotData,
  ) {
    this.id = deps.id;
    this.userId = deps.userId;
    this.lab = deps.lab;
    const wall = deps.wallNow();
    this.clock = new ManualClock(saved?.clockMs ?? wall);
    this.random = new SeededRandom(saved?.randomState ?? hashSeed(deps.id));
    this.lastWall = saved ? wall - Math.min(Math.max(wall - saved.savedAtMs, 0), MAX_CATCH_UP_MS) : wall;
    this.fs = saved ? Vfs.restore(saved.fs, { now: () => this.clock.now() }) : this.freshFs();
    this.screenBuffer = saved?.screen ?? '';
    const deps_ = { clock: this.clock, random: this.random };
    this.answers = { ...(saved?.answers ?? {}) };
    this.cluster = saved?.cluster !== undefined && deps.runtime.restoreCluster ? this.restoreClusters(saved.cluster, deps_) : this.freshCluster();
    if (this.cluster) for (const engine of enginesOf(this.cluster)) installSandboxQuota(engine);
    this.terminal = this.cluster ? this.createTerminal(saved?.terminal) : undefined;
    const shell = this.terminal?.shell as { budget?: unknown } | undefined;
    if (shell) shell.budget = sandboxBudget(deps.cpuLimitMs);
    this.lastChecks = { checks: deps.lab.grading.checks.map((c) => ({ id: c.id, title: c.title, state: 'pending', message: '' })), allPassed: false };
    this.watchChanges();
  }

  static create(deps: SandboxDeps): Sandbox {
    return new Sandbox(deps);
  }

  /** From a stored snapshot of any version (migrated first). */
  static restore(deps: SandboxDeps, saved: unknown): Sandbox {
    return new Sandbox(deps, migrateSnapshot(saved));
  }

  attachInfo(): AttachInfo {
    return { sandboxId: this.id, screen: this.screen(), files: this.files(), checks: this.checks(), openFile: this.lab.openFile };
  }

  readFile(path: string): { path: string; content: string } {
    return { path: this.fs.resolve(path), content: this.fs.readFile(path) };
  }

  writeFile(path: string, content: string): { path: string } {
    this.fs.writeFile(path, content);
    return { path: this.fs.resolve(path) };
  }

  /** Record an answer to one of the lab's questions and grade it at once. */
  answer(questionId: string, answer: string): { known: boolean; checks: ChecksUpdate } {
    if (!this.lab.questions?.some((q) => q.id === questionId)) return { known: false, checks: this.lastChecks };
    this.answers[questionId] = answer;
    this.deps.onDirty?.('learner');
    return { known: true, checks: this.gradeNow() };
  }

  /**
   * A step's button (lab.yaml `actions`): runs it on the cluster, prints its line in the terminal
   * (the learner sees that something happened outside their commands) and grades at once.
   * Unknown step or action: `known: false`, nothing done.
   */
  runAction(stepId: string, actionId: string): { known: boolean; line?: string; checks: ChecksUpdate } {
    const action = findAction(this.lab.steps ?? [], stepId, actionId);
    if (!action || !this.cluster) return { known: false, checks: this.lastChecks };
    this.tick(); // the action happens now, after the time that already passed
    const line = runLabAction(primaryEngine(this.cluster) as unknown as Engine, action);
    this.output(`\r\n\x1b[33m${line}\x1b[0m\r\n`);
    this.deps.onDirty?.('learner');
    return { known: true, line, checks: this.gradeNow() };
  }

  /** Start following wall time and grade the starting state. */
  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.timer.unref?.();
    if (this.deps.runtime.missing.length > 0 && this.screenBuffer === '') this.output(unavailableBanner(this.deps.runtime.missing));
    this.gradeNow();
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.gradeTimer);
    for (const cleanup of this.cleanups) cleanup();
    this.listeners.clear();
  }

  addListener(listener: SandboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The cluster engine (none when the runtime lacks one), for extensions beside the sandbox (the cluster view). */
  get clusterEngine(): EngineLike | undefined {
    return primaryEngine(this.cluster);
  }

  /**
   * An exam's grades from every cluster's state now (a multi-cluster lab with a grader, else
   * undefined). The clusters first catch up to wall time, so what the learner started settles.
   */
  gradeExam(): unknown {
    const grader = multiClusterOf(this.lab)?.gradeExam;
    if (!grader || !(this.cluster instanceof ClusterSet)) return undefined;
    this.tick();
    return grader(this.cluster, { files: this.fileContents(), history: this.terminal?.shell?.history ?? [], trace: this.cluster.trace() });
  }

  input(data: string): void {
    if (this.deps.onCommand && data.includes('\r') && !this.terminal?.busy) this.commandStartedAt = performance.now();
    this.terminal?.input(data);
  }

  resize(cols: number, rows: number): void {
    this.terminal?.resize(cols, rows);
  }

  screen(): string {
    return this.terminal ? this.terminal.screen() : this.screenBuffer;
  }

  files(): string[] {
    return this.fs.listFiles(HOME);
  }

  checks(): ChecksUpdate {
    return this.lastChecks;
  }

  snapshot(): SandboxSnapshotData {
    return {
      version: SNAPSHOT_VERSION,
      labSlug: this.lab.slug,
      clockMs: this.clock.now(),
      savedAtMs: this.deps.wallNow(),
      randomState: this.random.state,
      cluster: this.cluster?.snapshot(),
      fs: this.fs.snapshot(),
      terminal: this.terminal?.snapshot(),
      screen: this.screen(),
      answers: { ...this.answers },
    };
  }

  /** Bring simulated time up to wall time. */
  tick(): void {
    const wall = this.deps.wallNow();
    const delta = wall - this.lastWall;
    if (delta <= 0 || !this.cluster) return;
    this.lastWall = wall;
    try {
      this.cluster.advance(delta);
    } catch (e) {
      this.output(`\r\n\x1b[31mkubelab: the cluster stopped on an internal error: ${(e as Error).message}\x1b[0m\r\n`);
      clearInterval(this.timer);
    }
  }

  /** Grade now and tell listeners if anything changed. */
  gradeNow(): ChecksUpdate {
    const state: GradingState = {
      objects: this.clusterObjects(),
      files: this.fileContents(),
      history: this.terminal?.shell?.history ?? [],
      answers: this.answers,
      trace: this.cluster?.trace?.() ?? [],
    };
    const checks: CheckStatus[] = grade(this.lab.grading.checks, state).map((r) => ({
      id: r.id,
      title: r.title,
      state: r.passed ? 'passed' : 'failed',
      message: r.message,
    }));
    const update: ChecksUpdate = { checks, allPassed: checks.every((c) => c.state === 'passed') };
    if (JSON.stringify(update) !== JSON.stringify(this.lastChecks)) {
      this.lastChecks = update;
      for (const l of this.listeners) l.checks(update);
      this.deps.onGraded?.(update);
    }
    return update;
  }

  /** A new cluster shaped as the lab asks, with the lab's starting objects in it. */
  private freshCluster(): EngineLike | undefined {
    const multi = multiClusterOf(this.lab);
    if (multi) return createClusterSet(this.deps.runtime, multi.clusterPlans, { clock: this.clock, random: this.random, seed: hashSeed(this.id) });
    const { workers, version, cni, kubeProxyMode, cloud, ingress } = this.lab.cluster ?? {};
    const ingressController = ingress === 'nginx' ? ingress : undefined;
    const cluster = this.deps.runtime.createCluster?.({ clock: this.clock, random: this.random, workers, version, cni, kubeProxyMode, cloud, ingressController });
    if (!cluster) return undefined;
    const api = cluster.client?.('kubelab-setup') ?? cluster.api;
    for (const obj of this.lab.setupObjects ?? []) createSetupObject(api, obj);
    cluster.runUntilIdle();
    return cluster;
  }

  /** One cluster's snapshot, or a multi-cluster lab's set of them. */
  private restoreClusters(saved: unknown, deps: { clock: ManualClock; random: SeededRandom }): EngineLike | undefined {
    if (isClusterSetSnapshot(saved)) return restoreClusterSet(this.deps.runtime, saved, deps);
    return this.deps.runtime.restoreCluster!(saved, deps);
  }

  /** A multi-cluster sandbox's kubeconfig contexts for the terminal (one per cluster). */
  private contexts(): ClusterContexts | undefined {
    if (!(this.cluster instanceof ClusterSet)) return undefined;
    const clusters = this.cluster.members.map((m) => ({ name: m.name, api: m.engine.client?.('kubectl') ?? m.engine.api, cluster: m.engine }));
    return clusterContexts(clusters, this.fs, this.clock);
  }

  private freshFs(): Vfs {
    const fs = new Vfs({ now: () => this.clock.now() });
    for (const [path, content] of Object.entries(this.lab.files)) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      fs.writeFile(path, content);
    }
    return fs;
  }

  private createTerminal(saved: unknown): TerminalLike | undefined {
    if (!this.deps.runtime.createTerminal || !this.cluster) return undefined;
    const env = { HOME, USER: 'root', HOSTNAME: 'controlplane', PWD: HOME, TERM: 'xterm-256color' };
    const cluster = primaryEngine(this.cluster)!;
    return this.deps.runtime.createTerminal({ api: cluster.client?.('kubectl') ?? cluster.api, cluster, fs: this.fs, clock: this.clock, env, onOutput: (d) => this.output(d), contexts: this.contexts() }, saved);
  }

  private output(data: string): void {
    this.screenBuffer = (this.screenBuffer + data).slice(-SCREEN_KEEP_CHARS);
    for (const l of this.listeners) l.output(data);
    this.deps.onDirty?.('learner');
    if (this.commandStartedAt !== undefined && data.endsWith('$ ') && !this.terminal?.busy) {
      this.deps.onCommand?.(performance.now() - this.commandStartedAt);
      this.commandStartedAt = undefined;
    }
  }

  private watchChanges(): void {
    if (this.cluster) this.cleanups.push(unsubscriber(this.cluster.onChange(() => this.changed('cluster'))));
    this.cleanups.push(
      this.fs.onChange(() => {
        const files = this.files();
        for (const l of this.listeners) l.files(files);
        this.changed('learner');
      }),
    );
  }

  /** Changes come in bursts (a controller creating three pods): grade once per burst. */
  private changed(by: 'learner' | 'cluster'): void {
    this.deps.onDirty?.(by);
    if (this.gradeTimer) return;
    this.gradeTimer = setTimeout(() => {
      this.gradeTimer = undefined;
      this.gradeNow();
    }, 50);
  }

  private clusterObjects(): GradingState['objects'] {
    if (!this.cluster) return [];
    return this.lab.grading.resources.flatMap((ref) => this.cluster!.api.list(ref).items);
  }

  private fileContents(): Map<string, string> {
    return new Map(this.files().map((p) => [p, this.fs.readFile(p)]));
  }
}

function unavailableBanner(missing: string[]): string {
  const lines = ['kubelab: this sandbox has no cluster or shell yet; the editor and file checks work.', ...missing.map((m) => `  missing ${m}`)];
  return `\x1b[33m${lines.join('\r\n')}\x1b[0m\r\n`;
}

/** A stable seed per sandbox id, so a fresh sandbox's names (pod suffixes…) are reproducible. */
function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}
