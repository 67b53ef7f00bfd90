// The cluster view's half of the lab socket: a subscriber gets the map and timeline of the
// sandbox its socket is attached to, then throttled diffs as the cluster changes, and the
// inspector's object details on request.
//
// Two homes for the feed: a Sandbox in this thread (one ClusterViewFeed per engine, kept here),
// or a sandbox behind a handle (worker threads): then the Sandbox owns the feed and exposes
// `clusterViewSubscribe` / `clusterViewInspect` and a `clusterView` listener event by name.
import type { Socket } from 'socket.io';
import { ClusterViewInspect, type ClientToServerEvents, type ServerToClientEvents } from '../protocol.js';
import { ClusterViewFeed } from '../cluster-view/feed.js';
import type { ViewSource } from '../cluster-view/recorder.js';
import type { ClusterViewSnapshot, ClusterViewUpdate, ObjectDetail, ObjectLink } from '../cluster-view/wire.js';

type ViewSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, unknown>;

/** A sandbox as the socket layer holds it: the Sandbox itself or a handle with call(). */
interface Attached {
  addListener(listener: Record<string, (...args: never[]) => void>): () => void;
  call?(method: string, ...args: unknown[]): Promise<unknown>;
}

const feeds = new WeakMap<object, ClusterViewFeed>();

/** The in-thread Sandbox's engine (kept private there; read where it is kept). */
function engineOf(sandbox: object): ViewSource | undefined {
  const engine = (sandbox as { cluster?: ViewSource }).cluster;
  return engine && typeof engine.onChange === 'function' ? engine : undefined;
}

export function feedFor(sandbox: object): ClusterViewFeed | undefined {
  const engine = engineOf(sandbox);
  if (!engine) return undefined;
  let feed = feeds.get(engine);
  if (!feed) feeds.set(engine, (feed = new ClusterViewFeed(engine)));
  return feed;
}

interface Viewing {
  snapshot: ClusterViewSnapshot;
  stop(): void;
  inspect(link: ObjectLink): Promise<ObjectDetail>;
}

async function view(sandbox: Attached, send: (u: ClusterViewUpdate) => void): Promise<Viewing | undefined> {
  if (typeof sandbox.call === 'function') {
    const call = sandbox.call.bind(sandbox);
    const off = sandbox.addListener({ clusterView: send as (...a: never[]) => void });
    const snapshot = (await call('clusterViewSnapshot')) as ClusterViewSnapshot | undefined;
    if (!snapshot) return off(), undefined;
    return { snapshot, stop: off, inspect: async (link) => (await call('clusterViewInspect', link)) as ObjectDetail };
  }
  const feed = feedFor(sandbox);
  if (!feed) return undefined;
  const { snapshot, unsubscribe } = feed.subscribe(send);
  return { snapshot, stop: unsubscribe, inspect: async (link) => feed.inspect(link) };
}

const notAttached = { ok: false as const, code: 'not-attached' as const, message: 'Not attached to a sandbox yet; reload the page.' };
const noCluster = { ok: false as const, code: 'unavailable' as const, message: 'This sandbox has no cluster to show.' };

/** Registers the cluster view's events on a lab socket; `current` gives its attached sandbox. */
export function registerClusterView(socket: ViewSocket, current: () => object | undefined): void {
  let viewing: Viewing | undefined;
  const stop = () => {
    viewing?.stop();
    viewing = undefined;
  };
  const fail = (ack: (r: never) => void, e: unknown) => ack({ ok: false, code: 'unavailable', message: `The cluster view could not do that: ${(e as Error).message}` } as never);
  socket.on('cluster-view:subscribe', (ack) => {
    if (typeof ack !== 'function') return;
    const sandbox = current() as Attached | undefined;
    if (!sandbox) return ack(notAttached);
    stop();
    view(sandbox, (u) => socket.emit('cluster-view:update', u))
      .then((v) => {
        viewing = v;
        ack(v ? { ok: true, ...v.snapshot } : noCluster);
      })
      .catch((e) => fail(ack, e));
  });
  socket.on('cluster-view:unsubscribe', stop);
  socket.on('cluster-view:inspect', (raw, ack) => {
    if (typeof ack !== 'function') return;
    const msg = ClusterViewInspect.safeParse(raw);
    if (!msg.success) return ack({ ok: false, code: 'bad-request', message: 'bad object reference' });
    if (!viewing) return ack(notAttached);
    viewing
      .inspect(msg.data)
      .then((detail) => ack({ ok: true, detail }))
      .catch((e) => fail(ack, e));
  });
  socket.on('disconnect', stop);
}
