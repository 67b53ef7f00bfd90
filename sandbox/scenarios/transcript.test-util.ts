// A transcript of typed commands and the passing of simulated time, for scenario goldens.
import { newSandbox, type Sandbox } from '../kubectl/testing.js';

export type Step = string | { wait: number } | ((s: Sandbox) => void);

/** Runs the steps on a fresh sandbox; `$ cmd` lines, their output, and `# (N s later)` marks. */
export async function transcript(steps: Step[], seed = 7): Promise<string> {
  const s = newSandbox(seed);
  let out = '';
  for (const step of steps) {
    if (typeof step === 'function') step(s);
    else if (typeof step === 'string') out += `$ ${step}\n${await s.run(step)}`;
    else {
      s.advance(step.wait);
      out += `# (${step.wait / 1000} s later)\n`;
    }
  }
  return out;
}
