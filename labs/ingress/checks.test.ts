// The ingress lab's routing checks on hand-made states: each failure says what to change.
import { describe, expect, it } from 'vitest';
import type { GradingState } from '../../sandbox/grading/check.js';
import type { KubeObject } from '../../sandbox/engine/objects.js';
import { routesTo } from './checks.js';

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', ...extra });
const pod = (app: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta(`${app}-1`, { labels: { app } }) });
const service = (app: string, port = 80): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(app), spec: { selector: { app }, ports: [{ port, targetPort: 5678 }] } });
const endpoints = (app: string): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta(app), subsets: [{ addresses: [{ ip: '10.244.1.3' }] }] } as KubeObject);
const path = (p: string, svc: string, port = 80) => ({ path: p, pathType: 'Prefix', backend: { service: { name: svc, port: { number: port } } } });
function ingress(paths: ReturnType<typeof path>[], opts: { className?: string; address?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('echo'),
    spec: { ingressClassName: opts.className ?? 'nginx', rules: [{ http: { paths } }] },
    status: { loadBalancer: opts.address === false ? {} : { ingress: [{ ip: '172.30.1.4' }] } },
  } as KubeObject;
}
const apps = [pod('foo'), pod('bar'), service('foo'), service('bar'), endpoints('foo'), endpoints('bar')];
const state = (objects: KubeObject[]): GradingState => ({ objects, files: new Map() });

describe('ingress lab: routesTo', () => {
  it('passes when the path reaches the right Service with endpoints and the controller took the Ingress', () => {
    const r = routesTo(state([...apps, ingress([path('/foo', 'foo'), path('/bar', 'bar')])]), '/bar', 'bar');
    expect(r).toMatchObject({ passed: true, message: '`/bar` reaches the Service `bar` through ingress-nginx at 172.30.1.4.' });
  });
  it('says what is missing', () => {
    expect(routesTo(state(apps), '/bar', 'bar').message).toContain('no Ingress of class `nginx`');
    expect(routesTo(state([...apps, ingress([path('/foo', 'foo')], { className: 'traefik' })]), '/foo', 'foo').message).toContain('no Ingress of class `nginx`');
    expect(routesTo(state([...apps, ingress([path('/foo', 'foo')])]), '/bar', 'bar').message).toContain('No rule of your Ingress matches the path `/bar`');
    expect(routesTo(state([...apps, ingress([path('/foo', 'foo'), path('/bar', 'foo')])]), '/bar', 'bar').message).toContain('goes to the Service `foo`');
    expect(routesTo(state([...apps, ingress([path('/bar', 'bar', 5678)])]), '/bar', 'bar').message).toContain('names port 5678 of Service `bar`');
    expect(routesTo(state([...apps, ingress([path('/bar', 'bar')], { address: false })]), '/bar', 'bar').message).toContain('has not published an address');
  });
  it('a Prefix /bar does not route /barn', () => {
    expect(routesTo(state([...apps, ingress([path('/barn', 'bar')])]), '/bar', 'bar').passed).toBe(false);
  });
});
