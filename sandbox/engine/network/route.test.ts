import { describe, expect, it } from 'vitest';
import { connect } from './route.js';
import { lookupHost, requestFrom } from './request.js';
import { ctxOf, svcIP, webCluster } from './scenario.test-util.js';

const shell = { kind: 'node', node: 'controlplane' } as const;
const get = { method: 'GET', path: '/', headers: [] };

describe('routing from the shell', () => {
  const engine = webCluster();
  it('reaches nginx through a ClusterIP', () => {
    const out = requestFrom(ctxOf(engine), shell, { host: svcIP(engine, 'web'), port: 80 }, get);
    expect(out.kind).toBe('response');
    if (out.kind === 'response') expect(out.response.body).toContain('Welcome to nginx!');
  });
  it('reaches http-echo through targetPort 8080', () => {
    const out = requestFrom(ctxOf(engine), shell, { host: svcIP(engine, 'echo'), port: 80 }, get);
    expect(out.kind === 'response' && out.response.body).toBe('hello from echo\n');
  });
  it('refuses a Service without endpoints and drops an unknown port', () => {
    expect(connect(ctxOf(engine), shell, svcIP(engine, 'empty'), 80).kind).toBe('refused');
    expect(connect(ctxOf(engine), shell, svcIP(engine, 'web'), 81).kind).toBe('timeout');
  });
  it('reaches the NodePort on every node and the LoadBalancer IP', () => {
    for (const ip of ['172.30.1.2', '172.30.1.3', '172.30.1.4']) expect(connect(ctxOf(engine), shell, ip, 30080).kind).toBe('connected');
    expect(connect(ctxOf(engine), shell, '172.30.255.200', 80).kind).toBe('connected');
  });
  it('does not resolve cluster names with the node resolver', () => {
    expect(lookupHost(ctxOf(engine), shell, 'web').ok).toBe(false);
    expect(lookupHost(ctxOf(engine), shell, 'node01')).toMatchObject({ ok: true, addresses: ['172.30.1.3'] });
  });
});
