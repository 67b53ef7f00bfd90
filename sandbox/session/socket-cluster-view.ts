// The cluster view's half of the lab socket: a subscriber gets the map and timeline of the
// sandbox its socket is attached to, then throttled diffs as the cluster changes, and the
// inspector's object details on request.
//
// A socket extension (extensions.ts): it runs where the Sandbox runs (a worker thread, or this
// one), on a socket-like object, with one ClusterViewFeed per engine shared by every viewer.
import { ClusterViewInspect } from '../protocol.js';
import { ClusterViewFeed } from '../cluster-view/feed.js';
import type { ViewSource } from '../cluster-view/recorder.js';
import type { ClusterViewSnapshot, ClusterViewUpdate, ObjectDetail, ObjectLink } from '../cluster-view/wire.js';

/** The part of a socket the view uses (a socket.io Socket, or the bridge's virtual one). */
interface ViewSocket {
  on(event: string, handler: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

const feeds = new WeakMap<object, ClusterViewFeed>();

/** The in-thread Sandbox's engine (Sandbox.clusterEngine). */
function engineOf(sandbox: object): ViewSource | undefined {
  const engine = (sandbox as { clusterEngine?: ViewSource }).clusterEngine;
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

async function view(sandbox: object, send: (u: ClusterViewUpdate) => void): Promise<Viewing | undefined> {
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
  const fail = (ack: (r: unknown) => void, e: unknown) => ack({ ok: false, code: 'unavailable', message: `The cluster view could not do that: ${(e as Error).message}` });
  socket.on('cluster-view:subscribe', (ack: (r: unknown) => void) => {
    if (typeof ack !== 'function') return;
    const sandbox = current();
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
  socket.on('cluster-view:inspect', (raw: unknown, ack: (r: unknown) => void) => {
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
