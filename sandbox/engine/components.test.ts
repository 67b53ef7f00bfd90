import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from './clock.js';
import { createDefaultCluster, restoreDefaultCluster } from './cluster.js';
import { apiServerReachable, componentStatus, staticPodErrors, startComponent, stopComponent } from './components.js';
import { nodeFiles } from './node-files.js';
import type { Engine } from './engine.js';

const cluster = () => createDefaultCluster({ clock: new ManualClock(Date.UTC(2026, 0, 1)), random: new SeededRandom(3), settleMs: 5000 });
const pods = (e: Engine, ns = 'default') => e.api.list({ group: '', version: 'v1', resource: 'pods', namespace: ns }).items;
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
const running = (e: Engine) => componentStatus(e).filter((s) => s.running).map((s) => `${s.name}${s.node ? `@${s.node}` : ''}`);

describe('components', () => {
  it('runs the kubeadm control plane and a kubelet per node', () => {
    const e = cluster();
    expect(running(e)).toEqual(['etcd@controlplane', 'kube-apiserver@controlplane', 'kube-controller-manager@controlplane', 'kube-scheduler@controlplane', 'kubelet@controlplane', 'kubelet@node01', 'kubelet@node02']);
    const mirror = pods(e, 'kube-system').find((p) => p.metadata.name === 'kube-scheduler-controlplane')!;
    expect(mirror.metadata.annotations).toMatchObject({ 'kubernetes.io/config.source': 'file' });
    expect(mirror.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'controlplane' });
  });

  it('without a scheduler leaves new pods Pending with no events, and schedules them once it is back', () => {
    const e = cluster();
    stopComponent(e, 'kube-scheduler');
    e.advance(1000);
    expect(pods(e, 'kube-system').map((p) => p.metadata.name)).not.toContain('kube-scheduler-controlplane');
    e.api.create({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }, pod('web'));
    e.advance(30_000);
    expect((pods(e)[0].spec as { nodeName?: string }).nodeName).toBeUndefined();
    expect(e.api.list({ group: '', version: 'v1', resource: 'events', namespace: 'default' }).items).toEqual([]);
    startComponent(e, 'kube-scheduler');
    e.advance(5000);
    expect((pods(e)[0].spec as { nodeName?: string }).nodeName).toMatch(/^node0/);
    expect(pods(e, 'kube-system').map((p) => p.metadata.name)).toContain('kube-scheduler-controlplane');
  });

  it('without a controller manager gives a Deployment no ReplicaSet until it starts', () => {
    const e = cluster();
    stopComponent(e, 'kube-controller-manager');
    e.api.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } });
    e.advance(20_000);
    const rs = () => e.api.list({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' }).items;
    expect(rs()).toEqual([]);
    startComponent(e, 'kube-controller-manager');
    e.advance(5000);
    expect(rs()).toHaveLength(1);
  });

  it('refuses clients while the API server or etcd is down', () => {
    const e = cluster();
    stopComponent(e, 'etcd');
    expect(apiServerReachable(e)).toBe(false);
    startComponent(e, 'etcd');
    expect(apiServerReachable(e)).toBe(true);
    const fs = nodeFiles(e, 'controlplane')!;
    const path = '/etc/kubernetes/manifests/kube-apiserver.yaml';
    const good = fs.read(path)!;
    fs.write(path, good.replace('--etcd-servers=', '--etcd-serverz='));
    expect(apiServerReachable(e)).toBe(false);
    expect(componentStatus(e).find((s) => s.name === 'kube-apiserver')!.reason).toBe('unknown flag: --etcd-serverz');
    fs.write(path, good);
    expect(apiServerReachable(e)).toBe(true);
  });

  it('recreates a mirror pod whose manifest changed, and stops one with a missing kubeconfig', () => {
    const e = cluster();
    const fs = nodeFiles(e, 'controlplane')!;
    const path = '/etc/kubernetes/manifests/kube-scheduler.yaml';
    const before = pods(e, 'kube-system').find((p) => p.metadata.name === 'kube-scheduler-controlplane')!;
    fs.write(path, fs.read(path)!.replace('--kubeconfig=/etc/kubernetes/scheduler.conf', '--kubeconfig=/etc/kubernetes/schedulerr.conf'));
    e.advance(1000);
    const after = pods(e, 'kube-system').find((p) => p.metadata.name === 'kube-scheduler-controlplane')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.annotations!['kubernetes.io/config.hash']).not.toBe(before.metadata.annotations!['kubernetes.io/config.hash']);
    expect(componentStatus(e).find((s) => s.name === 'kube-scheduler')).toMatchObject({ running: false, reason: 'open /etc/kubernetes/schedulerr.conf: no such file or directory' });
  });

  it("runs a learner's static pod on a worker as <name>-node01 and logs a manifest that does not parse", () => {
    const e = cluster();
    const fs = nodeFiles(e, 'node01')!;
    fs.write('/etc/kubernetes/manifests/static-web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
    fs.write('/etc/kubernetes/manifests/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: [\n');
    e.advance(10_000);
    const p = pods(e).find((x) => x.metadata.name === 'static-web-node01')!;
    expect((p.status as { phase: string }).phase).toBe('Running');
    expect(staticPodErrors(e, 'node01').map((x) => [x.file, x.message])).toEqual([['/etc/kubernetes/manifests/broken.yaml', 'Could not process manifest file']]);
    expect(staticPodErrors(e, 'node01')[0].err).toMatch(/^\/etc\/kubernetes\/manifests\/broken.yaml: couldn't parse as pod\(.+\), please check config file$/);
    fs.remove('/etc/kubernetes/manifests/static-web.yaml');
    e.advance(1000);
    expect(pods(e).find((x) => x.metadata.name === 'static-web-node01')).toBeUndefined();
  });

  it('leaves a component with an image that cannot be pulled in ImagePullBackOff, not running', () => {
    const e = cluster();
    const fs = nodeFiles(e, 'controlplane')!;
    const path = '/etc/kubernetes/manifests/kube-scheduler.yaml';
    fs.write(path, fs.read(path)!.replace('kube-scheduler:v1.32.1', 'kube-scheduler:v1.32.99'));
    e.advance(60_000);
    expect(componentStatus(e).find((s) => s.name === 'kube-scheduler')).toMatchObject({ running: false, reason: 'image registry.k8s.io/kube-scheduler:v1.32.99 cannot be pulled' });
    const p = pods(e, 'kube-system').find((x) => x.metadata.name === 'kube-scheduler-controlplane')!;
    const waiting = (p.status as { containerStatuses: Array<{ state: { waiting?: { reason: string } } }> }).containerStatuses[0].state.waiting;
    expect(waiting?.reason).toBe('ImagePullBackOff');
  });

  it('recreates a mirror pod a learner deletes: the static pod keeps running', () => {
    const e = cluster();
    const ref = { group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: 'kube-scheduler-controlplane' };
    const before = e.api.get(ref);
    e.client('kubectl').delete(ref);
    e.advance(5000);
    const after = e.api.get(ref);
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(running(e)).toContain('kube-scheduler@controlplane');
  });

  it('keeps a stopped component stopped across snapshot and restore', () => {
    const e = cluster();
    stopComponent(e, 'kube-scheduler');
    const r = restoreDefaultCluster(JSON.parse(JSON.stringify(e.snapshot())));
    expect(running(r)).not.toContain('kube-scheduler@controlplane');
    r.api.create({ group: '', version: 'v1', resource: 'pods', namespace: 'default' }, pod('web'));
    r.advance(10_000);
    expect((pods(r)[0].spec as { nodeName?: string }).nodeName).toBeUndefined();
  });
});
