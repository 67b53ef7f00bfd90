import { describe, expect, it } from 'vitest';
import { findLab } from '../../labs/registry.js';
import type { ChecksUpdate } from '../protocol.js';
import { Sandbox } from './sandbox.js';

// A server whose engine and shell are not there: the sandbox still serves files and checks.
const partial = { missing: ['sandbox/engine/cluster.ts: not built yet'] };
const deps = () => ({ id: 'u:deploy-nginx', userId: 'u', lab: findLab('deploy-nginx')!, runtime: partial, wallNow: () => 1_000 });

describe('Sandbox without a cluster engine', () => {
  it('says what is missing on its terminal and still grades the files', async () => {
    const sandbox = Sandbox.create(deps());
    const updates: ChecksUpdate[] = [];
    sandbox.addListener({ output: () => {}, files: () => {}, checks: (u) => updates.push(u) });
    sandbox.start();
    expect(sandbox.screen()).toContain('missing sandbox/engine/cluster.ts: not built yet');
    expect(sandbox.checks().checks.find((c) => c.id === 'manifest-written')?.state).toBe('failed');
    sandbox.fs.writeFile('/root/d.yaml', 'kind: Deployment\nmetadata:\n  name: other\n');
    await new Promise((r) => setTimeout(r, 100)); // grading waits for the burst to end
    expect(updates.at(-1)?.checks.find((c) => c.id === 'manifest-written')?.state).toBe('passed');
    sandbox.dispose();
  });

  it('restores files, cwd and screen from a JSON snapshot', () => {
    const sandbox = Sandbox.create(deps());
    sandbox.start();
    sandbox.fs.mkdir('/root/work');
    sandbox.fs.writeFile('/root/work/a.yaml', 'a: 1\n');
    sandbox.fs.chdir('/root/work');
    const back = Sandbox.restore(deps(), JSON.parse(JSON.stringify(sandbox.snapshot())));
    expect(back.files()).toEqual(['/root/web-declarative.yaml', '/root/work/a.yaml']);
    expect(back.fs.cwd).toBe('/root/work');
    expect(back.screen()).toBe(sandbox.screen());
    sandbox.dispose();
    back.dispose();
  });

  it('refuses a snapshot of an unknown version', () => {
    expect(() => Sandbox.restore(deps(), { version: 99 })).toThrow('unknown sandbox snapshot version 99');
  });
});

describe('Sandbox on the real engine', () => {
  it('builds the cluster the lab asks for: cni, kube-proxy mode and cloud reach the engine', async () => {
    const { loadRuntime, templateKey } = await import('./runtime.js');
    const runtime = await loadRuntime();
    const base = findLab('deploy-nginx')!;
    const lab = { ...base, cluster: { ...base.cluster!, workers: 1, cni: 'flannel' as const, kubeProxyMode: 'ipvs' as const, cloud: true, ingress: 'nginx' as const } };
    const sandbox = Sandbox.create({ id: 'u:shape', userId: 'u', lab, runtime, wallNow: () => 1_700_000_000_000 });
    const cluster = sandbox.clusterEngine as unknown as { api: import('../engine/api/types.js').ApiClient; snapshot(): { components?: { cluster?: { network?: unknown } } } };
    const proxy = cluster.api.get({ group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'kube-proxy' }) as unknown as { data: Record<string, string> };
    expect(proxy.data['config.conf']).toMatch(/mode: "?ipvs"?/);
    expect(cluster.snapshot().components?.cluster?.network).toMatchObject({ cni: 'flannel', proxyMode: 'ipvs', cloud: true });
    expect(templateKey(lab.cluster)).not.toBe(templateKey({ ...lab.cluster, cni: 'calico' }));
    expect(templateKey(lab.cluster)).not.toBe(templateKey({ ...lab.cluster, cloud: false }));
    expect(templateKey({ ingressController: 'nginx' })).not.toBe(templateKey({}));
    expect(cluster.api.list({ group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' }).items.map((c) => c.metadata.name)).toEqual(['nginx']);
    sandbox.dispose();
  });

  it('runs a step’s action: prints its line, changes the cluster and grades at once', async () => {
    const { loadRuntime } = await import('./runtime.js');
    const runtime = await loadRuntime();
    let wall = 1_700_000_000_000;
    const dirty: string[] = [];
    const sandbox = Sandbox.create({ id: 'u:nm', userId: 'u', lab: findLab('node-maintenance')!, runtime, wallNow: () => wall, onDirty: (by) => dirty.push(by) });
    let out = '';
    sandbox.addListener({ output: (d) => (out += d), files: () => {}, checks: () => {} });
    expect(sandbox.runAction('node-failure', 'no-such')).toMatchObject({ known: false });
    expect(sandbox.runAction('drain', 'power-cut')).toMatchObject({ known: false }); // another step's button
    const cut = sandbox.runAction('node-failure', 'power-cut');
    expect(cut).toMatchObject({ known: true, line: 'kubelab: node02 lost power (its kubelet stopped)' });
    expect(out).toContain('kubelab: node02 lost power (its kubelet stopped)');
    expect(dirty).toContain('learner');
    wall += 45_000; // the node controller's grace period (40 s) passes in wall time
    sandbox.tick();
    const later = sandbox.runAction('node-failure', 'later');
    expect(later.line).toBe('kubelab: 6 minutes of cluster time passed');
    expect(later.checks.checks.find((c) => c.id === 'node02-lost')?.state).toBe('passed');
    sandbox.dispose();
  });

  it('a sandbox opened long after the first one still schedules its pods (the cluster template is fresh)', async () => {
    const { loadRuntime } = await import('./runtime.js');
    const runtime = await loadRuntime();
    let wall = 1_800_000_000_000;
    const open = (id: string) => {
      const sandbox = Sandbox.create({ id, userId: id, lab: findLab('deploy-nginx')!, runtime, wallNow: () => wall });
      sandbox.start();
      return sandbox;
    };
    const tick = async (seconds: number, ...boxes: Sandbox[]) => {
      for (let i = 0; i < seconds * 5; i++) {
        wall += 200;
        for (const b of boxes) b.tick();
      }
    };
    const first = open('u1:deploy-nginx');
    await tick(90, first);
    const second = open('u2:deploy-nginx');
    const cluster = second.clusterEngine as unknown as { api: import('../engine/api/types.js').ApiClient };
    const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };
    cluster.api.create(deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    await tick(20, first, second);
    const pods = cluster.api.list({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }).items;
    expect(pods.map((p) => (p.status as { phase?: string }).phase)).toEqual(['Running', 'Running']);
    first.dispose();
    second.dispose();
  });
});
