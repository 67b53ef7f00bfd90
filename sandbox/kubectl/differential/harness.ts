// The differential harness: the same command line through the REAL kubectl 1.32 and through
// OUR kubectl, both over HTTP against the same cluster state, and their stdout, stderr and exit
// code compared byte for byte.
//
// Same state without sharing one: a command that writes changes what the next one sees, and the
// two kubectls must each find the state the other found. So the harness runs a PAIR of engines
// built alike (same seed, same start time, same settle) and served by two API servers: the real
// kubectl talks to one, ours to the other, and every step (a command line, a clock step, a setup
// function) happens on both. The engine is deterministic (injected clock and seeded random), so
// the two stay identical: same names, uids, resourceVersions, timestamps. Time is frozen except
// for explicit advance(ms) on both, so ages agree.
//
// Each side's server URL and temp dir differ; outputs carry `https://127.0.0.1:PORT` and `$DIR`
// instead. Command lines are shell lines (`kubectl get pods | head -3`): the real side runs them
// in bash with a `kubectl` that adds a fresh --cache-dir, our side in our shell (`runScript`).
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeconfigYaml } from '../../apiserver/kubeconfig.js';
import { serveEngine, type Serving } from '../../apiserver/serve.js';
import { ManualClock, SeededRandom } from '../../engine/clock.js';
import { createDefaultCluster } from '../../engine/cluster.js';
import type { Engine } from '../../engine/engine.js';
import { startComponent, stopComponent } from '../../engine/components.js';
import { scriptShell } from '../../shell/cli-script.js';
import type { Shell } from '../../shell/interpreter.js';
import { Interrupt } from '../../shell/io.js';
import { isWatchRequest, kubectlPath } from '../../apiserver/compat/harness.js';

export { realKubectlAvailable } from '../../apiserver/compat/harness.js';

/** Both servers take the same token, so that `config view --raw` agrees too. */
const TOKEN = 'differential-token';

export const DIFF_T0 = Date.parse('2026-11-01T09:00:00Z');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DiffOptions {
  seed?: number;
  /** Simulated ms the cluster runs before the first command (kube-system Running takes ~2 s). */
  settleMs?: number;
}

interface Side {
  engine: Engine;
  serving: Serving;
  dir: string;
  kubeconfig: string;
}

export interface LineOptions {
  /** Files written to both sides' working directory first (manifests for -f). */
  files?: Record<string, string>;
  /**
   * A change made to each side's cluster while its command runs (for `get -w`): `afterMs` of
   * wall time after the command started, so that it has listed and is watching.
   */
  during?: {
    afterMs: number;
    change(engine: Engine): void;
    /**
     * 'watch': make the change as soon as the command opens its watch (afterMs is then only the
     * latest moment), so a slow start on a loaded machine cannot move the change into the listing.
     */
    when?: 'watch';
  };
  /**
   * Compare the lines in any order: for output the real kubectl prints from concurrent goroutines
   * (drain's "pod/x evicted", one per eviction), whose order changes from run to run.
   */
  unordered?: boolean;
}

export class Differential {
  /** Our side's shell lives as long as the harness: files and variables persist between lines. */
  private readonly shell: Shell;
  private constructor(private readonly real: Side, private readonly ours: Side) {
    this.shell = scriptShell({ kubeconfig: ours.kubeconfig, clock: ours.engine.clock });
  }

  static async start(opts: DiffOptions = {}): Promise<Differential> {
    const side = async (label: string): Promise<Side> => {
      const clock = new ManualClock(DIFF_T0);
      const engine = createDefaultCluster({ clock, random: new SeededRandom(opts.seed ?? 7), settleMs: opts.settleMs ?? 5_000 });
      const serving = await serveEngine(engine, TOKEN);
      const dir = mkdtempSync(join(tmpdir(), `kubelab-diff-${label}-`));
      const kubeconfig = join(dir, '.kube', 'config');
      mkdirSync(join(dir, '.kube'));
      writeFileSync(kubeconfig, kubeconfigYaml({ server: serving.url, token: TOKEN, caCert: serving.caCert }));
      return { engine, serving, dir, kubeconfig };
    };
    const d = new Differential(await side('real'), await side('ours'));
    d.writeRealWrapper();
    return d;
  }

  /** Moves simulated time on both clusters. */
  advance(ms: number): void {
    this.real.engine.advance(ms);
    this.ours.engine.advance(ms);
  }

  /** Applies the same change to both engines (a prepared state, written through the API). */
  both(change: (engine: Engine) => void): void {
    change(this.real.engine);
    this.real.engine.runUntilIdle();
    change(this.ours.engine);
    this.ours.engine.runUntilIdle();
  }

  /**
   * Stops (or starts) kube-apiserver on both clusters: each HTTP front stops listening, so the
   * real kubectl and ours both meet a refused connection on the port their kubeconfig names.
   */
  setApiServerRunning(running: boolean): void {
    this.both((engine) => (running ? startComponent(engine, 'kube-apiserver') : stopComponent(engine, 'kube-apiserver')));
  }

