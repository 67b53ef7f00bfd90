// pods/log over HTTP against the lab engine: the kubelet's log lines, and the real errors.
import type { AddressInfo } from 'node:net';
import { Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabEngine, type LabEngine } from './lab-engine.js';
import { serveEngine, type Serving } from './serve.js';

let engine: LabEngine;
let serving: Serving;
const pods = { group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' };

beforeAll(async () => {
  engine = createLabEngine({ now: Date.parse('2026-01-01T00:00:00Z') });
  engine.api.create(pods, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { serviceAccountName: 'coredns', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  });
  engine.advance(60_000);
  serving = await serveEngine(engine, 't');
});
afterAll(() => serving.close());

async function get(path: string): Promise<{ code: number; text: string }> {
  const { request } = await import('node:https');
  const port = (serving.server.address() as AddressInfo).port;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: new Agent({ ca: serving.caCert }), headers: { Authorization: 'Bearer t' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pods/log', () => {
  it('answers the container log as text, honouring tailLines', async () => {
    const pod = engine.api.get({ ...pods, name: 'web' });
    const all = await get(`/api/v1/namespaces/kube-system/pods/${pod.metadata.name}/log`);
    const tail = await get(`/api/v1/namespaces/kube-system/pods/${pod.metadata.name}/log?tailLines=1`);
    expect(all.code).toBe(200);
    expect(all.text).toMatch(/start worker processes\n/);
    expect(tail.text.split('\n').filter(Boolean)).toEqual(all.text.split('\n').filter(Boolean).slice(-1));
  });

  it('rejects an unknown container and a missing previous instance with the real texts', async () => {
    const pod = engine.api.list(pods).items.find((p) => p.metadata.name?.startsWith('kube-proxy-'))!;
    const bad = await get(`/api/v1/namespaces/kube-system/pods/${pod.metadata.name}/log?container=nope`);
    expect(bad.code).toBe(400);
    expect(JSON.parse(bad.text).message).toBe(`container nope is not valid for pod ${pod.metadata.name}`);
    const prev = await get(`/api/v1/namespaces/kube-system/pods/${pod.metadata.name}/log?previous=true`);
    expect(JSON.parse(prev.text).message).toBe(`previous terminated container "kube-proxy" in pod "${pod.metadata.name}" not found`);
  });
});
