// Requests from inside pods: CoreDNS names through the pod's resolv.conf, egress and
// namespaceSelector policies, externalTrafficPolicy Local, sessionAffinity and headless names.
import { describe, expect, it } from 'vitest';
import { connect } from './route.js';
import { lookupHost, pingable, requestFrom } from './request.js';
import { create, ctxOf, service, svcIP, webCluster } from './scenario.test-util.js';

const get = { method: 'GET', path: '/', headers: [] };

function clientPod(engine: ReturnType<typeof webCluster>, name: string, ns = 'default', labels: Record<string, string> = { run: name }) {
  create(engine, '', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: [{ name, image: 'busybox', command: ['sleep', '3600'] }] } });
}

describe('requests from pods', () => {
  const engine = webCluster();
  create(engine, '', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', labels: { team: 'b' } } });
  engine.runUntilIdle(); // the namespace's default ServiceAccount
  clientPod(engine, 'client');
  clientPod(engine, 'stranger', 'other');
  engine.advance(10_000);
  const from = (name: string, namespace = 'default') => ({ kind: 'pod', namespace, name }) as const;

  it('resolves short, namespaced and FQDN service names through the search list', () => {
    const ctx = ctxOf(engine);
    expect(lookupHost(ctx, from('client'), 'web')).toMatchObject({ ok: true, addresses: [svcIP(engine, 'web')], tried: ['web.default.svc.cluster.local'] });
    expect(lookupHost(ctx, from('stranger', 'other'), 'web')).toMatchObject({ ok: false, reason: 'nxdomain' });
    expect(lookupHost(ctx, from('stranger', 'other'), 'web.default')).toMatchObject({ ok: true, addresses: [svcIP(engine, 'web')] });
    const out = requestFrom(ctx, from('stranger', 'other'), { host: 'echo.default.svc.cluster.local', port: 80 }, get);
    expect(out.kind === 'response' && out.response.body).toBe('hello from echo\n');
  });

  it('publishes headless endpoints and StatefulSet-style hostnames', () => {
    service(engine, 'db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] });
    create(engine, '', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db-0', namespace: 'default', labels: { app: 'db' } }, spec: { hostname: 'db-0', subdomain: 'db', containers: [{ name: 'nginx', image: 'nginx' }] } });
    engine.advance(10_000);
    const pod = engine.api.get({ group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'db-0' }) as unknown as { status: { podIP: string } };
    expect(lookupHost(ctxOf(engine), from('client'), 'db-0.db')).toMatchObject({ ok: true, addresses: [pod.status.podIP] });
    expect(lookupHost(ctxOf(engine), from('client'), 'db')).toMatchObject({ ok: true, addresses: [pod.status.podIP] });
  });

  it('allows only what a policy lets in: podSelector and namespaceSelector', () => {
    create(engine, 'networking.k8s.io', 'networkpolicies', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web-from-client', namespace: 'default' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { run: 'client' } } }, { namespaceSelector: { matchLabels: { team: 'c' } } }], ports: [{ port: 80 }] }] },
    });
    const web = svcIP(engine, 'web');
    expect(connect(ctxOf(engine), from('client'), web, 80).kind).toBe('connected');
    expect(connect(ctxOf(engine), from('stranger', 'other'), web, 80).kind).toBe('timeout');
    expect(connect(ctxOf(engine), from('stranger', 'other'), svcIP(engine, 'echo'), 80).kind).toBe('connected');
    expect(pingable(ctxOf(engine), from('stranger', 'other'), (engine.api.list({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }).items.find((p) => p.metadata.labels?.app === 'web')!.status as { podIP: string }).podIP).reply).toBe(false);
  });

  it('an egress policy without DNS breaks name resolution but not IPs', () => {
    create(engine, 'networking.k8s.io', 'networkpolicies', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'client-egress', namespace: 'default' },
      spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'echo' } } }] }] },
    });
    expect(lookupHost(ctxOf(engine), from('client'), 'echo')).toMatchObject({ ok: false, reason: 'timeout' });
    expect(connect(ctxOf(engine), from('client'), svcIP(engine, 'echo'), 80).kind).toBe('connected');
    expect(connect(ctxOf(engine), from('client'), svcIP(engine, 'web'), 80).kind).toBe('timeout');
  });

  it('externalTrafficPolicy Local answers only on nodes with an endpoint; ClientIP affinity sticks', () => {
    service(engine, 'echo-local', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'echo' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30090 }] });
    const echoNode = (engine.api.list({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }).items.find((p) => p.metadata.labels?.app === 'echo')!.spec as { nodeName: string }).nodeName;
    const ipOf = (n: string) => ({ controlplane: '172.30.1.2', node01: '172.30.1.3', node02: '172.30.1.4' })[n]!;
    const other = echoNode === 'node01' ? 'node02' : 'node01';
    const shell = { kind: 'node', node: 'controlplane' } as const;
    expect(connect(ctxOf(engine), shell, ipOf(echoNode), 30090).kind).toBe('connected');
    expect(connect(ctxOf(engine), shell, ipOf(other), 30090).kind).toBe('timeout');
    engine.api.delete({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', namespace: 'default', name: 'web-from-client' });
    service(engine, 'sticky', { selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ port: 80 }] });
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const out = connect(ctxOf(engine), shell, svcIP(engine, 'sticky'), 80);
      if (out.kind === 'connected') seen.add(out.endpoint);
    }
    expect(seen.size).toBe(1);
  });
});
