// Replays a lab's solution in a fresh sandbox on simulated time: the lab's cluster, its starting
// objects and files, a real TerminalSession typing each solution line. Every check must fail at
// the start, each step's checks must pass right after its solution, and all must pass at the end.
import { ManualClock, SeededRandom } from '../sandbox/engine/clock';
import { createDefaultCluster } from '../sandbox/engine/cluster';
import type { Engine } from '../sandbox/engine/engine';
import { grade, type GradedCheck, type GradingState } from '../sandbox/grading/check';
import { TerminalSession } from '../sandbox/shell/terminal';
import { Vfs } from '../sandbox/shell/vfs';
import { runLabAction } from './actions';
import type { LoadedLab } from './load';
import { compileLab } from './registry';
import { createSetupObject } from './setup';

const HOME = '/root';
const T0 = Date.parse('2026-01-05T09:00:00Z');

export interface ReplayProblem {
  step?: string;
  check?: string;
  message: string;
}

export interface ReplayReport {
  slug: string;
  checks: number;
  problems: ReplayProblem[];
  /** What the terminal printed, for a failing lab's report. */
  transcript: string;
}

interface Rig {
  engine: Engine;
  fs: Vfs;
  terminal: TerminalSession;
  answers: Record<string, string>;
  output: () => string;
  /** A line in the transcript that no command printed (a lab action's message). */
  note: (line: string) => void;
}

function freshRig(lab: LoadedLab): Rig {
  const clock = new ManualClock(T0);
  const { workers, version, cni, kubeProxyMode, cloud, ingress } = lab.cluster;
  const ingressController = ingress === 'nginx' ? ingress : undefined;
  const engine = createDefaultCluster({ clock, random: new SeededRandom(42), workers, version, cni, kubeProxyMode, cloud, ingressController, settleMs: 5_000 });
  const setupApi = engine.client('kubelab-setup');
  for (const obj of lab.setupObjects) createSetupObject(setupApi, obj);
  engine.runUntilIdle();
  const fs = new Vfs({ now: () => clock.now() });
  for (const [path, content] of Object.entries(lab.homeFiles)) writeHomeFile(fs, path, content);
  let out = '';
  const terminal = new TerminalSession({
    api: engine.client('kubectl'),
    fs,
    clock,
    onOutput: (s) => (out += s),
    sleep: async (ms) => engine.advance(ms), // `sleep`, `rollout status` and `-w` move simulated time
    cluster: engine,
  });
  terminal.start();
  return { engine, fs, terminal, answers: {}, output: () => out, note: (line) => (out += `\r\n${line}\r\n`) };
}

export const MAX_COMMAND_SECONDS = 600;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a line as typed while simulated time moves a second per turn, as a live sandbox's clock
 * would (commands such as `rollout status` wait for the cluster). Undefined if it never ends
 * (then Ctrl-C). `advance` moves every cluster the terminal sees; exams replay with several.
 */
export async function runLineWhileTimeMoves(terminal: TerminalSession, line: string, advance: (ms: number) => void, settle: () => void): Promise<number | undefined> {
  let status: number | undefined;
  const running = terminal.runLine(line).then((s) => (status = s));
  for (let second = 0; second < MAX_COMMAND_SECONDS && status === undefined; second++) {
    await turn();
    await turn();
    if (status === undefined) advance(1000);
  }
  if (status === undefined) {
    terminal.input('\x03');
    await running;
    return undefined;
  }
  settle();
  return status;
}

const runWhileTimeMoves = (rig: Rig, line: string) =>
  runLineWhileTimeMoves(rig.terminal, line, (ms) => rig.engine.advance(ms), () => rig.engine.runUntilIdle());

function writeHomeFile(fs: Vfs, path: string, content: string): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
  fs.writeFile(path, content);
}

/** The same state the session grades (sandbox/session/sandbox.ts gradeNow). */
function stateOf(rig: Rig, resources: ReturnType<typeof compileLab>['definition']['grading']['resources']): GradingState {
  const api = rig.engine.client('kubelab-grader');
  return {
    objects: resources.flatMap((ref) => api.list(ref).items),
    files: new Map(rig.fs.listFiles(HOME).map((p) => [p, rig.fs.readFile(p)])),
    history: rig.terminal.shell.history,
    answers: rig.answers,
    trace: rig.engine.trace(),
  };
}

export async function replayLab(lab: LoadedLab): Promise<ReplayReport> {
  const { steps, definition } = compileLab(lab);
  const problems: ReplayProblem[] = [];
  const rig = freshRig(lab);
  const gradeAll = (): GradedCheck[] => grade(definition.grading.checks, stateOf(rig, definition.grading.resources));

  for (const r of gradeAll()) if (r.passed) problems.push({ check: r.id, message: `passes before the learner did anything: ${r.message}` });

  for (const [i, step] of lab.steps.entries()) {
    for (const f of step.solution.files) writeHomeFile(rig.fs, f.path, f.content ?? '');
    for (const id of step.solution.actions) {
      const action = step.actions.find((a) => a.id === id)!; // the schema checked the id
      if (process.env.LABS_DEBUG) console.error(`[${lab.slug}] (action ${id})`);
      rig.note(runLabAction(rig.engine, action));
    }
    for (const line of step.solution.commands) {
      if (process.env.LABS_DEBUG) console.error(`[${lab.slug}] $ ${line}`);
      const status = await runWhileTimeMoves(rig, line);
      if (status === undefined) problems.push({ step: step.id, message: `\`${line}\` still ran after ${MAX_COMMAND_SECONDS} simulated seconds (interrupted)` });
      else if (status !== 0) problems.push({ step: step.id, message: `\`${line}\` exited with status ${status}` });
    }
    Object.assign(rig.answers, step.solution.answers);
    rig.engine.advance(step.solution.waitSeconds * 1000);
    const ids = new Set(steps[i].checks.map((c) => c.id));
    for (const r of gradeAll()) if (ids.has(r.id) && !r.passed) problems.push({ step: step.id, check: r.id, message: `fails right after the step's solution: ${r.message}` });
  }
  for (const r of gradeAll()) if (!r.passed) problems.push({ check: r.id, message: `fails after the whole solution: ${r.message}` });
  return { slug: lab.slug, checks: definition.grading.checks.length, problems: dedupe(problems), transcript: rig.output() };
}

function dedupe(problems: ReplayProblem[]): ReplayProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.check}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
