// The terminal's speed as a learner feels it:
// - keystroke_*: one key sent over socket.io to a learner's shell (TerminalSession on a default
//   cluster, as in a sandbox) until its echo comes back, against a bare socket.io echo server in
//   the same run (keystroke_ratio = shell p50 / echo p50: what the shell adds to the wire);
// - kubectl_get_pods_*: `kubectl get pods` typed at the prompt until the next prompt, with 10 and
//   with 1,000 pods in the namespace.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { createDefaultCluster } from '../sandbox/engine/cluster.js';
import type { Engine } from '../sandbox/engine/engine.js';
import { TerminalSession } from '../sandbox/shell/terminal.js';
import { Vfs } from '../sandbox/shell/vfs.js';
import type { BenchResult } from './run.js';

const KEYS = 400;
const RUNS = 15;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

function newTerminal(seed: number, onOutput: (d: string) => void): { engine: Engine; terminal: TerminalSession } {
  const clock = new ManualClock(Date.parse('2026-11-01T09:00:00Z'));
  const engine = createDefaultCluster({ clock, random: new SeededRandom(seed), settleMs: 5_000 });
  const terminal = new TerminalSession({ api: engine.client('kubectl'), fs: new Vfs({ now: () => clock.now() }), clock, onOutput, cluster: engine, sleep: async (ms) => engine.advance(ms) });
  terminal.start();
  return { engine, terminal };
}

async function serve(onConnection: (socket: import('socket.io').Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const http: HttpServer = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  server.on('connection', onConnection);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}

/** Round trips of one key: send it, wait for output that contains it. */
async function keystrokes(url: string): Promise<number[]> {
  const client: Socket = connect(url, { transports: ['websocket'] });
  await new Promise<void>((r) => client.on('connect', () => r()));
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const key = 'abcdefghij'[i % 10];
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const on = (data: string) => {
        if (!data.includes(key)) return;
        client.off('terminal:output', on);
        resolve();
      };
      client.on('terminal:output', on);
      client.emit('terminal:input', { data: key });
    });
    times.push(performance.now() - t0);
    // Keep the line short: Ctrl-U clears it every 50 keys (its output is not timed).
    if (i % 50 === 49) {
      client.emit('terminal:input', { data: '\x15' });
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  client.close();
  return times.slice(20); // the first keys warm the connection up
}

async function keystrokeFigures(): Promise<Record<string, number>> {
  const echo = await serve((socket) => socket.on('terminal:input', (m: { data: string }) => socket.emit('terminal:output', m.data)));
  const shell = await serve((socket) => {
    const { terminal } = newTerminal(1, (d) => socket.emit('terminal:output', d));
    socket.on('terminal:input', (m: { data: string }) => terminal.input(m.data));
  });
  const echoTimes = await keystrokes(echo.url);
  const shellTimes = await keystrokes(shell.url);
  await echo.close();
  await shell.close();
  const e50 = quantile(echoTimes, 0.5);
  const s50 = quantile(shellTimes, 0.5);
  return { keystroke_echo_p50_ms: e50, keystroke_shell_p50_ms: s50, keystroke_shell_p99_ms: quantile(shellTimes, 0.99), keystroke_ratio: s50 / e50 };
}

async function getPodsMs(pods: number): Promise<number> {
  const { engine, terminal } = newTerminal(2, () => {});
  const api = engine.client('bench');
  for (let i = 0; i < pods; i++) {
    api.create({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${String(i).padStart(4, '0')}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  }
  engine.runUntilIdle();
  await terminal.runLine('kubectl get pods > /dev/null'); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await terminal.runLine('kubectl get pods');
    times.push(performance.now() - t0);
  }
  return quantile(times, 0.5);
}

export async function run(): Promise<BenchResult[]> {
  const keys = await keystrokeFigures();
  const pods10 = await getPodsMs(10);
  const pods1000 = await getPodsMs(1000);
  return [
    { name: 'terminal_keystroke', figures: keys },
    { name: 'terminal_kubectl_get_pods', figures: { pods_10_p50_ms: pods10, pods_1000_p50_ms: pods1000 } },
  ];
}
