// Differential tests for describe: the REAL kubectl 1.32 (over HTTP) and OUR describe (in-process)
// against ONE engine. kubectl computes event and pod ages from its own wall clock, which a test
// cannot step, so the engine's simulated clock is moved to the wall clock before each comparison
// and ours is run at every whole-second instant the real kubectl may have used (between its start
// and its end); the outputs must be identical at one of them.
import { execFile, type ExecFileException } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kubectlPath } from '../../apiserver/compat/harness.js';
import { kubeconfigYaml } from '../../apiserver/kubeconfig.js';
import { serveEngine, type Serving } from '../../apiserver/serve.js';
import { ManualClock, SeededRandom } from '../../engine/clock.js';
import { createDefaultCluster } from '../../engine/cluster.js';
import type { Engine } from '../../engine/engine.js';
import { Interrupt } from '../../shell/io.js';
import { Vfs } from '../../shell/vfs.js';
import { inProcessClient } from '../client.js';
import { runKubectl } from '../index.js';

export { realKubectlAvailable } from '../../apiserver/compat/harness.js';

const TOKEN = 'describe-token';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export class DescribeDiff {
  /** Files of the current comparison, at the same absolute paths for both kubectls. */
  private files: Record<string, string> = {};

  private constructor(
    readonly engine: Engine,
    private readonly clock: ManualClock,
    private readonly serving: Serving,
    private readonly dir: string,
    private readonly kubeconfig: string,
  ) {}

  /** A default cluster whose simulated time starts `historyMs` before the wall clock. */
  static async start(historyMs = 30 * 60_000): Promise<DescribeDiff> {
    const clock = new ManualClock(Math.floor((Date.now() - historyMs) / 1000) * 1000);
    const engine = createDefaultCluster({ clock, random: new SeededRandom(7), settleMs: 5_000 });
    const serving = await serveEngine(engine, TOKEN);
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-describe-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigYaml({ server: serving.url, token: TOKEN, caCert: serving.caCert }));
    return new DescribeDiff(engine, clock, serving, dir, kubeconfig);
  }

  async close(): Promise<void> {
    await this.serving.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Simulated time that must stay behind the wall clock (setup steps). */
  advance(ms: number): void {
    if (this.clock.now() + ms > Date.now()) throw new Error('the test moved simulated time past the wall clock; start with more history');
    this.engine.advance(ms);
  }

  /** Lets the cluster run up to the wall clock (and, for a step after it, on from there), so that what kubectl sees is current. */
  catchUp(): void {
    const behind = Date.now() - this.clock.now();
    if (behind > 0) this.engine.advance(behind);
  }

  /** The directory both kubectls run in; `files` are written there. */
  get workDir(): string {
    return this.dir;
  }

  /** `kubectl describe <args>` through both; throws with both outputs unless they are identical. */
  async expectSame(golden: string, args: string[], files: Record<string, string> = {}): Promise<Outcome> {
    this.catchUp();
    this.files = files;
    for (const [name, text] of Object.entries(files)) writeFileSync(join(this.dir, name), text);
    const start = Date.now();
    const real = await this.runReal(['describe', ...args]);
    const end = Date.now();
    let ours: Outcome | undefined;
    for (const now of candidateInstants(start, end)) {
      ours = await this.runOurs(['describe', ...args], now);
      if (same(real, ours)) break;
    }
    recordGolden(golden, transcript(args, real));
    if (!ours || !same(real, ours)) {
      throw new Error(`kubectl describe ${args.join(' ')}: ours differs from the real kubectl\n${firstDifference(real, ours!)}\n--- real (exit ${real.code})\n${real.stdout}${real.stderr}--- ours (exit ${ours?.code})\n${ours?.stdout}${ours?.stderr}`);
    }
    return real;
  }

  private runReal(args: string[]): Promise<Outcome> {
    const cache = mkdtempSync(join(this.dir, 'cache-'));
    const argv = ['--kubeconfig', this.kubeconfig, '--cache-dir', cache, ...args];
    return new Promise((resolve) => {
      const child = execFile(kubectlPath('1.32'), argv, { cwd: this.dir, env: { PATH: '/usr/bin:/bin', HOME: this.dir } as unknown as NodeJS.ProcessEnv, timeout: 30_000, encoding: 'utf8' }, (err: ExecFileException | null, stdout: string, stderr: string) => {
        rmSync(cache, { recursive: true, force: true });
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
      child.stdin?.end();
    });
  }

  /** Our kubectl in-process on the same engine, with its clock fixed at `now`. */
  async runOurs(args: string[], now: number): Promise<Outcome> {
    const clock = { now: () => now };
    let stdout = '';
    let stderr = '';
    const io = { stdin: '', stdinIsTerminal: false, stdoutIsTerminal: false, out: (t: string) => (stdout += t), err: (t: string) => (stderr += t), interrupt: new Interrupt() };
    const fs = new Vfs({ now: clock.now });
    fs.mkdir(this.dir, { recursive: true });
    for (const [name, text] of Object.entries(this.files)) fs.writeFile(join(this.dir, name), text);
    const host = { api: inProcessClient(this.engine.client('kubectl'), clock, this.engine), clock, fs };
    const code = await runKubectl(args, io, host);
    return { code, stdout, stderr };
  }
}

/** The start, then each later instant where a whole second of age ticks over. */
function candidateInstants(start: number, end: number): number[] {
  const out = [start];
  for (let t = Math.floor(start / 1000) * 1000 + 1000; t <= end; t += 1000) out.push(t);
  return out;
}

const same = (a: Outcome, b: Outcome) => a.code === b.code && a.stdout === b.stdout && a.stderr === b.stderr;

function firstDifference(real: Outcome, ours: Outcome): string {
  if (real.code !== ours.code) return `exit code: real ${real.code}, ours ${ours.code}`;
  for (const stream of ['stdout', 'stderr'] as const) {
    const a = real[stream].split('\n');
    const b = ours[stream].split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== b[i]) return `${stream} line ${i + 1}:\n  real: ${JSON.stringify(a[i])}\n  ours: ${JSON.stringify(b[i])}`;
    }
  }
  return 'identical';
}

function transcript(args: string[], r: Outcome): string {
  return `$ kubectl describe ${args.join(' ')}\nexit: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/**
 * The real output is kept for the record (it carries wall-clock times, so it is not compared
 * run to run): written when missing or when UPDATE_GOLDEN=1.
 */
function recordGolden(name: string, text: string): void {
  const path = new URL(`./__golden__/${name}.txt`, import.meta.url).pathname;
  if (existsSync(path) && process.env.UPDATE_GOLDEN !== '1') return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
