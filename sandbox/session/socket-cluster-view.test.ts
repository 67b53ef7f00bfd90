// The cluster view over a real socket.io server and client, on a real sandbox and engine.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerCookies, LEARNER_COOKIE } from '../../server/guest.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol.js';
import type { ClusterViewSnapshot, ClusterViewUpdate, ObjectDetail } from '../cluster-view/wire.js';
import { applyDiff } from '../cluster-view/diff.js';
import { SandboxManager } from './manager.js';
import { registerSandboxSockets, type SandboxServer } from './socket.js';
import { MemorySandboxStore } from './store.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const cookies = learnerCookies('test-secret-test-secret-test-secret-42');
const manager = new SandboxManager({ store: new MemorySandboxStore(), saveDelayMs: 10, log: () => {} });
let http: HttpServer;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  http = createServer();
  const io: SandboxServer = new Server(http);
  registerSandboxSockets(io, { manager, authenticate: (h) => cookies.verify(h) });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await manager.shutdown();
  await new Promise((r) => http.close(r));
});

function client(userId: string): Client {
  const c: Client = connect(url, { transports: ['websocket'], extraHeaders: { cookie: `${LEARNER_COOKIE}=${cookies.sign(userId)}` }, reconnection: false });
  clients.push(c);
  return c;
}
type Ok<T> = { ok: true } & T;
const subscribe = (c: Client) => new Promise<unknown>((resolve) => c.emit('cluster-view:subscribe', resolve));

describe('cluster view socket', () => {
  it('refuses before attach, then sends the map, live diffs, the chain and an object', async () => {
    const c = client('guest-viewer-001');
    await new Promise((r) => c.once('connect', () => r(undefined)));
    expect(await subscribe(c)).toMatchObject({ ok: false, code: 'not-attached' });
    await new Promise((resolve) => c.emit('sandbox:attach', { labSlug: 'deploy-nginx', cols: 80, rows: 24 }, resolve));
    const first = (await subscribe(c)) as Ok<ClusterViewSnapshot>;
    expect(first.ok).toBe(true);
    expect(first.model.nodes).toEqual(['controlplane', 'node01', 'node02']);
    let model = first.model;
    const chains = new Map(first.chains.map((ch) => [ch.id, ch]));
    c.on('cluster-view:update', (u: ClusterViewUpdate) => {
      model = applyDiff(model, u.diff);
      for (const ch of u.chains) chains.set(ch.id, ch);
    });
    c.emit('terminal:input', { data: 'kubectl create deployment web --image=nginx --replicas=3\r' });
    await expect.poll(() => model.items.filter((i) => i.kind === 'pod' && i.namespace === 'default' && i.status === 'Running' && i.node).length, { timeout: 20_000 }).toBe(3);
    const chain = [...chains.values()].find((ch) => ch.title === 'create deployments.apps default/web');
    expect(chain?.steps.some((s) => s.stage === 'scheduler')).toBe(true);
    const pod = model.items.find((i) => i.kind === 'pod' && i.namespace === 'default')!;
    const res = await new Promise<Ok<{ detail: ObjectDetail }>>((resolve) => c.emit('cluster-view:inspect', pod.ref!, resolve as never));
    expect(res.detail.yaml).toContain(`name: ${pod.name}`);
    expect(await new Promise((resolve) => c.emit('cluster-view:inspect', { name: '' } as never, resolve))).toMatchObject({ ok: false, code: 'bad-request' });
  }, 30_000);
});
