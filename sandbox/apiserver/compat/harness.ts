// Runs the REAL kubectl against our API server: one server per test file on a free loopback
// port, a kubeconfig for it, and a fresh --cache-dir per command (kubectl caches discovery).
// Each command's exit code, stdout and stderr are compared with a golden transcript.
import { execFile, type ExecFileException } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServedEngine } from '../engine-contract.js';
import { expectGolden } from '../golden.js';
import { kubeconfigYaml } from '../kubeconfig.js';
import { serveEngine, type Serving } from '../serve.js';

export const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';
export const kubectlPath = (version: string) => join(KUBECTL_DIR, `kubectl.${version}`);

/** False (after one visible line) when no real kubectl is installed, unless REQUIRE_REAL_KUBECTL=1. */
export function realKubectlAvailable(): boolean {
  if (existsSync(kubectlPath('1.32'))) return true;
  if (process.env.REQUIRE_REAL_KUBECTL === '1') throw new Error(`REQUIRE_REAL_KUBECTL=1 but ${kubectlPath('1.32')} does not exist`);
  console.log(`compat: no real kubectl at ${kubectlPath('1.32')}; skipping the real-kubectl compatibility suite`);
  return false;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  version?: string;
  stdin?: string;
  env?: Record<string, string>;
  /** Files written into the working directory first (manifests for -f). */
  files?: Record<string, string>;
  /**
   * Simulated ms the cluster moves on every 50 ms of wall time while kubectl runs, for commands
   * that wait for the cluster (delete, rollout status, wait). 0 (the default) freezes time.
   */
  tick?: number;
  /**
   * How many ticks in all (default 30). The clock always ends `tick × ticks` later, however soon
   * kubectl is done (the remaining ticks are taken when it exits), so later output is the same
   * on every run.
   */
  ticks?: number;
  /**
   * Wall ms to wait for kubectl's first watch request before ticking anyway (default 3000). The
   * ticking starts as soon as kubectl opens a watch: by then it has listed, so every change the
   * ticks make reaches it as a watch event, in order, however loaded the machine is.
   */
  tickDelay?: number;
  /** Called once when kubectl opens its first watch (to change the cluster while it watches). */
  onWatch?: () => void;
}

export const isWatchRequest = (url: string | undefined) => /[?&]watch=(true|1)(&|$)/.test(url ?? '');

export class CompatCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'kubelab-compat-'));
  readonly kubeconfig = join(this.dir, 'kubeconfig');
  private constructor(readonly engine: ServedEngine, readonly serving: Serving) {
    writeFileSync(this.kubeconfig, kubeconfigYaml({ server: serving.url, token: 'compat-token', caCert: serving.caCert }));
  }

  static async start(engine: ServedEngine): Promise<CompatCluster> {
    return new CompatCluster(engine, await serveEngine(engine, 'compat-token'));
  }

  async close(): Promise<void> {
    await this.serving.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Runs `kubectl <args>` (1.32 unless told) and returns its exit code and output. */
  kubectl(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(this.dir, name), text);
    const cacheDir = mkdtempSync(join(this.dir, 'cache-'));
    const argv = ['--kubeconfig', this.kubeconfig, '--cache-dir', cacheDir, ...args];
    let ticker: ReturnType<typeof setInterval> | undefined;
    let ticked = 0;
    const total = opts.ticks ?? 30;
    const tick = () => {
      if (ticked >= total) return clearInterval(ticker);
      ticked++;
      this.engine.advance?.(opts.tick!);
    };
    let started = false;
    const startWatching = () => {
      if (started) return;
      started = true;
      this.serving.server.off('request', onRequest);
      opts.onWatch?.();
      if (opts.tick) ticker = setInterval(tick, 50);
    };
    const onRequest = (req: { url?: string }) => {
      if (isWatchRequest(req.url)) setImmediate(startWatching);
    };
    const waitsForWatch = opts.tick !== undefined || opts.onWatch !== undefined;
    if (waitsForWatch) this.serving.server.on('request', onRequest);
    const delay = waitsForWatch ? setTimeout(startWatching, opts.tickDelay ?? 3000) : undefined;
    return new Promise((resolve) => {
      const child = execFile(
        kubectlPath(opts.version ?? '1.32'),
        argv,
        { cwd: this.dir, env: { PATH: process.env.PATH ?? '', HOME: this.dir, ...opts.env } as unknown as NodeJS.ProcessEnv, timeout: 30_000, encoding: 'utf8' },
        (err: ExecFileException | null, stdout: string, stderr: string) => {
          clearTimeout(delay);
          clearInterval(ticker);
          this.serving.server.off('request', onRequest);
          if (opts.tick && ticked < total) this.engine.advance?.(opts.tick * (total - ticked));
          rmSync(cacheDir, { recursive: true, force: true });
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve({ code, stdout: this.normalize(stdout), stderr: this.normalize(stderr) });
        },
      );
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
      else child.stdin?.end();
    });
  }

  /** The server's random port and temp dir vary per run; goldens carry placeholders. */
  private normalize(text: string): string {
    return text
      .split(this.serving.url)
      .join('https://127.0.0.1:PORT')
      .split(this.dir)
      .join('$DIR')
      .replace(/^([EIW])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ /gm, '$10000 00:00:00.000000       1 ')
      .replace(/^(Events:\n(?:  .*\n)+)/gm, (block) => normalizeEventAges(block));
  }

  /** Runs the command and compares `$ kubectl …`, the exit code and both streams with a golden. */
  async expect(golden: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
    const r = await this.kubectl(args, opts);
    const version = opts.version && opts.version !== '1.32' ? `.${opts.version}` : '';
    expectGolden(goldenPath(golden), transcript(`kubectl${version} ${args.join(' ')}`, r));
    return r;
  }
}

/**
 * kubectl describe computes event ages from its own wall clock, which the suite cannot step
 * (the events carry simulated times), so the Events block keeps its rows but not the ages:
 * each age becomes `<age>` and the columns are re-joined with two spaces.
 */
function normalizeEventAges(block: string): string {
  return block.replace(/^  (\S.*)$/gm, (_line, row: string) => {
    const cells: string[] = [];
    let rest = row;
    for (let i = 0; i < 4; i++) {
      const m = /\s{2,}/.exec(rest);
      if (!m) break;
      cells.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    cells.push(rest);
    if (cells.length === 5 && cells[0] !== 'Type' && !cells[0].startsWith('-')) cells[2] = '<age>';
    return `  ${cells.join('  ')}`;
  });
}

export function transcript(command: string, r: RunResult): string {
  return `$ ${command}\nexit: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

export const goldenPath = (name: string) => fileURLToPath(new URL(`./__golden__/${name}.txt`, import.meta.url));
