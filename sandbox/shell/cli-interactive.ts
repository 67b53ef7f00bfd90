// `npm run shell` with no arguments: the learner's terminal in your own terminal, on a fresh
// in-process default cluster whose simulated time follows the wall clock. The terminal is put
// in raw mode so the TerminalSession sees every key (arrows, Ctrl-R, Tab, Ctrl-C) as xterm.js
// would send it. Ctrl-D on its own leaves.
import { ManualClock, SeededRandom } from '../engine/clock.js';
import { createDefaultCluster } from '../engine/cluster.js';
import { TerminalSession } from './terminal.js';
import { Vfs } from './vfs.js';

const TICK_MS = 100;

export function runInteractive(seed = Date.now() % 100_000): Promise<number> {
  const clock = new ManualClock(Date.now());
  const engine = createDefaultCluster({ clock, random: new SeededRandom(seed), settleMs: 5_000 });
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    // The settle moved simulated time ahead; wall time catches up before the clock moves again.
    const step = Math.max(0, now - last);
    last = now;
    if (step > 0 && clock.now() < now) engine.advance(Math.min(step, now - clock.now()));
    else engine.runUntilIdle();
  }, TICK_MS);
  const fs = new Vfs({ now: () => clock.now() });
  const terminal = new TerminalSession({ api: engine.client('kubectl'), fs, clock, onOutput: (s) => process.stdout.write(s) });
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  if (process.stdout.columns) terminal.resize(process.stdout.columns, process.stdout.rows ?? 24);
  process.stdout.on('resize', () => terminal.resize(process.stdout.columns, process.stdout.rows));
  terminal.start();
  return new Promise((resolve) => {
    stdin.on('data', (data: string) => {
      if (data === '\x04' && !terminal.busy) {
        process.stdout.write('\r\nlogout\r\n');
        clearInterval(ticker);
        if (stdin.isTTY) stdin.setRawMode(false);
        stdin.pause();
        resolve(0);
        return;
      }
      terminal.input(data);
      // Writes through the terminal take effect at once, as on a real cluster.
      void terminal.idle().then(() => engine.runUntilIdle());
    });
    stdin.on('end', () => {
      clearInterval(ticker);
      resolve(0);
    });
  });
}
