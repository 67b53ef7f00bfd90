// The starting cluster a lab asks for reaches the engine: network plugin, kube-proxy mode, cloud.
import { describe, expect, it } from 'vitest';
import { loadLab } from './load.js';
import { replayLab } from './replay.js';
import { ClusterSpec } from './schema.js';

describe('the lab cluster spec', () => {
  it('defaults to a kubeadm-like cluster and refuses modes Kubernetes no longer has', () => {
    expect(ClusterSpec.parse({})).toEqual({ workers: 2, version: 'v1.32.1', cni: 'calico', kubeProxyMode: 'iptables', cloud: false, ingress: 'none' });
    expect(ClusterSpec.safeParse({ kubeProxyMode: 'userspace' }).success).toBe(false);
  });

  it('replays on the kube-proxy mode the lab names: ipvs has no KUBE-SVC chains to find', async () => {
    const lab = loadLab('kube-proxy');
    const ipvs = { ...lab, cluster: { ...lab.cluster, kubeProxyMode: 'ipvs' as const } };
    const report = await replayLab(ipvs);
    expect(report.transcript).not.toContain('/* default/web cluster IP */');
    const iptables = await replayLab(lab);
    expect(iptables.transcript).toContain('/* default/web cluster IP */');
    expect(iptables.problems).toEqual([]);
  }, 60_000);
});
