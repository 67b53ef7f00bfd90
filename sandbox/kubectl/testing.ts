// Test support: a learner terminal on a fresh default cluster, driven line by line on
// simulated time, with transcripts compared to golden files (UPDATE_GOLDEN=1 rewrites them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { createDefaultCluster } from '../engine/cluster.js';
import type { Engine } from '../engine/engine.js';
import { TerminalSession } from '../shell/terminal.js';
import { Vfs } from '../shell/vfs.js';

export const T0 = Date.parse('2026-11-01T09:00:00Z');

export interface Sandbox {
  engine: Engine;
  terminal: TerminalSession;
  fs: Vfs;
  /** Runs one line as typed; returns what the terminal printed for it (without the prompt). */
  run(line: string): Promise<string>;
  advance(ms: number): void;
}

export function newSandbox(seed = 7): Sandbox {
  const clock = new ManualClock(T0);
  const engine = createDefaultCluster({ clock, random: new SeededRandom(seed), settleMs: 5_000 });
  const fs = new Vfs({ now: () => clock.now() });
  let captured = '';
  const terminal = new TerminalSession({
    api: engine.client('kubectl'),
    fs,
    clock,
    onOutput: (s) => (captured += s),
    // Sleeping moves simulated time, so `sleep 5` lets the cluster work for 5 s.
    sleep: async (ms) => engine.advance(ms),
    cluster: engine,
  });
  terminal.start();
  return {
    engine,
    terminal,
    fs,
    async run(line: string) {
      captured = '';
      await terminal.runLine(line);
      engine.runUntilIdle();
      return captured.replace(/\r\n/g, '\n').replace(/^.*\n/, '').replace(/controlplane:[^$\n]*\$ $/, '');
    },
    advance: (ms) => engine.advance(ms),
  };
}

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) throw new Error(`output differs from ${path} (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n${expected}\n--- actual\n${actual}`);
}