  async close(): Promise<void> {
    await Promise.all([this.real.serving.close(), this.ours.serving.close()]);
    for (const s of [this.real, this.ours]) rmSync(s.dir, { recursive: true, force: true });
  }

  /** Runs the line on both sides; both outcomes, normalized. */
  async run(line: string, opts: LineOptions = {}): Promise<{ real: Outcome; ours: Outcome }> {
    const real = await this.whileChanging(this.real, opts, () => this.runReal(line, opts));
    this.real.engine.runUntilIdle();
    const ours = await this.whileChanging(this.ours, opts, () => this.runOurs(line, opts));
    this.ours.engine.runUntilIdle();
    return { real, ours };
  }

  private async whileChanging(side: Side, opts: LineOptions, run: () => Promise<Outcome>): Promise<Outcome> {
    const during = opts.during;
    let changed = false;
    const change = () => {
      if (changed || !during) return;
      changed = true;
      during.change(side.engine);
      side.engine.runUntilIdle();
    };
    const onRequest = (req: { url?: string }) => {
      if (isWatchRequest(req.url)) setImmediate(change);
    };
    if (during?.when === 'watch') side.serving.server.on('request', onRequest);
    const timer = during ? setTimeout(change, during.afterMs) : undefined;
    try {
      return await run();
    } finally {
      clearTimeout(timer);
      side.serving.server.off('request', onRequest);
    }
  }

  /** Runs the line on both sides and throws, naming the first differing line, unless they agree. */
  async expectSame(line: string, opts: LineOptions = {}): Promise<Outcome> {
    const { real, ours } = await this.run(line, opts);
    const problem = opts.unordered ? firstDifference(sortedLines(real), sortedLines(ours)) : firstDifference(real, ours);
    if (problem) throw new Error(`$ ${line}\n${problem}\n--- real stdout\n${real.stdout}--- real stderr\n${real.stderr}--- ours stdout\n${ours.stdout}--- ours stderr\n${ours.stderr}`);
    return real;
  }

  private writeRealWrapper(): void {
    const bin = join(this.real.dir, 'bin');
    mkdirSync(bin);
    const wrapper = join(bin, 'kubectl');
    // A fresh discovery cache per invocation: kubectl caches discovery on disk for 6 hours.
    writeFileSync(wrapper, `#!/bin/bash\ncache=$(mktemp -d "${this.real.dir}/cache-XXXXXX")\n"${kubectlPath('1.32')}" --cache-dir "$cache" "$@"\nstatus=$?\nrm -rf "$cache"\nexit $status\n`);
    chmodSync(wrapper, 0o755);
  }

  private runReal(line: string, opts: LineOptions): Promise<Outcome> {
    for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(this.real.dir, name), text);
    const env = { PATH: `${join(this.real.dir, 'bin')}:/usr/bin:/bin`, HOME: this.real.dir, KUBECONFIG: this.real.kubeconfig, LANG: 'C.UTF-8' } as unknown as NodeJS.ProcessEnv;
    return new Promise((resolve) => {
      const child = execFile('/bin/bash', ['-c', line], { cwd: this.real.dir, env, timeout: 30_000, encoding: 'utf8' }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout: normalize(stdout, this.real), stderr: normalize(stderr, this.real) });
      });
      child.stdin?.end();
    });
  }

  private async runOurs(line: string, opts: LineOptions): Promise<Outcome> {
    let stdout = '';
    let stderr = '';
    for (const [name, text] of Object.entries(opts.files ?? {})) this.shell.fs.writeFile(name, text);
    const status = await this.shell.runSource(line + '\n', { stdin: '', stdinIsTerminal: false, stdoutIsTerminal: false, out: (s) => (stdout += s), err: (s) => (stderr += s), interrupt: new Interrupt() });
    return { code: status, stdout: normalize(stdout, this.ours), stderr: normalize(stderr, this.ours) };
  }
}

function normalize(text: string, side: Side): string {
  return text.split(side.serving.url).join('https://127.0.0.1:PORT').split(`127.0.0.1:${side.serving.port}`).join('127.0.0.1:PORT').split(side.dir).join('$DIR').replace(/\/root\/\.kube\/config/g, '$DIR/.kube/config');
}

function sortedLines(o: Outcome): Outcome {
  const sort = (text: string) => text.split('\n').sort().join('\n');
  return { code: o.code, stdout: sort(o.stdout), stderr: sort(o.stderr) };
}

/** `exit code: real 0, ours 1` or `stdout line 3:` with both lines, or undefined when equal. */
export function firstDifference(real: Outcome, ours: Outcome): string | undefined {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (real[stream] === ours[stream]) continue;
    const a = real[stream].split('\n');
    const b = ours[stream].split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `${stream} differs at line ${i + 1}:\n  real: ${JSON.stringify(a[i] ?? '<end>')}\n  ours: ${JSON.stringify(b[i] ?? '<end>')}`;
  }
  if (real.code !== ours.code) return `exit code differs: real ${real.code}, ours ${ours.code}`;
  return undefined;
}
