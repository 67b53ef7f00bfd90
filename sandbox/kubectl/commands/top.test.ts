// kubectl top in a learner terminal: no Metrics API on a fresh kubeadm-shaped cluster, then
// deterministic usage once a metrics-server Deployment in kube-system is available.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl top', () => {
  it('reports the missing Metrics API, then node and pod usage', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl top nodes',
      'kubectl top pods',
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
      // Stands in for installing metrics-server (its image is not simulated yet).
      'kubectl create deployment metrics-server -n kube-system --image=nginx:1.27',
      60_000,
      'kubectl top nodes',
      'kubectl top node node01',
      'kubectl top pods',
      'kubectl run late --image=nginx:1.27',
      'kubectl top pod late',
      'kubectl top pods -A --sort-by=memory',
      'kubectl top pods -n kube-system -l component=etcd --containers',
      'kubectl top pods --sum',
      'kubectl top pods --sort-by=disk',
      'kubectl top pods -n empty',
    ]);
    expect(out).toContain('error: Metrics API not available\n');
    expectGolden(operateGolden('top.txt'), out);
  });
});
