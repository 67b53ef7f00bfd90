// Replays an exam's solutions in fresh clusters on simulated time, as labs/replay.ts does for labs:
// every cluster built from its spec and given its tasks' setup, then ONE terminal over all of them
// (the candidate's: a kubeconfig context per cluster, kubectl following `use-context`, ssh going
// to the current context's nodes — sandbox/shell/contexts.ts) types every task's solution in exam
// order, exactly as its ```bash blocks give it. Every check must fail before anything is done,
// pass right after its task's solution, and still pass at the end (no task undoes another).
import { ManualClock, SeededRandom } from '../sandbox/engine/clock';
import { createDefaultCluster, restoreDefaultCluster, type ClusterSnapshot } from '../sandbox/engine/cluster';
import type { Engine } from '../sandbox/engine/engine';
import { clusterContexts, multiClusterKubeconfig } from '../sandbox/shell/contexts';
import { TerminalSession } from '../sandbox/shell/terminal';
import { Vfs } from '../sandbox/shell/vfs';
import type { GradedCheck } from '../sandbox/grading/check';
import { gradeExamTask } from './grading';
import { examHomeFiles, type LoadedExam, type LoadedTask } from './load';
import { setupExamCluster } from './setup';
import { MAX_COMMAND_SECONDS, runLineWhileTimeMoves } from '../labs/replay';

const HOME = '/root';
const T0 = Date.parse('2026-01-05T09:00:00Z');
/** Simulated seconds the clusters get after a task's last command (rollouts, restarts). */
const SETTLE_SECONDS = 60;

export interface ExamReplayProblem {
  task: string;
  check?: string;
  message: string;
}

export interface ExamReplayReport {
  slug: string;
  tasks: number;
  checks: number;
  problems: ExamReplayProblem[];
  /** What the candidate's terminal printed, for a failing exam's report. */
  transcript: string;
}

interface Rig {
  engines: Map<string, Engine>;
  fs: Vfs;
  terminal: TerminalSession;
  /** Moves every cluster's time on together, as the exam sandbox's tick does. */
  advance(ms: number): void;
  output: () => string;
}

/** A fresh cluster of the exam, built from its spec, with its tasks' setup done. */
function preparedCluster(exam: LoadedExam, context: string, n: number): Engine {
  const { workers, version, cni, kubeProxyMode, cloud, ingress } = exam.clusters[context];
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(42 + n), workers, version, cni, kubeProxyMode, cloud, ingressController: ingress === 'nginx' ? ingress : undefined, settleMs: 5_000 });
  setupExamCluster(engine, exam, context);
  return engine;
}

/**
 * The exam's clusters (all, or only those named; restored from `prepared` snapshots when given), set up, and the candidate's terminal over them.
 * The kubeconfig always names every context, as the candidate's does.
 */
function rigFor(exam: LoadedExam, contexts = Object.keys(exam.clusters), prepared?: Map<string, ClusterSnapshot>): Rig {
  const engines = new Map<string, Engine>();
  contexts.forEach((context, n) => {
    const saved = prepared?.get(context);
    engines.set(context, saved ? restoreDefaultCluster(structuredClone(saved), { clock: new ManualClock(saved.time), random: new SeededRandom(42 + n) }) : preparedCluster(exam, context, n));
  });
  const primary = engines.get(contexts[0])!;
  const clock = primary.clock as ManualClock;
  const advance = (ms: number) => engines.forEach((e) => e.advance(ms));
  const fs = new Vfs({ now: () => clock.now() });
  const files = { ...examHomeFiles(exam), [`${HOME}/.kube/config`]: multiClusterKubeconfig(Object.keys(exam.clusters)) };
  for (const [path, content] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, content);
  }
  const members = contexts.map((name) => ({ name, api: engines.get(name)!.client('kubectl'), cluster: engines.get(name)! }));
  let out = '';
  const terminal = new TerminalSession({
    api: members[0].api,
    fs,
    clock,
    onOutput: (s) => (out += s),
    sleep: async (ms) => advance(ms), // `sleep`, `rollout status` and `wait` move every cluster's time
    cluster: primary,
    contexts: clusterContexts(members, fs, clock),
  });
  terminal.start();
  return { engines, fs, terminal, advance, output: () => out };
}

