// ingress-nginx end to end: the bare-metal install, an Ingress routing /foo and /bar and a host
// to two http-echo Deployments, requests through the controller's NodePort with a Host header,
// the 404 and 503 pages, and the status the controller publishes. Golden: the exchanges as text
// (regenerate with UPDATE_GOLDEN=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { ManualClock, SeededRandom } from '../clock.js';
import { createDefaultCluster, restoreDefaultCluster } from '../cluster.js';
import type { Engine } from '../engine.js';
import { requestFrom } from './request.js';
import { create, ctxOf, deployment, service, T0 } from './scenario.test-util.js';

function golden(name: string, text: string): void {
  const file = join(__dirname, '__golden__', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const shell = { kind: 'node', node: 'controlplane' } as const;
const INGRESSES = { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespace: 'default' };

function ingressCluster(): Engine {
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(7), ingressController: 'nginx' });
  engine.advance(30_000);
  deployment(engine, 'foo', 'hashicorp/http-echo', 1, { args: ['-text=foo'] });
  deployment(engine, 'bar', 'hashicorp/http-echo', 1, { args: ['-text=bar'] });
  service(engine, 'foo', { selector: { app: 'foo' }, ports: [{ port: 80, targetPort: 5678 }] });
  service(engine, 'bar', { selector: { app: 'bar' }, ports: [{ port: 80, targetPort: 5678 }] });
  service(engine, 'nothing', { selector: { app: 'nothing' }, ports: [{ port: 80 }] });
  const path = (p: string, svc: string, pathType = 'Prefix') => ({ path: p, pathType, backend: { service: { name: svc, port: { number: 80 } } } });
  create(engine, 'networking.k8s.io', 'ingresses', {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'echo' },
    spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [path('/foo', 'foo'), path('/bar', 'bar'), path('/empty', 'nothing', 'Exact')] } }, { host: 'bar.example.com', http: { paths: [path('/', 'bar')] } }] },
  });
  engine.advance(10_000);
  return engine;
}

function nodePort(engine: Engine): number {
  const svc = engine.api.get({ group: '', version: 'v1', resource: 'services', namespace: 'ingress-nginx', name: 'ingress-nginx-controller' }) as unknown as Service;
  return svc.spec!.ports!.find((p) => p.name === 'http')!.nodePort!;
}

function exchange(engine: Engine, path: string, host: string): string {
  const port = nodePort(engine);
  const out = requestFrom(ctxOf(engine), shell, { host: '172.30.1.3', port }, { method: 'GET', path, headers: [['Host', host]] });
  if (out.kind !== 'response') return `${host}${path} -> ${out.kind}\n`;
  const r = out.response;
  return `$ curl -i -H 'Host: ${host}' http://172.30.1.3:<nodePort>${path}\nHTTP/1.1 ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `${k}: ${v}\n`).join('')}\n${r.body}\n`;
}

describe('ingress-nginx', () => {
  const engine = ingressCluster();

  it('routes by path and host, 404 without a rule, 503 without endpoints', () => {
    const cases: Array<[string, string]> = [['/foo', '172.30.1.3'], ['/bar/x', '172.30.1.3'], ['/foobar', '172.30.1.3'], ['/', 'bar.example.com'], ['/empty', '172.30.1.3']];
    golden('ingress-requests.txt', cases.map(([p, h]) => exchange(engine, p, h)).join(''));
    expect(exchange(engine, '/foo/a', 'x')).toContain('\nfoo\n');
    expect(exchange(engine, '/nope', 'x')).toContain('404 Not Found');
  });

  it('picks the server by Host first: a host rule without the path is a 404 even if a host-less rule has it', () => {
    expect(exchange(engine, '/foo', 'bar.example.com:32000')).toContain('\nbar\n'); // its / rule is a prefix of everything
    expect(exchange(engine, '/empty/x', 'x')).toContain('404 Not Found'); // Exact does not match below the path
  });

  it('publishes the InternalIP of the node running the controller, with Sync events', () => {
    const ing = engine.api.get({ ...INGRESSES, name: 'echo' }) as { status?: { loadBalancer?: { ingress?: Array<{ ip?: string }> } } };
    const ip = ing.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toMatch(/^172\.30\.1\.[34]$/);
    const events = engine.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items.filter((e) => (e as { involvedObject?: { kind?: string } }).involvedObject?.kind === 'Ingress');
    expect(events.map((e) => `${(e as { reason?: string }).reason} ${(e as { message?: string }).message} x${(e as { count?: number }).count}`)).toEqual(['Sync Scheduled for sync x2']);
  });

  it('ignores an Ingress of another class', () => {
    create(engine, 'networking.k8s.io', 'ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'other' }, spec: { ingressClassName: 'traefik', defaultBackend: { service: { name: 'foo', port: { number: 80 } } } } });
    engine.advance(5_000);
    const ing = engine.api.get({ ...INGRESSES, name: 'other' }) as { status?: { loadBalancer?: { ingress?: unknown[] } } };
    expect(ing.status?.loadBalancer?.ingress).toBeUndefined();
    expect(exchange(engine, '/nope', 'x')).toContain('404 Not Found');
  });
});

describe('ingress-nginx server selection', () => {
  it('a host server with no matching location answers 404', () => {
    const engine = ingressCluster();
    create(engine, 'networking.k8s.io', 'ingresses', {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'only-host' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'foo.example.com', http: { paths: [{ path: '/exact', pathType: 'Exact', backend: { service: { name: 'foo', port: { number: 80 } } } }] } }] },
    });
    engine.advance(2_000);
    expect(exchange(engine, '/foo', 'foo.example.com')).toContain('404 Not Found');
    expect(exchange(engine, '/exact', 'FOO.example.com')).toContain('\nfoo\n');
    expect(exchange(engine, '/foo', 'other.example.com')).toContain('\nfoo\n');
  });
});

