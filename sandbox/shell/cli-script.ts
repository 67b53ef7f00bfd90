// `npm run shell -- --kubeconfig <file> -c '<commands>'`: one script in the learner shell,
// kubectl speaking HTTP to the kubeconfig's cluster. Also what the differential tests run, in
// process, so each command does not pay for a new Node.
import type { ApiClient } from '../engine/api/types.js';
import type { Clock } from '../engine/clock.js';
import { runKubectl } from '../kubectl/index.js';
import { httpKubectlHost } from '../kubectl/node-host.js';
import { createCommands } from './commands/index.js';
import { Shell } from './interpreter.js';
import { Interrupt, type CommandIO } from './io.js';
import { Vfs } from './vfs.js';

export interface ScriptOptions {
  /** Without one kubectl reads ~/.kube/config of the real home, as kubectl does. */
  kubeconfig?: string;
  out(text: string): void;
  err(text: string): void;
  stdin?: string;
  /** Files put in the shell's working directory first (manifests for -f). */
  files?: Record<string, string>;
  clock?: Clock;
  interrupt?: Interrupt;
}

/**
 * No engine lives in this process: the shell's own kubectl entry is replaced by one speaking
 * HTTP, so nothing may reach the in-process API (completion is not used without a terminal).
 */
const NO_ENGINE: ApiClient = new Proxy({} as ApiClient, {
  get: () => () => {
    throw new Error('this shell talks to its cluster over HTTP; there is no in-process engine');
  },
});

const wallClock: Clock = { now: () => Date.now() };

export function scriptShell(opts: Omit<ScriptOptions, 'out' | 'err'>): Shell {
  const clock = opts.clock ?? wallClock;
  const fs = new Vfs({ now: () => clock.now() });
  for (const [name, text] of Object.entries(opts.files ?? {})) fs.writeFile(name, text);
  const kubeconfig = opts.kubeconfig ?? `${process.env.HOME ?? ''}/.kube/config`;
  const commands = createCommands({ api: NO_ENGINE, clock });
  const host = httpKubectlHost(kubeconfig, fs, clock);
  commands.set('kubectl', ({ args, io }) => runKubectl(args, io, host));
  return new Shell({ fs, commands, now: () => clock.now(), sleep: (ms, interrupt) => wallSleep(ms, interrupt) });
}

export async function runScript(script: string, opts: ScriptOptions): Promise<{ status: number }> {
  const shell = scriptShell(opts);
  const io: CommandIO = { stdin: opts.stdin ?? '', stdinIsTerminal: opts.stdin === undefined, stdoutIsTerminal: false, out: opts.out, err: opts.err, interrupt: opts.interrupt ?? new Interrupt() };
  const status = await shell.runSource(script.endsWith('\n') ? script : script + '\n', io);
  return { status };
}

function wallSleep(ms: number, interrupt: Interrupt): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const off = interrupt.onRaise(done);
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}
