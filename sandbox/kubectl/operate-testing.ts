// Test support for commands that wait on the cluster: the test moves simulated time while the
// command runs (as a live sandbox's clock would), and can press keys such as Ctrl-C.
import { join } from 'node:path';
import type { Sandbox } from './testing.js';

export const operateGolden = (name: string) => join(import.meta.dirname, '__golden__', 'operate', name);

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RunWhileOptions {
  stepMs?: number;
  maxSteps?: number;
  /** Keys typed after this many steps (e.g. '\x03'), while the command still runs. */
  keys?: Array<{ afterSteps: number; data: string }>;
}

/** Runs `line` and advances the cluster `stepMs` at a time until the command ends. */
export async function runWhile(sb: Sandbox, line: string, opts: RunWhileOptions = {}): Promise<string> {
  let done = false;
  const result = sb.run(line).then((out) => ((done = true), out));
  for (let step = 0; step < (opts.maxSteps ?? 120) && !done; step++) {
    await turn();
    for (const k of opts.keys ?? []) if (k.afterSteps === step && !done) sb.terminal.input(k.data);
    await turn();
    if (!done) sb.advance(opts.stepMs ?? 1000);
  }
  if (!done) throw new Error(`"${line}" still runs after ${opts.maxSteps ?? 120} steps`);
  return result;
}

/** A transcript: lines run plainly, `[line, opts]` pairs run while time moves, numbers advance. */
export async function operateTranscript(sb: Sandbox, steps: Array<string | number | [string, RunWhileOptions]>): Promise<string> {
  let out = '';
  for (const s of steps) {
    if (typeof s === 'number') {
      sb.advance(s);
      out += `# (${s / 1000} s later)\n`;
    } else if (typeof s === 'string') out += `$ ${s}\n${await sb.run(s)}`;
    else out += `$ ${s[0]}\n${await runWhile(sb, s[0], s[1])}`;
  }
  return out;
}
