// The cluster view over a real socket.io server and client, on a real sandbox and engine.
// The socket is wired to one in-thread Sandbox here (registerClusterView is what socket.ts calls).
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLab } from '../../labs/registry.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol.js';
import { mergeChain, type ClusterViewSnapshot, type ClusterViewUpdate, type ObjectDetail } from '../cluster-view/wire.js';
import { applyDiff } from '../cluster-view/diff.js';
import { loadRuntime } from './runtime.js';
import { Sandbox } from './sandbox.js';
import { registerClusterView } from './socket-cluster-view.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let http: HttpServer;
let url: string;
let sandbox: Sandbox | undefined;
const clients: Client[] = [];

beforeAll(async () => {
  http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  io.on('connection', (s) => registerClusterView(s, () => sandbox));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  sandbox?.dispose();
  await new Promise((r) => http.close(r));
});

type Ok<T> = { ok: true } & T;
const subscribe = (c: Client) => new Promise<unknown>((resolve) => c.emit('cluster-view:subscribe', resolve));

describe('cluster view socket', () => {
  it('refuses before attach, then sends the map, live diffs, the chain and an object', async () => {
    const c: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(c);
    await new Promise((r) => c.once('connect', () => r(undefined)));
    expect(await subscribe(c)).toMatchObject({ ok: false, code: 'not-attached' });
    sandbox = Sandbox.create({ id: 'u:deploy-nginx', userId: 'u', lab: findLab('deploy-nginx')!, runtime: await loadRuntime(), wallNow: Date.now });
    sandbox.start();
    const first = (await subscribe(c)) as Ok<ClusterViewSnapshot>;
    expect(first.ok).toBe(true);
    expect(first.model.nodes).toEqual(['controlplane', 'node01', 'node02']);
    let model = first.model;
    const chains = new Map(first.chains.map((ch) => [ch.id, ch]));
    c.on('cluster-view:update', (u: ClusterViewUpdate) => {
      model = applyDiff(model, u.diff);
      for (const ch of u.chains) chains.set(ch.id, mergeChain(chains.get(ch.id), ch));
    });
    sandbox.input('kubectl create deployment web --image=nginx --replicas=3\r');
    await expect.poll(() => model.items.filter((i) => i.kind === 'pod' && i.namespace === 'default' && i.status === 'Running' && i.node).length, { timeout: 20_000 }).toBe(3);
    const chain = [...chains.values()].find((ch) => ch.title === 'create deployments.apps default/web');
    expect(chain?.steps.some((s) => s.stage === 'scheduler')).toBe(true);
    const pod = model.items.find((i) => i.kind === 'pod' && i.namespace === 'default')!;
    const res = await new Promise<Ok<{ detail: ObjectDetail }>>((resolve) => c.emit('cluster-view:inspect', pod.ref!, resolve as never));
    expect(res.detail.yaml).toContain(`name: ${pod.name}`);
    expect(await new Promise((resolve) => c.emit('cluster-view:inspect', { name: '' } as never, resolve))).toMatchObject({ ok: false, code: 'bad-request' });
  }, 30_000);
});
