// Several clusters in one sandbox (an exam's k8s-a, k8s-b…): one engine each, with its own clock
// and random source (an engine's advance() moves its own clock, so two engines cannot share
// one), all advanced together by the sandbox's tick. A ClusterSet looks like one EngineLike to
// the Sandbox: its api and client are the first cluster's, its snapshot holds every cluster's.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import type { ClusterShape, EngineLike, SandboxRuntime } from './runtime.js';
import { unsubscriber } from './runtime.js';
import type { LabDefinition } from '../../labs/registry.js';

export interface ClusterMember {
  /** The kubeconfig context (and cluster) name: k8s-a. */
  name: string;
  engine: EngineLike;
}

/** One cluster of a multi-cluster lab: its name, its shape, and what to put in it when new. */
export interface ClusterPlan {
  name: string;
  shape: ClusterShape;
  /** Runs on the fresh engine before the learner arrives (objects, broken components…). */
  prepare?(engine: EngineLike): void;
}

export const CLUSTER_SET_KIND = 'kubelab.dev/cluster-set';

export interface ClusterSetSnapshot {
  kind: typeof CLUSTER_SET_KIND;
  clusters: { name: string; engine: unknown }[];
}

export function isClusterSetSnapshot(s: unknown): s is ClusterSetSnapshot {
  return typeof s === 'object' && s !== null && (s as { kind?: unknown }).kind === CLUSTER_SET_KIND;
}

export class ClusterSet implements EngineLike {
  constructor(readonly members: readonly ClusterMember[]) {
    if (members.length === 0) throw new Error('a cluster set needs at least one cluster');
  }

  get primary(): EngineLike {
    return this.members[0].engine;
  }

  get api() {
    return this.primary.api;
  }

  client(actor: string) {
    return this.primary.client?.(actor) ?? this.primary.api;
  }

  member(name: string): EngineLike | undefined {
    return this.members.find((m) => m.name === name)?.engine;
  }

  advance(ms: number): void {
    for (const m of this.members) m.engine.advance(ms);
  }

  runUntilIdle(): void {
    for (const m of this.members) m.engine.runUntilIdle();
  }

  snapshot(): ClusterSetSnapshot {
    return { kind: CLUSTER_SET_KIND, clusters: this.members.map((m) => ({ name: m.name, engine: m.engine.snapshot() })) };
  }

  onChange(listener: () => void): () => void {
    const offs = this.members.map((m) => unsubscriber(m.engine.onChange(listener)));
    return () => offs.forEach((off) => off());
  }

  trace() {
    return this.members.flatMap((m) => m.engine.trace?.() ?? []);
  }
}

/** The engines behind a sandbox's cluster: the set's members, or the one engine. */
export function enginesOf(cluster: EngineLike): EngineLike[] {
  return cluster instanceof ClusterSet ? cluster.members.map((m) => m.engine) : [cluster];
}

/** The engine a single-cluster tool (cluster view, lab actions) works on: the first cluster. */
export function primaryEngine(cluster: EngineLike | undefined): EngineLike | undefined {
  return cluster instanceof ClusterSet ? cluster.primary : cluster;
}

interface Deps {
  clock: ManualClock;
  random: SeededRandom;
  /** Seeds the other clusters' random sources (each its own, reproducible per sandbox). */
  seed: number;
}

/**
 * Fresh clusters: the first one runs on the sandbox's own clock and random (so the shell, files
 * and first cluster keep one time), the others on clocks started at the same instant.
 */
export function createClusterSet(runtime: SandboxRuntime, plans: readonly ClusterPlan[], deps: Deps): ClusterSet | undefined {
  if (!runtime.createCluster) return undefined;
  const members = plans.map((plan, i): ClusterMember => {
    const clock = i === 0 ? deps.clock : new ManualClock(deps.clock.now());
    const random = i === 0 ? deps.random : new SeededRandom((deps.seed + i * 0x9e3779b1) | 0);
    const engine = runtime.createCluster!({ clock, random, ...plan.shape });
    plan.prepare?.(engine);
    engine.runUntilIdle();
    return { name: plan.name, engine };
  });
  // Preparing a later cluster may run its clock ahead: bring them all to one time.
  const latest = Math.max(...members.map((m) => clockOf(m.engine) ?? 0));
  for (const m of members) {
    const behind = latest - (clockOf(m.engine) ?? latest);
    if (behind > 0) m.engine.advance(behind);
  }
  return new ClusterSet(members);
}

/** Every cluster from its snapshot; the first on the sandbox's clock and random, as when created. */
export function restoreClusterSet(runtime: SandboxRuntime, saved: ClusterSetSnapshot, deps: Omit<Deps, 'seed'>): ClusterSet | undefined {
  if (!runtime.restoreCluster) return undefined;
  const members = saved.clusters.map((c, i): ClusterMember => {
    const clock = i === 0 ? deps.clock : new ManualClock(deps.clock.now());
    const random = i === 0 ? deps.random : new SeededRandom(0); // the snapshot's state replaces it
    return { name: c.name, engine: runtime.restoreCluster!(c.engine, { clock, random }) };
  });
  return new ClusterSet(members);
}

function clockOf(engine: EngineLike): number | undefined {
  const clock = (engine as { clock?: { now(): number } }).clock;
  return clock?.now();
}

/** What a grader may read besides the clusters: the learner's home files, history and recent writes. */
export interface CandidateState {
  files: ReadonlyMap<string, string>;
  history: readonly string[];
  trace: readonly { actor: string; verb: string; resource: string; namespace?: string; name: string }[];
}

/**
 * A lab definition with several clusters (an exam's sandbox, exams/runtime/exam-lab.ts). Its
 * `gradeExam` grades from every cluster's state at one moment; the result must be plain JSON (it
 * crosses the worker boundary).
 */
export interface MultiClusterLab extends LabDefinition {
  clusterPlans: ClusterPlan[];
  gradeExam?(clusters: ClusterSet, candidate: CandidateState): unknown;
}

export function multiClusterOf(lab: LabDefinition): MultiClusterLab | undefined {
  return Array.isArray((lab as Partial<MultiClusterLab>).clusterPlans) ? (lab as MultiClusterLab) : undefined;
}
