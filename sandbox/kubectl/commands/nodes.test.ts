// cordon, uncordon, drain and taint in a learner terminal: the real output lines and errors.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl cordon, uncordon, drain', () => {
  it('cordons, refuses to drain DaemonSet-managed and unmanaged pods, then drains with the flags', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create deployment web --image=nginx:1.27 --replicas=4',
      // The scheduler puts this bare pod on node01 (seeded), so drain meets an unmanaged pod.
      'kubectl run solo --image=nginx:1.27',
      30_000,
      'kubectl get pods -o wide',
      'kubectl cordon node01',
      'kubectl cordon node01',
      'kubectl get nodes',
      'kubectl uncordon node01',
      'kubectl uncordon node01',
      ['kubectl drain node01', {}],
      'echo "status $?"',
      ['kubectl drain node01 --ignore-daemonsets', {}],
      ['kubectl drain node01 --ignore-daemonsets --force', {}],
      30_000,
      'kubectl get pods -o wide',
      'kubectl get nodes',
      'kubectl uncordon node01',
      'kubectl drain nope',
    ]);
    expect(out).toContain('node/node01 drained\n');
    expectGolden(operateGolden('drain.txt'), out);
  });
});

describe('kubectl taint', () => {
  it('adds, refuses duplicates, overwrites and removes taints', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl taint nodes node01 app=blue:NoSchedule',
      'kubectl taint nodes node01 app=blue:NoSchedule',
      'kubectl taint nodes node01 app=green:NoSchedule --overwrite',
      'kubectl taint node/node01 dedicated=gpu:NoExecute',
      'kubectl get node node01 -o jsonpath="{.spec.taints}"; echo',
      'kubectl taint nodes node01 app:NoSchedule-',
      'kubectl taint nodes node01 app:NoSchedule-',
      'kubectl taint nodes node01 dedicated-',
      'kubectl taint nodes node01 app=x:Sometimes',
      'kubectl taint nodes node01',
      'kubectl taint pods web a=b:NoSchedule',
      'kubectl taint nodes nope a=b:NoSchedule',
      'kubectl taint node controlplane node-role.kubernetes.io/control-plane:NoSchedule-',
    ]);
    expect(out).toContain('node/node01 tainted\n');
    expect(out).toContain('node/node01 untainted\n');
    expectGolden(operateGolden('taint.txt'), out);
  });
});