describe('ingress classes', () => {
  const engine = ingressCluster();
  const classless = (name: string, annotations?: Record<string, string>) =>
    create(engine, 'networking.k8s.io', 'ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, ...(annotations ? { annotations } : {}) }, spec: { rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'foo', port: { number: 80 } } } }] } }] } });
  const address = (name: string) => (engine.api.get({ ...INGRESSES, name }) as { status?: { loadBalancer?: { ingress?: Array<{ ip?: string }> } } }).status?.loadBalancer?.ingress?.[0]?.ip;

  it('ignores an Ingress without a class while no class is the default; the old annotation still works', () => {
    classless('plain');
    classless('annotated', { 'kubernetes.io/ingress.class': 'nginx' });
    engine.advance(2_000);
    expect(address('plain')).toBeUndefined();
    expect(exchange(engine, '/', 'plain.example.com')).toContain('404 Not Found');
    expect(address('annotated')).toMatch(/^172\.30\.1\./);
    expect(exchange(engine, '/', 'annotated.example.com')).toContain('\nfoo\n');
  });

  it('DefaultIngressClass admission gives a new class-less Ingress the default class', () => {
    const api = engine.client('kubectl');
    const ref = { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' };
    const nginx = api.get({ ...ref, name: 'nginx' });
    api.update({ ...ref, name: 'nginx' }, { ...nginx, metadata: { ...nginx.metadata, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } });
    classless('defaulted');
    engine.advance(2_000);
    expect((engine.api.get({ ...INGRESSES, name: 'defaulted' }) as { spec?: { ingressClassName?: string } }).spec?.ingressClassName).toBe('nginx');
    expect(address('defaulted')).toMatch(/^172\.30\.1\./);
  });
});

describe('ingress-nginx after a restore', () => {
  const syncCounts = (engine: Engine) => engine.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items.filter((e) => (e as { reason?: string }).reason === 'Sync').map((e) => (e as { count?: number }).count);

  it('keeps routing and does not sync an unchanged Ingress again', () => {
    const engine = restoreDefaultCluster(JSON.parse(JSON.stringify(ingressCluster().snapshot())));
    const api = engine.client('kubectl');
    const ref = { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' };
    const nginx = api.get({ ...ref, name: 'nginx' });
    api.update({ ...ref, name: 'nginx' }, { ...nginx, metadata: { ...nginx.metadata, labels: { ...nginx.metadata.labels, touched: 'yes' } } }); // makes it look at every Ingress
    engine.advance(30_000);
    expect(exchange(engine, '/bar', 'x')).toContain('\nbar\n');
    expect(syncCounts(engine)).toEqual([2]);
  });

  it('a replaced controller pod syncs every Ingress once more', () => {
    const engine = ingressCluster();
    const pods = engine.client('kubectl');
    const podRef = { group: '', version: 'v1', resource: 'pods', namespace: 'ingress-nginx' };
    const controller = pods.list(podRef).items[0];
    const address = () => (engine.api.get({ ...INGRESSES, name: 'echo' }) as { status?: { loadBalancer?: { ingress?: Array<{ ip?: string }> } } }).status?.loadBalancer?.ingress?.[0]?.ip;
    const before = address();
    pods.delete({ ...podRef, name: controller.metadata.name! }, { gracePeriodSeconds: 0 });
    engine.advance(60_000);
    // Added to the new pod's cache, then once more if it runs on another node (its status update).
    expect(syncCounts(engine)).toEqual([address() === before ? 3 : 4]);
  });
});
