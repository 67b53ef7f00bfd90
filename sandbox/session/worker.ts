// A sandbox worker thread: runs a SandboxManager and its sandboxes off the web server's event
// loop. The store lives in the server's thread (one database connection pool), so the worker
// asks it by message; sandbox calls come in by name (surface.ts whitelist) and every listener
// event goes back by name. Started by pool.ts through worker-boot.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import type { ChecksUpdate } from '../protocol.js';
import { LocalSandboxHost } from './local.js';
import { warmTemplates } from './runtime.js';
import type { SandboxHandle } from './handle.js';
import type { SandboxSnapshotData } from './snapshot.js';
import type { SandboxStore } from './store.js';
import { SandboxCallError, isSandboxMethod, toWireError } from './surface.js';
import type { FromWorker, StoreOp, ToWorker, WorkerConfig } from './wire.js';

const port = parentPort!;
const config = ((workerData as { config?: WorkerConfig } | undefined)?.config ?? {}) as WorkerConfig;
const post = (m: FromWorker) => port.postMessage(m);

// --- the store, by message -------------------------------------------------------------------
let storeSeq = 0;
const storeWaiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
function storeCall(op: StoreOp, ...args: unknown[]): Promise<never> {
  const seq = ++storeSeq;
  post({ kind: 'store', seq, op, args });
  return new Promise((resolve, reject) => storeWaiting.set(seq, { resolve: resolve as (v: unknown) => void, reject }));
}
const store: SandboxStore = {
  load: (u, l) => storeCall('load', u, l) as Promise<SandboxSnapshotData | undefined>,
  save: (u, l, s) => storeCall('save', u, l, s),
  saveSerialized: (u, l, v, json) => storeCall('saveSerialized', u, l, v, json),
  ensureUser: (u) => storeCall('ensureUser', u),
  saveResults: (u, l, up: ChecksUpdate) => storeCall('saveResults', u, l, up),
  delete: (u, l) => storeCall('delete', u, l),
  deleteUser: (u) => storeCall('deleteUser', u),
};

// --- stats, sent once a second ----------------------------------------------------------------
let commandMs: number[] = [];
let snapshots: { bytes: number; ms: number }[] = [];
let lagMs = 0;
let lastBeat = performance.now();
const BEAT_MS = 1000;

const host = LocalSandboxHost.create({
  store,
  idleMs: config.idleMs,
  saveDelayMs: config.saveDelayMs,
  maxPerLearner: config.maxPerLearner,
  cpuLimitMs: config.cpuLimitMs,
  log: (message) => console.log(JSON.stringify({ level: 'info', msg: message, worker: true })),
  onCommand: (ms) => commandMs.push(ms),
  onSnapshot: (bytes, ms) => snapshots.push({ bytes, ms }),
  onUnload: (sandboxId) => {
    handles.delete(sandboxId);
    detach.delete(sandboxId);
    post({ kind: 'unloaded', sandboxId });
  },
});
const handles = new Map<string, SandboxHandle>();
const detach = new Map<string, () => void>();

setInterval(() => {
  const now = performance.now();
  lagMs = Math.max(0, now - lastBeat - BEAT_MS);
  lastBeat = now;
  post({ kind: 'stats', commandMs, snapshots, ...host.counts(), loopLagMs: lagMs });
  commandMs = [];
  snapshots = [];
}, BEAT_MS).unref();

async function handle(m: ToWorker): Promise<unknown> {
  switch (m.kind) {
    case 'open': {
      const h = await host.open(m.userId, m.labSlug);
      handles.set(h.id, h);
      return h.id;
    }
    case 'call':
      if (!isSandboxMethod(m.method)) throw new Error(`no sandbox method ${String(m.method)}`);
      return host.call(m.sandboxId, m.method, m.args);
    case 'reset':
      return host.reset(m.userId, m.labSlug);
    case 'deleteLearner':
      return host.deleteLearner(m.userId);
    case 'shutdown':
      return host.shutdown();
    case 'socketEvent':
      return host.socketEvent(m.sandboxId, m.connectionId, m.event, m.args, m.wantsAck);
    default:
      return undefined;
  }
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'storeReply') {
    const w = storeWaiting.get(m.seq);
    storeWaiting.delete(m.seq);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(new SandboxCallError(m.error!));
    return;
  }
  if (m.kind === 'attach') {
    const h = handles.get(m.sandboxId);
    if (h && !detach.has(m.sandboxId)) detach.set(m.sandboxId, h.addListener(new Proxy({}, { get: (_t, event) => (...args: unknown[]) => post({ kind: 'event', sandboxId: m.sandboxId, event: String(event), args }) })));
    return;
  }
  if (m.kind === 'socketClose') return host.socketClose(m.sandboxId, m.connectionId);
  if (m.kind === 'release') {
    detach.get(m.sandboxId)?.();
    detach.delete(m.sandboxId);
    return;
  }
  handle(m).then(
    (value) => post({ kind: 'reply', seq: m.seq, ok: true, value }),
    (e) => post({ kind: 'reply', seq: m.seq, ok: false, error: toWireError(e) }),
  );
});

// Ready once warm: the first learner on this worker must not pay for loading the engine.
warmTemplates(Date.now());
post({ kind: 'ready' });
