// Simulated learners for bench/load.bench.ts: a real socket.io client each, opening a lab and
// typing a realistic mix of commands with think time between them, timing each command from
// Enter to the prompt coming back.
import { io as connect, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type AttachResult, type ClientToServerEvents, type ServerToClientEvents } from '../sandbox/protocol.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const PROMPT = /controlplane:[^$\r\n]*\$ $/;

/** What learners type in the first labs, weighted by how often. */
const MIX: [number, (i: number) => string][] = [
  [5, () => 'kubectl get pods'],
  [3, () => 'kubectl get deployments'],
  [2, () => 'kubectl get pods -o wide'],
  [2, () => 'kubectl describe deployment web'],
  [1, (i) => `kubectl create deployment web-${i} --image=nginx`],
  [1, (i) => `kubectl scale deployment web --replicas=${1 + (i % 4)}`],
  [1, () => 'kubectl get events'],
  [2, () => 'ls -l'],
  [1, () => 'cat web-declarative.yaml'],
  [1, () => 'kubectl apply -f web-declarative.yaml'],
];
const TOTAL = MIX.reduce((s, [w]) => s + w, 0);

function pick(n: number): (i: number) => string {
  let r = n % TOTAL;
  for (const [w, f] of MIX) if ((r -= w) < 0) return f;
  return MIX[0][1];
}

export interface Learner {
  /** Open to prompt ready (the cluster is built before the attach answers). */
  startMs: number;
  stop(): void;
  done: Promise<void>;
}

export async function startLearner(url: string, cookie: string, seed: number, thinkMs: [number, number], record: (ms: number) => void): Promise<Learner> {
  const c: Client = connect(url, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  let out = '';
  let waiter: (() => void) | undefined;
  c.on('terminal:output', (d) => {
    out = (out + d).slice(-200);
    if (waiter && PROMPT.test(out)) waiter();
  });
  const started = performance.now();
  const res = await new Promise<AttachResult>((r) => c.emit('sandbox:attach', { labSlug: 'deploy-nginx', cols: 120, rows: 30 }, r));
  if (!res.ok) throw new Error(`attach: ${res.message}`);
  if (!PROMPT.test(res.screen)) throw new Error(`no prompt on attach: ${res.screen.slice(-80)}`);
  const startMs = performance.now() - started;
  let running = true;
  const command = (line: string) =>
    new Promise<void>((resolve) => {
      out = '';
      const t0 = performance.now();
      const timeout = setTimeout(() => ((waiter = undefined), record(10_000), resolve()), 10_000);
      waiter = () => {
        waiter = undefined;
        clearTimeout(timeout);
        record(performance.now() - t0);
        resolve();
      };
      c.emit('terminal:input', { data: `${line}\r` });
    });
  // The learner's first step (their deployment) happens before the load is measured.
  await command('kubectl create deployment web --image=nginx --replicas=2');
  const done = (async () => {
    let n = seed;
    while (running) {
      await new Promise((r) => setTimeout(r, thinkMs[0] + ((n * 7919) % (thinkMs[1] - thinkMs[0]))));
      if (!running) break;
      await command(pick(n * 31 + 7)(n));
      n++;
    }
    c.close();
  })();
  return { startMs, stop: () => void (running = false), done };
}
