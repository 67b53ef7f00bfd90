// Test support for the shell's golden transcripts: a learner terminal on a fresh default cluster,
// on simulated time, whose whole screen (prompts, typed lines, output) is the transcript.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { createDefaultCluster } from '../engine/cluster.js';
import type { Engine } from '../engine/engine.js';
import { TerminalSession } from './terminal.js';
import { Vfs } from './vfs.js';

export const T0 = Date.parse('2026-11-01T09:00:00Z');

export interface ScreenSandbox {
  engine: Engine;
  terminal: TerminalSession;
  fs: Vfs;
  /** Types a line and waits for the prompt after it. */
  type(line: string): Promise<void>;
  /** Types a line and returns at once (the command keeps running): Ctrl-C it with keys('\x03'). */
  start(line: string): Promise<number>;
  /** Sends raw keys (Ctrl-C, Tab) without waiting. */
  keys(data: string): void;
  /** Everything shown so far, with plain newlines. */
  screen(): string;
}

export function screenSandbox(seed = 7): ScreenSandbox {
  const clock = new ManualClock(T0);
  const engine = createDefaultCluster({ clock, random: new SeededRandom(seed), settleMs: 5_000 });
  const fs = new Vfs({ now: () => clock.now() });
  let screen = '';
  const terminal = new TerminalSession({
    api: engine.client('kubectl'),
    fs,
    clock,
    onOutput: (s) => (screen += s),
    sleep: async (ms, interrupt) => {
      // Simulated time in steps, so Ctrl-C (sent between steps) ends a long wait.
      for (let left = ms; left > 0 && !interrupt.interrupted; left -= 1000) {
        engine.advance(Math.min(1000, left));
        await new Promise<void>((r) => setImmediate(r));
      }
    },
    cluster: engine,
  });
  terminal.start();
  return {
    engine,
    terminal,
    fs,
    async type(line) {
      await terminal.runLine(line);
      engine.runUntilIdle();
    },
    start: (line) => terminal.runLine(line),
    keys: (data) => terminal.input(data),
    screen: () => screen.replace(/\r\n/g, '\n'),
  };
}
