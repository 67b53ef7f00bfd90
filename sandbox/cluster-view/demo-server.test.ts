// A lesson's demonstration over a real socket.io namespace: it plays to the end and the view
// built from its snapshot and updates shows the replaced pod.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDiff } from './diff.js';
import { registerClusterDemo, runningDemos } from './demo-server.js';
import { DEMO_NAMESPACE, type ClusterModel, type DemoClientEvents, type DemoServerEvents, type DemoStartResult } from './wire.js';

let http: HttpServer;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  http = createServer();
  const io = new Server(http);
  registerClusterDemo(io.of(DEMO_NAMESPACE), { tickEveryMs: 5 });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${DEMO_NAMESPACE}`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await new Promise((r) => http.close(r));
});

describe('cluster demo namespace', () => {
  it('plays replace-deleted-pod to the end and refuses an unknown scenario', async () => {
    const c: Socket<DemoServerEvents, DemoClientEvents> = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(c);
    expect(await new Promise<DemoStartResult>((r) => c.emit('demo:start', { scenario: 'nope' }, r))).toEqual({ ok: false, message: 'No such demonstration.' });
    let model: ClusterModel = { nodes: [], items: [] };
    c.on('cluster-view:update', (u) => (model = applyDiff(model, u.diff)));
    const done = new Promise<void>((resolve) => c.on('demo:act', (a) => a.done && resolve()));
    const started = await new Promise<DemoStartResult>((r) => c.emit('demo:start', { scenario: 'replace-deleted-pod' }, r));
    if (!started.ok) throw new Error(started.message);
    model = started.model;
    expect(started.demo.acts.map((a) => a.command)).toEqual(['kubectl create deployment web --image=nginx --replicas=3', 'kubectl delete pod <the first web pod>']);
    expect(runningDemos()).toBe(1);
    await done;
    expect(runningDemos()).toBe(0);
    await expect.poll(() => model.items.filter((i) => i.kind === 'pod' && i.namespace === 'default' && i.status === 'Running').length, { timeout: 5000 }).toBe(3);
    const pod = model.items.find((i) => i.kind === 'pod' && i.namespace === 'default')!;
    const res = await new Promise<{ ok: boolean }>((r) => c.emit('cluster-view:inspect', pod.ref!, r));
    expect(res.ok).toBe(true);
  }, 30_000);
});
