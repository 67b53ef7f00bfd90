// Differential: the commands that operate nodes and workloads (cordon, uncordon, drain, taint,
// rollout, wait, events, auth can-i), ours against the real kubectl 1.32 on twin clusters.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import { Differential, realKubectlAvailable } from './harness.js';

/**
 * Moves a twin's simulated time while its kubectl waits (drain): `steps` advances of 1 s, one
 * every 300 ms of wall time, on each side alike, so both clusters end at the same time.
 */
const ticking = (steps: number) => ({
  during: {
    afterMs: 300,
    change: (e: Engine) => {
      let left = steps;
      const timer = setInterval(() => {
        e.advance(1_000);
        if (--left <= 0) clearInterval(timer);
      }, 300);
    },
  },
});
const settle = (steps: number) => new Promise((resolve) => setTimeout(resolve, steps * 300 + 1_000));

describe.runIf(realKubectlAvailable())('differential: operating nodes and workloads', () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
    await d.expectSame('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    await d.expectSame('kubectl run solo --image=nginx:1.27');
    d.advance(30_000);
  }, 60_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('cordon and uncordon', async () => {
    await same('kubectl cordon node02', 'kubectl cordon node02', 'kubectl get nodes', 'kubectl uncordon node02', 'kubectl uncordon node02', 'kubectl cordon nope', 'kubectl cordon');
  }, 60_000);

  it('taint', async () => {
    await same(
      'kubectl taint nodes node02 app=blue:NoSchedule',
      'kubectl taint nodes node02 app=blue:NoSchedule',
      'kubectl taint nodes node02 app=green:NoSchedule --overwrite',
      'kubectl taint node/node02 spare:PreferNoSchedule',
      'kubectl taint nodes node02 spare:PreferNoSchedule',
      'kubectl get node node02 -o jsonpath="{.spec.taints}"',
      'kubectl taint nodes node02 app:NoSchedule-',
      'kubectl taint nodes node02 app:NoSchedule-',
      'kubectl taint nodes node02 spare-',
      'kubectl taint nodes node02 app=x:Sometimes',
      'kubectl taint nodes node02',
      'kubectl taint pods solo a=b:NoSchedule',
    );
  }, 60_000);

  it('drain: refusals, then evictions', async () => {
    const solo = await d.expectSame('kubectl get pod solo -o jsonpath="{.spec.nodeName}"');
    const node = solo.stdout.trim();
    // (Without --ignore-daemonsets two kinds of error print in Go's random map order.)
    await same(`kubectl drain ${node} --ignore-daemonsets`, `kubectl uncordon ${node}`);
    // Two kinds of warning print in Go's random map order: leave one kind on the node.
    d.both((e) => e.api.delete({ group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'solo' }));
    d.advance(10_000);
    // The real drain prints each eviction from its own goroutine: their order varies between runs.
    await d.expectSame(`kubectl drain ${node} --ignore-daemonsets`, { ...ticking(20), unordered: true });
    await settle(20);
    await same(`kubectl uncordon ${node}`, 'kubectl drain nope');
  }, 120_000);

  it('rollout history, undo, pause, resume, restart', async () => {
    await same('kubectl rollout history deployment/web', 'kubectl set image deployment/web nginx=nginx:1.26');
    d.advance(60_000);
    await same(
      'kubectl rollout history deployment/web',
      'kubectl rollout history deployment/web --revision=1',
      'kubectl rollout history deployment/web --revision=5',
      'kubectl rollout status deployment/web',
      'kubectl rollout undo deployment/web --to-revision=9',
      'kubectl rollout undo deployment/web',
      'kubectl rollout undo deployment/web --to-revision=3',
      'kubectl rollout pause deployment/web',
      'kubectl rollout pause deployment/web',
      'kubectl rollout undo deployment/web',
      'kubectl rollout restart deployment/web',
      'kubectl rollout resume deployment/web',
      'kubectl rollout resume deployment/web',
      'kubectl rollout status pod/solo',
    );
  }, 120_000);

  it('wait', async () => {
    await same(
      'kubectl wait --for=condition=Ready pod/solo',
      'kubectl wait --for=condition=Ready pod/solo --timeout=0',
      "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/solo",
      'kubectl wait --for=condition=Bogus pod/solo --timeout=0',
      'kubectl wait --for=condition=Bogus pod/solo --timeout=1s',
      'kubectl wait --for=ready pod/solo',
      'kubectl wait --for=condition=Ready pod/nope',
      'kubectl wait --for=delete pod/nope',
      'kubectl wait --for=condition=Ready pods -l app=nothing',
    );
  }, 60_000);

  // `kubectl events` ages are the client's wall clock against event times: not comparable here.
  it('events errors and auth can-i', async () => {
    await same(
      'kubectl events --types=Critical',
      'kubectl events --for=pod',
      'kubectl auth can-i create deployments',
      'kubectl auth can-i delete nodes',
      'kubectl auth can-i get pods --as=jane',
      'kubectl auth can-i get /healthz',
      'kubectl auth can-i frobnicate pods',
      'kubectl auth can-i get foos',
      'kubectl auth can-i get',
    );
  }, 60_000);
});
