// The CPU-time budget of one command line in a learner's shell (the interpreter calls step()
// on every loop turn). Time spent busy between two steps counts; a gap longer than WAIT_GAP_MS
// is waiting (sleep, kubectl get -w), not CPU. Every SLICE_MS of busy time the command yields to
// the event loop, so other sandboxes on the same worker get their turn within a few ms.
import { CpuLimitExceeded, type CommandBudget } from '../shell/interpreter.js';

export const CPU_LIMIT_MS = 5_000;
export const SLICE_MS = 2;
const WAIT_GAP_MS = 25;

/** What the learner sees: bash's text for a process killed by SIGXCPU, then why. */
export function cpuLimitMessage(limitMs: number): string {
  return `CPU time limit exceeded\nkubelab: this command used more than ${limitMs / 1000} s of CPU time and was stopped; the machine is shared with other learners.\n`;
}

export interface BudgetOptions {
  limitMs?: number;
  sliceMs?: number;
  /** A monotonic clock in ms (performance.now in a sandbox). */
  now: () => number;
  /** Hands the thread to other work for a moment (setImmediate in a sandbox). */
  yieldToOthers: () => Promise<void>;
}

export class CpuBudget implements CommandBudget {
  private used = 0;
  private sinceYield = 0;
  private last = 0;
  private readonly limitMs: number;
  private readonly sliceMs: number;

  constructor(private readonly opts: BudgetOptions) {
    this.limitMs = opts.limitMs ?? CPU_LIMIT_MS;
    this.sliceMs = opts.sliceMs ?? SLICE_MS;
  }

  begin(): void {
    this.used = 0;
    this.sinceYield = 0;
    this.last = this.opts.now();
  }

  step(): void | Promise<void> {
    const t = this.opts.now();
    const gap = t - this.last;
    this.last = t;
    if (gap > WAIT_GAP_MS) return; // it waited; the waiting already let others run
    this.used += gap;
    this.sinceYield += gap;
    if (this.used > this.limitMs) throw new CpuLimitExceeded(cpuLimitMessage(this.limitMs));
    if (this.sinceYield < this.sliceMs) return;
    this.sinceYield = 0;
    return this.opts.yieldToOthers().then(() => {
      this.last = this.opts.now(); // the time others ran is not this command's
    });
  }
}

/** The budget a live sandbox gives its shell. */
export function sandboxBudget(limitMs = CPU_LIMIT_MS): CpuBudget {
  return new CpuBudget({ limitMs, now: () => performance.now(), yieldToOthers: () => new Promise((r) => setImmediate(r)) });
}
