// cordon, uncordon, drain and taint in a learner terminal: the real output lines and errors.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl cordon, uncordon, drain', () => {
  it('cordons, refuses to drain DaemonSet-managed and unmanaged pods, then drains with the flags', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create deployment web --image=nginx:1.27 --replicas=4',
      // A bare pod: draining its node meets an unmanaged pod.
      'kubectl run solo --image=nginx:1.27',
      30_000,
      'kubectl get pods -o wide',
      'NODE=$(kubectl get pod solo -o jsonpath="{.spec.nodeName}"); echo $NODE',
      'kubectl cordon node01',
      'kubectl cordon node01',
      'kubectl get nodes',
      'kubectl uncordon node01',
      'kubectl uncordon node01',
      ['kubectl drain $NODE', {}],
      'echo "status $?"',
      ['kubectl drain $NODE --ignore-daemonsets', {}],
      ['kubectl drain $NODE --ignore-daemonsets --force', {}],
      30_000,
      'kubectl get pods -o wide',
      'kubectl get nodes',
      'kubectl uncordon $NODE',
      'kubectl drain nope',
    ]);
    expect(out).toMatch(/node\/node0\d drained\n/);
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
