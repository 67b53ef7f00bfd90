// Learners at scale: the platform (server/platform.ts, a worker pool of one thread per core, an
// in-memory store) driven by simulated learners (bench/load-learners.ts: real socket.io clients,
// a realistic command mix, 1–3 s think time — faster than real learners, so the figure is
// conservative). Figures:
// - lab_start_ms_p50/p95/p99: attach to prompt ready, the lab's cluster built (40 starts);
// - idle_sandbox_heap_kb / active_sandbox_heap_kb: heap per sandbox just opened / after a
//   deployment with pods and a few commands (measured in this thread, 20 sandboxes, after GC);
// - snapshot_kb / snapshot_ms: an active sandbox's snapshot as JSON, and taking it;
// - max_active_learners: the most learners typing at once with p99 command latency < 100 ms,
//   raising the count in steps (the clients share this 2-core machine with the server).
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LEARNER_COOKIE, learnerCookies } from '../server/guest.js';
import { jsonLogger } from '../server/log.js';
import { createPlatform } from '../server/platform.js';
import { LocalSandboxHost } from '../sandbox/session/local.js';
import { defaultPoolSize } from '../sandbox/session/pool.js';
import { MemorySandboxStore } from '../sandbox/session/store.js';
import type { BenchResult } from './run.js';
import { startLearner, type Learner } from './load-learners.js';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const SECRET = 'b'.repeat(40);
const cookies = learnerCookies(SECRET);
const cookieOf = (i: number) => `${LEARNER_COOKIE}=${cookies.sign(`bench-learner-${String(i).padStart(5, '0')}`)}`;
const STEPS = [25, 50, 75, 100, 150, 200, 300, 400, 600];
const STEP_MS = 12_000;
const P99_LIMIT_MS = 100;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function heapFigures() {
  const host = LocalSandboxHost.create({ store: new MemorySandboxStore(), saveDelayMs: 60_000, log: () => {} });
  const N = 20;
  gc();
  const before = process.memoryUsage().heapUsed;
  const handles = [];
  for (let i = 0; i < N; i++) handles.push(await host.open(`heap-${i}`, 'deploy-nginx'));
  gc();
  const idle = (process.memoryUsage().heapUsed - before) / N / 1024;
  for (const h of handles) await h.call('input', 'kubectl create deployment web --image=nginx --replicas=3\r');
  await wait(3000); // pods scheduled, started and Ready in simulated time that follows the wall
  for (const h of handles) await h.call('input', 'kubectl get pods -o wide; kubectl describe deployment web\r');
  await wait(500);
  gc();
  const active = (process.memoryUsage().heapUsed - before) / N / 1024;
  const sandbox = host.manager.get(handles[0].id)!;
  const t0 = performance.now();
  const json = JSON.stringify(sandbox.snapshot());
  const snapshotMs = performance.now() - t0;
  await host.shutdown();
  return { idle, active, snapshotKb: json.length / 1024, snapshotMs };
}

export async function run(): Promise<BenchResult> {
  const heap = await heapFigures();
  const platform = createPlatform({ store: new MemorySandboxStore(), workers: defaultPoolSize(), log: jsonLogger({}, () => {}), authenticate: (h) => cookies.verify(h) });
  await new Promise<void>((r) => platform.http.listen(0, '127.0.0.1', r));
  await (platform.host as { ready?: () => Promise<void> }).ready?.(); // workers started and warm
  const url = `http://127.0.0.1:${(platform.http.address() as AddressInfo).port}`;
  const learners: Learner[] = [];
  const starts: number[] = [];
  let maxOk = 0;
  const benchStarted = Date.now();
  try {
    let latencies: number[] = [];
    const record = (ms: number) => latencies.push(ms);
    for (const target of STEPS) {
      while (learners.length < target) {
        const l = await startLearner(url, cookieOf(learners.length), learners.length, [1000, 3000], record);
        learners.push(l);
        starts.push(l.startMs);
      }
      await wait(2000); // the new learners' deployments settle
      latencies = []; // this step's commands only
      await wait(STEP_MS);
      const p99 = quantile(latencies, 0.99);
      console.log(`  ${target} learners: ${latencies.length} commands, p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
      if (p99 >= P99_LIMIT_MS) break;
      maxOk = target;
      if (Date.now() - benchStarted > 150_000) break;
    }
  } finally {
    for (const l of learners) l.stop();
    await Promise.race([Promise.all(learners.map((l) => l.done)), wait(5000)]);
    await platform.stop();
  }
  const first = starts.slice(0, 40);
  return {
    name: 'load',
    figures: {
      lab_start_ms_p50: quantile(first, 0.5),
      lab_start_ms_p95: quantile(first, 0.95),
      lab_start_ms_p99: quantile(first, 0.99),
      idle_sandbox_heap_kb: Math.round(heap.idle),
      active_sandbox_heap_kb: Math.round(heap.active),
      snapshot_kb: Math.round(heap.snapshotKb * 10) / 10,
      snapshot_ms: heap.snapshotMs,
      max_active_learners: maxOk,
    },
  };
}
