// The cluster view's half of the lab socket: a subscriber gets the map and timeline of the
// sandbox its socket is attached to, then throttled diffs as the cluster changes, and the
// inspector's object details on request. One recorder per engine, shared by every tab.
import type { Socket } from 'socket.io';
import { ClusterViewInspect, type ClientToServerEvents, type ServerToClientEvents } from '../protocol.js';
import { ClusterViewRecorder, type ViewSource } from '../cluster-view/recorder.js';
import { diffModels, isEmptyDiff } from '../cluster-view/diff.js';
import { MAX_CHAINS, UPDATE_INTERVAL_MS, type Chain, type ClusterModel } from '../cluster-view/wire.js';
import type { Sandbox } from './sandbox.js';

type ViewSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, unknown>;

const recorders = new WeakMap<object, ClusterViewRecorder>();

/**
 * The sandbox's engine. Sandbox keeps it private; until it exposes one (asked of the session's
 * owner), read the field it is kept in. Undefined when the sandbox has no cluster.
 */
function engineOf(sandbox: Sandbox): ViewSource | undefined {
  const withCluster = sandbox as unknown as { cluster?: ViewSource; clusterEngine?: ViewSource };
  return withCluster.clusterEngine ?? withCluster.cluster;
}

export function recorderFor(sandbox: Sandbox): ClusterViewRecorder | undefined {
  const engine = engineOf(sandbox);
  if (!engine || typeof engine.onChange !== 'function') return undefined;
  let r = recorders.get(engine);
  if (!r) {
    r = new ClusterViewRecorder(engine);
    recorders.set(engine, r);
  }
  return r;
}

const notAttached = { ok: false as const, code: 'not-attached' as const, message: 'Not attached to a sandbox yet; reload the page.' };
const noCluster = { ok: false as const, code: 'unavailable' as const, message: 'This sandbox has no cluster to show.' };

/** A subscription: sends what changed since the last message, at most every UPDATE_INTERVAL_MS. */
class Subscription {
  private model: ClusterModel;
  private sent = new Map<string, string>();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly off: () => void;

  constructor(
    private readonly socket: ViewSocket,
    private readonly recorder: ClusterViewRecorder,
  ) {
    this.model = recorder.model();
    this.off = recorder.onRecorded(() => this.schedule());
  }

  snapshot(): { model: ClusterModel; chains: Chain[] } {
    const chains = this.recorder.timeline(MAX_CHAINS);
    for (const c of chains) this.sent.set(c.id, JSON.stringify(c));
    return { model: this.model, chains };
  }

  close(): void {
    this.off();
    clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, UPDATE_INTERVAL_MS);
  }

  private flush(): void {
    const next = this.recorder.model();
    const diff = diffModels(this.model, next);
    this.model = next;
    const chains = this.recorder.timeline(MAX_CHAINS).filter((c) => {
      const json = JSON.stringify(c);
      if (this.sent.get(c.id) === json) return false;
      this.sent.set(c.id, json);
      return true;
    });
    if (!isEmptyDiff(diff) || chains.length) this.socket.emit('cluster-view:update', { diff, chains });
  }
}

/** Registers the cluster view's events on a lab socket; `current` gives its attached sandbox. */
export function registerClusterView(socket: ViewSocket, current: () => Sandbox | undefined): void {
  let sub: Subscription | undefined;
  const stop = () => {
    sub?.close();
    sub = undefined;
  };
  socket.on('cluster-view:subscribe', (ack) => {
    if (typeof ack !== 'function') return;
    const sandbox = current();
    if (!sandbox) return ack(notAttached);
    const recorder = recorderFor(sandbox);
    if (!recorder) return ack(noCluster);
    stop();
    sub = new Subscription(socket, recorder);
    ack({ ok: true, ...sub.snapshot() });
  });
  socket.on('cluster-view:unsubscribe', stop);
  socket.on('cluster-view:inspect', (raw, ack) => {
    if (typeof ack !== 'function') return;
    const msg = ClusterViewInspect.safeParse(raw);
    if (!msg.success) return ack({ ok: false, code: 'bad-request', message: 'bad object reference' });
    const sandbox = current();
    if (!sandbox) return ack(notAttached);
    const recorder = recorderFor(sandbox);
    if (!recorder) return ack(noCluster);
    ack({ ok: true, detail: recorder.detail(msg.data) });
  });
  socket.on('disconnect', stop);
}
