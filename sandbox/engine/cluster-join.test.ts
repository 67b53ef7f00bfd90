import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from './clock.js';
import { createDefaultCluster, restoreDefaultCluster } from './cluster.js';
import { joinNode } from './cluster-join.js';
import { nodeFiles, nodeNames } from './node-files.js';
import { networkOptionsOf } from './network/options.js';
import { componentStatus } from './components.js';

const ready = (node: object) => ((node as { status?: unknown }).status as { conditions: Array<{ type: string; status: string }> }).conditions.find((c) => c.type === 'Ready')!.status;

describe('cluster options and joining nodes', () => {
  it('joins a worker: files, a Ready Node, kube-proxy on it; kept by snapshot and restore', () => {
    const engine = createDefaultCluster({ clock: new ManualClock(Date.UTC(2026, 0, 1)), random: new SeededRandom(5), workers: 1, settleMs: 5000 });
    joinNode(engine, 'node02');
    engine.advance(20_000);
    const node = engine.api.get({ group: '', version: 'v1', resource: 'nodes', name: 'node02' });
    expect(ready(node)).toBe('True');
    expect((node.status as { addresses: Array<{ address: string }> }).addresses[0].address).toBe('172.30.1.4');
    const proxies = engine.api.list({ group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' }, { labelSelector: 'k8s-app=kube-proxy' }).items;
    expect(proxies.map((p) => (p.spec as { nodeName: string }).nodeName).sort()).toEqual(['controlplane', 'node01', 'node02']);
    expect(nodeFiles(engine, 'node02')!.list('/etc/kubernetes')).toEqual(['kubelet.conf', 'manifests', 'pki']);
    expect(() => joinNode(engine, 'node01')).toThrow('already exists');
    const restored = restoreDefaultCluster(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(nodeNames(restored)).toEqual(['controlplane', 'node01', 'node02']);
    restored.advance(60_000);
    expect(ready(restored.api.get({ group: '', version: 'v1', resource: 'nodes', name: 'node02' }))).toBe('True');
  });

  it('installs the CNI, kube-proxy mode and cloud it is given, and restores them', () => {
    const engine = createDefaultCluster({ clock: new ManualClock(Date.UTC(2026, 0, 1)), random: new SeededRandom(5), cni: 'flannel', kubeProxyMode: 'ipvs', cloud: true });
    expect(networkOptionsOf(engine)).toMatchObject({ cni: 'flannel', proxyMode: 'ipvs', cloud: true });
    expect(nodeFiles(engine, 'node01')!.list('/etc/cni/net.d')).toEqual(['10-flannel.conflist']);
    const cm = engine.api.get({ group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'kube-proxy' });
    expect((cm as unknown as { data: Record<string, string> }).data['config.conf']).toContain('\nmode: ipvs\n');
    expect(componentStatus(engine).map((s) => s.name)).toContain('cloud-controller-manager');
    const restored = restoreDefaultCluster(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(networkOptionsOf(restored)).toMatchObject({ cni: 'flannel', proxyMode: 'ipvs', cloud: true });
    const plain = createDefaultCluster({ clock: new ManualClock(Date.UTC(2026, 0, 1)), random: new SeededRandom(5) });
    expect(networkOptionsOf(plain)).toMatchObject({ cni: 'calico', proxyMode: 'iptables', cloud: false });
  });
});
