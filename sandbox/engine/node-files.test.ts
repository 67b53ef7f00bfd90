import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from './clock.js';
import { createDefaultCluster, restoreDefaultCluster } from './cluster.js';
import { fileTable, installNodeFiles, nodeFiles, nodeNames, onNodeFileChange } from './node-files.js';
import { expectGolden } from '../kubectl/testing.js';

const cluster = () => createDefaultCluster({ clock: new ManualClock(Date.UTC(2026, 0, 1)), random: new SeededRandom(7) });

describe('node files', () => {
  it('reads, writes with parents, lists sorted, removes files and empty dirs only', () => {
    const host = {};
    installNodeFiles(host, { n1: fileTable({ '/etc/a.txt': 'a' }) });
    const fs = nodeFiles(host, 'n1')!;
    const seen: string[] = [];
    onNodeFileChange(host, (node, path) => seen.push(`${node}:${path}`));
    fs.write('/tmp/x/y/z.yaml', 'z');
    expect(fs.isDir('/tmp/x/y')).toBe(true);
    expect(fs.read('/tmp/x//y/./z.yaml')).toBe('z');
    expect(fs.list('/')).toEqual(['etc', 'tmp']);
    expect(fs.list('/etc/a.txt')).toBeUndefined();
    expect(fs.remove('/tmp/x')).toBe(false);
    expect(fs.remove('/tmp/x/y/z.yaml')).toBe(true);
    expect(fs.remove('/tmp/x/y')).toBe(true);
    expect(fs.remove('/nope')).toBe(false);
    fs.mkdir('/a/b/c');
    expect(fs.list('/a/b')).toEqual(['c']);
    expect(() => fs.write('/a/b', 'x')).toThrow('Is a directory');
    expect(seen).toEqual(['n1:/tmp/x/y/z.yaml', 'n1:/tmp/x/y/z.yaml', 'n1:/tmp/x/y']);
    expect(nodeFiles(host, 'n2')).toBeUndefined();
  });

  it('gives a kubeadm control plane its manifests, kubeconfigs and pki; workers an empty manifests dir', () => {
    const engine = cluster();
    expect(nodeNames(engine)).toEqual(['controlplane', 'node01', 'node02']);
    const cp = nodeFiles(engine, 'controlplane')!;
    expect(cp.list('/etc/kubernetes/manifests')).toEqual(['etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml']);
    expect(cp.list('/etc/kubernetes')).toEqual(['admin.conf', 'controller-manager.conf', 'kubelet.conf', 'manifests', 'pki', 'scheduler.conf', 'super-admin.conf']);
    expect(cp.list('/etc/kubernetes/pki')).toContain('apiserver.crt');
    expect(cp.list('/etc/kubernetes/pki/etcd')).toContain('server.key');
    expect(cp.read('/var/lib/kubelet/config.yaml')).toContain('staticPodPath: /etc/kubernetes/manifests\n');
    expect(cp.list('/etc/cni/net.d')).toEqual(['10-calico.conflist', 'calico-kubeconfig']);
    const apiserver = cp.read('/etc/kubernetes/manifests/kube-apiserver.yaml')!;
    expect(apiserver).toContain('  containers:\n  - command:\n    - kube-apiserver\n    - --advertise-address=172.30.1.2\n');
    expect(apiserver).toContain('  creationTimestamp: null\n');
    const w = nodeFiles(engine, 'node01')!;
    expect(w.list('/etc/kubernetes/manifests')).toEqual([]);
    expect(w.list('/etc/kubernetes')).toEqual(['kubelet.conf', 'manifests', 'pki']);
    expect(w.list('/etc/kubernetes/pki')).toEqual(['ca.crt']);
  });

  it("writes kubeadm's control-plane manifests (golden: compare with a real v1.32 node)", () => {
    const cp = nodeFiles(cluster(), 'controlplane')!;
    const all = cp.list('/etc/kubernetes/manifests')!.map((f) => `# ${f}\n${cp.read(`/etc/kubernetes/manifests/${f}`)}`).join('---\n');
    expectGolden(new URL('./__golden__/control-plane-manifests.yaml', import.meta.url).pathname, all);
  });

  it('survives snapshot and restore', () => {
    const engine = cluster();
    nodeFiles(engine, 'node01')!.write('/root/notes.txt', 'hello');
    const restored = restoreDefaultCluster(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(nodeFiles(restored, 'node01')!.read('/root/notes.txt')).toBe('hello');
    expect(nodeFiles(restored, 'controlplane')!.list('/etc/kubernetes/manifests')).toHaveLength(4);
  });
});
