// The HTTP front's routing, negotiation and error answers, over a small in-memory ApiClient
// (test-only; the compat suite drives the real engine with the real kubectl).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alreadyExists, notFound, tooOldResourceVersion } from '../engine/api/errors.js';
import type { ApiClient, ResourceRef, WatchEvent } from '../engine/api/types.js';
import type { KubeObject } from '../engine/objects.js';
import { readFileSync } from 'node:fs';
import { createApiServer } from './server.js';

function memoryApi(): ApiClient & { objects: Map<string, KubeObject> } {
  const objects = new Map<string, KubeObject>();
  const watchers = new Set<(e: WatchEvent) => void>();
  let rv = 100;
  const key = (r: ResourceRef, name = r.name) => `${r.resource}/${r.namespace ?? ''}/${name}`;
  const emit = (type: WatchEvent['type'], object: KubeObject) => watchers.forEach((w) => w({ type, object }));
  return {
    objects,
    create(ref, body) {
      const obj = body as KubeObject;
      const k = key(ref, obj.metadata.name);
      if (objects.has(k)) throw alreadyExists({ group: ref.group, resource: ref.resource }, obj.metadata.name!);
      const stored = { ...obj, metadata: { ...obj.metadata, namespace: ref.namespace, resourceVersion: String(++rv), creationTimestamp: '2026-01-01T00:00:00Z' } };
      objects.set(k, stored);
      emit('ADDED', stored);
      return stored;
    },
    get(ref) {
      const obj = objects.get(key(ref));
      if (!obj) throw notFound({ group: ref.group, resource: ref.resource }, ref.name!);
      return obj;
    },
    list(ref) {
      const items = [...objects.entries()].filter(([k]) => k.startsWith(`${ref.resource}/${ref.namespace ?? ''}`)).map(([, v]) => v);
      return { apiVersion: 'v1', kind: 'ConfigMapList', metadata: { resourceVersion: String(rv) }, items };
    },
    update: () => { throw new Error('unused'); },
    patch: () => { throw new Error('unused'); },
    delete(ref) {
      const obj = this.get(ref);
      objects.delete(key(ref));
      emit('DELETED', obj);
      return { code: 200, body: obj };
    },
    deleteCollection: () => { throw new Error('unused'); },
    watch(_ref, opts, onEvent) {
      if (opts.resourceVersion === '1') throw tooOldResourceVersion(1, 100);
      watchers.add(onEvent);
      return { stop: () => watchers.delete(onEvent) };
    },
  };
}

const api = memoryApi();
let server: Server;
let base: string;
const auth = { Authorization: 'Bearer secret' };

beforeAll(async () => {
  server = createApiServer({ engine: { api }, token: 'secret', now: () => Date.parse('2026-01-01T00:05:00Z') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const AGG = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('createApiServer', () => {
  it('answers 401 Unauthorized without the bearer token', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('serves /version and /healthz without a token', async () => {
    expect((await (await fetch(`${base}/version`)).json()).gitVersion).toBe('v1.32.5');
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
    expect(await (await fetch(`${base}/readyz?verbose`)).text()).toMatch(/\[\+\]etcd ok\n[\s\S]*readyz check passed\n$/);
  });

  it('answers aggregated discovery with its exact Content-Type, legacy otherwise', async () => {
    const agg = await fetch(`${base}/apis`, { headers: { ...auth, Accept: AGG } });
    expect(agg.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = await agg.json();
    const apps = body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
    expect(deployments).toMatchObject({ scope: 'Namespaced', shortNames: ['deploy'], categories: ['all'], singularResource: 'deployment' });
    expect(apps.versions[0].freshness).toBe('Current');
    const legacy = await fetch(`${base}/api`, { headers: auth });
    expect(legacy.headers.get('content-type')).toBe('application/json');
    expect((await legacy.json()).kind).toBe('APIVersions');
    const list = await (await fetch(`${base}/apis/apps/v1`, { headers: auth })).json();
    expect(list.resources.map((r: { name: string }) => r.name)).toContain('deployments/scale');
  });

  it('creates from a protobuf body and answers 201 with JSON', async () => {
    const body = readFileSync(new URL('./protobuf/__fixtures__/create-configmap.bin', import.meta.url));
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/vnd.kubernetes.protobuf, */*' },
      body,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).data).toEqual({ a: '1', b: 'two' });
    const again = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/vnd.kubernetes.protobuf' }, body });
    expect(again.status).toBe(409);
    expect((await again.json()).message).toBe('configmaps "cfg" already exists');
  });

  it('renders a Table when asked, with the negotiated Content-Type', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?limit=500`, { headers: { ...auth, Accept: TABLE } });
    expect(res.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const table = await res.json();
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(table.rows[0].cells).toEqual(['cfg', 2, '5m']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('rejects malformed JSON with the real message, and unknown content types with 415', async () => {
    const bad = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"kind": x}' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe("couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value");
    const odd = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: 'x' });
    expect(odd.status).toBe(415);
    const big = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: 'x'.repeat(3 * 1024 * 1024 + 1) }).catch(() => undefined);
    if (big) {
      expect(big.status).toBe(413);
      expect((await big.json()).message).toBe('Request entity too large: limit is 3145728');
    }
  });

  it('answers 404 for unknown paths and resources', async () => {
    const res = await fetch(`${base}/apis/apps/v1/namespaces/default/widgets`, { headers: auth });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe('the server could not find the requested resource');
    const missing = await fetch(`${base}/api/v1/namespaces/default/configmaps/nope`, { headers: auth });
    expect((await missing.json()).message).toBe('configmaps "nope" not found');
  });

  it('streams watch events line by line and ends at timeoutSeconds', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1`, { headers: auth });
    expect(res.headers.get('content-type')).toBe('application/json');
    setTimeout(() => api.create({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1' } }), 100);
    const text = await res.text();
    const events = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([['ADDED', 'w1']]);
  });

  it('answers a too-old resourceVersion with an ERROR event carrying the 410 Status', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1`, { headers: auth });
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toEqual({
      type: 'ERROR',
      object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 1 (100)', reason: 'Expired', code: 410 },
    });
  });

  it('sends column definitions only in the first event of a Table watch', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1`, { headers: { ...auth, Accept: TABLE } });
    expect(res.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const ref = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };
    setTimeout(() => {
      api.create(ref, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't1' } });
      api.create(ref, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 't2' } });
    }, 100);
    const events = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => [e.type, e.object.kind, e.object.rows[0].cells[0], e.object.columnDefinitions?.length ?? null])).toEqual([
      ['ADDED', 'Table', 't1', 3],
      ['ADDED', 'Table', 't2', null],
    ]);
  });

  it('answers delete with the object and its code', async () => {
    const res = await fetch(`${base}/api/v1/namespaces/default/configmaps/w1`, { method: 'DELETE', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"propagationPolicy":"Background"}' });
    expect(res.status).toBe(200);
    expect((await res.json()).metadata.name).toBe('w1');
  });

  it('answers SelfSubjectAccessReview as allowed for the sandbox admin', async () => {
    const res = await fetch(`${base}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec: { resourceAttributes: { verb: 'create', resource: 'pods' } } }),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).status).toEqual({ allowed: true });
  });
});
