// Replays an exam's solutions in fresh clusters on simulated time, as labs/replay.ts does for labs:
// every cluster built from its spec, every task's setup run on it, then per cluster one real
// TerminalSession types each task's solution lines exactly as its ```bash blocks give them.
// Every check must fail before anything is done, pass right after its task's solution, and still
// pass once every task is done (a later task must not undo an earlier one).
import { ManualClock, SeededRandom } from '../sandbox/engine/clock';
import { createDefaultCluster } from '../sandbox/engine/cluster';
import type { Engine } from '../sandbox/engine/engine';
import { serializeKubeconfig, emptyConfig } from '../sandbox/kubectl/kubeconfig';
import { TerminalSession } from '../sandbox/shell/terminal';
import { Vfs } from '../sandbox/shell/vfs';
import type { GradedCheck } from '../sandbox/grading/check';
import { gradeExamTask } from './grading';
import { examHomeFiles, tasksOn, type LoadedExam, type LoadedTask } from './load';
import { setupExamCluster } from './setup';

const HOME = '/root';
const T0 = Date.parse('2026-01-05T09:00:00Z');
const MAX_COMMAND_SECONDS = 600;
/** Simulated seconds the cluster gets after a task's last command (rollouts, restarts). */
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
  /** What each cluster's terminal printed, for a failing exam's report. */
  transcripts: Record<string, string>;
}

interface Rig {
  engine: Engine;
  fs: Vfs;
  terminal: TerminalSession;
  output: () => string;
}

/** The candidate's kubeconfig: one context per exam cluster, as the real exam terminal has. */
export function examKubeconfig(contexts: string[], current: string): string {
  const data = btoa('kubelab-placeholder\n');
  const config = emptyConfig();
  config.clusters = contexts.map((name) => ({ name, cluster: { 'certificate-authority-data': data, server: `https://${name}:6443` } }));
  config.users = contexts.map((name) => ({ name, user: { 'client-certificate-data': data, 'client-key-data': data } }));
  config.contexts = contexts.map((name) => ({ name, context: { cluster: name, user: name } }));
  config['current-context'] = current;
  return serializeKubeconfig(config);
}

function rigFor(exam: LoadedExam, context: string, seed: number): Rig {
  const clock = new ManualClock(T0);
  const { workers, version, cni, kubeProxyMode, cloud, ingress } = exam.clusters[context];
  const engine = createDefaultCluster({ clock, random: new SeededRandom(seed), workers, version, cni, kubeProxyMode, cloud, ingressController: ingress === 'nginx' ? ingress : undefined, settleMs: 5_000 });
  setupExamCluster(engine, exam, context);
  const fs = new Vfs({ now: () => clock.now() });
  const files = { ...examHomeFiles(exam), [`${HOME}/.kube/config`]: examKubeconfig(Object.keys(exam.clusters), Object.keys(exam.clusters)[0]) };
  for (const [path, content] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, content);
  }
  let out = '';
  const terminal = new TerminalSession({ api: engine.client('kubectl'), fs, clock, onOutput: (s) => (out += s), sleep: async (ms) => engine.advance(ms), cluster: engine });
  terminal.start();
  return { engine, fs, terminal, output: () => out };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs a line as typed while simulated time moves a second per turn; undefined if it never ends. */
async function runWhileTimeMoves(rig: Rig, line: string): Promise<number | undefined> {
  let status: number | undefined;
  const running = rig.terminal.runLine(line).then((s) => (status = s));
  for (let second = 0; second < MAX_COMMAND_SECONDS && status === undefined; second++) {
    await turn();
    await turn();
    if (status === undefined) rig.engine.advance(1000);
  }
  if (status === undefined) {
    rig.terminal.input('\x03');
    await running;
    return undefined;
  }
  rig.engine.runUntilIdle();
  return status;
}

function gradeOn(rig: Rig, task: LoadedTask): GradedCheck[] {
  const files = new Map(rig.fs.listFiles(HOME).map((p) => [p, rig.fs.readFile(p)]));
  return gradeExamTask(task, rig.engine.client('kubelab-grader'), { files, history: rig.terminal.shell.history, trace: rig.engine.trace() });
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
  rig.engine.advance(SETTLE_SECONDS * 1000);
}

export async function replayExam(exam: LoadedExam, only?: (task: LoadedTask) => boolean): Promise<ExamReplayReport> {
  const problems: ExamReplayProblem[] = [];
  const transcripts: Record<string, string> = {};
  let checks = 0;
  let tasks = 0;
  for (const [n, context] of Object.keys(exam.clusters).entries()) {
    const onCluster = tasksOn(exam, context).filter((t) => only?.(t) ?? true);
    if (!onCluster.length) continue;
    const rig = rigFor(exam, context, 42 + n);
    for (const task of onCluster) {
      tasks++;
      checks += task.checks.length;
      for (const r of gradeOn(rig, task)) if (r.passed) problems.push({ task: task.id, check: r.id, message: `passes before the candidate did anything: ${r.message}` });
    }
    for (const task of onCluster) {
      await runSolution(rig, task, problems);
      for (const r of gradeOn(rig, task)) if (!r.passed) problems.push({ task: task.id, check: r.id, message: `fails right after the task's solution: ${r.message}` });
    }
    for (const task of onCluster) for (const r of gradeOn(rig, task)) if (!r.passed) problems.push({ task: task.id, check: r.id, message: `fails after every task on ${context} is done: ${r.message}` });
    transcripts[context] = rig.output();
  }
  return { slug: exam.slug, tasks, checks, problems: dedupe(problems), transcripts };
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