/** Runs a line as typed while every cluster's simulated time moves a second per turn. */
const runWhileTimeMoves = (rig: Rig, line: string) =>
  runLineWhileTimeMoves(rig.terminal, line, rig.advance, () => rig.engines.forEach((e) => e.runUntilIdle()));

function gradeOn(rig: Rig, task: LoadedTask): GradedCheck[] {
  const files = new Map(rig.fs.listFiles(HOME).map((p) => [p, rig.fs.readFile(p)]));
  const engine = rig.engines.get(task.context)!;
  return gradeExamTask(task, engine.client('kubelab-grader'), { files, history: rig.terminal.shell.history, trace: engine.trace() });
}

/** Types one task's solution; a multi-line entry (here-document, `\` continuation) line by line. */
async function runSolution(rig: Rig, task: LoadedTask, problems: ExamReplayProblem[]): Promise<void> {
  for (const command of task.solutionCommands) {
    const lines = command.split('\n');
    for (const [i, line] of lines.entries()) {
      if (process.env.EXAMS_DEBUG) console.error(`[${task.id}] $ ${line}`);
      const status = await runWhileTimeMoves(rig, line);
      if (i < lines.length - 1) continue; // the shell waits for the rest of the construct
      if (status === undefined) problems.push({ task: task.id, message: `\`${command}\` still ran after ${MAX_COMMAND_SECONDS} simulated seconds (interrupted)` });
      else if (status !== 0) problems.push({ task: task.id, message: `\`${command}\` exited with status ${status}` });
    }
  }
  rig.advance(SETTLE_SECONDS * 1000);
}

export async function replayExam(exam: LoadedExam, only?: (task: LoadedTask) => boolean): Promise<ExamReplayReport> {
  const problems: ExamReplayProblem[] = [];
  const tasks = exam.tasks.filter((t) => only?.(t) ?? true);
  if (tasks.length === 0) return { slug: exam.slug, tasks: 0, checks: 0, problems: [], transcript: '' };
  const rig = rigFor(exam, only ? Object.keys(exam.clusters).filter((c) => tasks.some((t) => t.context === c)) : undefined);
  for (const task of tasks) for (const r of gradeOn(rig, task)) if (r.passed) problems.push({ task: task.id, check: r.id, message: `passes before the candidate did anything: ${r.message}` });
  for (const task of tasks) {
    await runSolution(rig, task, problems);
    for (const r of gradeOn(rig, task)) if (!r.passed) problems.push({ task: task.id, check: r.id, message: `fails right after the task's solution: ${r.message}` });
  }
  for (const task of tasks) for (const r of gradeOn(rig, task)) if (!r.passed) problems.push({ task: task.id, check: r.id, message: `fails after every task is done: ${r.message}` });
  const checks = tasks.reduce((n, t) => n + t.checks.length, 0);
  return { slug: exam.slug, tasks: tasks.length, checks, problems: dedupe(problems), transcript: rig.output() };
}

/**
 * Each task alone, on a fresh copy of its cluster: a candidate may do the tasks in any order or
 * skip some, so no task's checks may depend on another task's solution.
 */
export async function replayTasksAlone(exam: LoadedExam): Promise<ExamReplayProblem[]> {
  const problems: ExamReplayProblem[] = [];
  // Each cluster is built and set up once, then restored from its snapshot for every task (as the
  // session restores sandboxes). The restored node shells forget systemd unit states, which the
  // engine does not keep (a stopped kubelet's node stays down; `systemctl start` still revives it).
  const contexts = Object.keys(exam.clusters);
  const prepared = new Map(contexts.map((c, n) => [c, preparedCluster(exam, c, n).snapshot() as ClusterSnapshot]));
  for (const task of exam.tasks) {
    const rig = rigFor(exam, [task.context], prepared);
    await runSolution(rig, task, problems);
    for (const r of gradeOn(rig, task)) if (!r.passed) problems.push({ task: task.id, check: r.id, message: `fails when the task is done alone: ${r.message}` });
  }
  return dedupe(problems);
}

function dedupe(problems: ExamReplayProblem[]): ExamReplayProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.task}|${p.check}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
