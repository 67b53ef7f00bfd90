// kubectl wait, events and auth can-i in a learner terminal on simulated time.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl wait', () => {
  it('waits for conditions, jsonpath values and deletion, and times out', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl run web --image=nginx:1.27',
      ['kubectl wait --for=condition=Ready pod/web', { stepMs: 500 }],
      'kubectl create deployment api --image=nginx:1.27 --replicas=2',
      ['kubectl wait deploy/api --for=condition=Available --timeout=60s', { stepMs: 500 }],
      ['kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/web', {}],
      'kubectl wait --for=condition=Ready pod/web --timeout=0',
      'kubectl wait --for=condition=Bogus pod/web --timeout=0',
      'kubectl wait --for=condition=Bogus pod/web --timeout=3s',
      'kubectl delete pod web --wait=false',
      ['kubectl wait --for=delete pod/web --timeout=30s', { stepMs: 100 }],
      'kubectl wait --for=delete pod/web',
      'kubectl wait --for=condition=Ready pod/nope',
      'kubectl wait --for=ready pod/web',
      'kubectl wait --for=jsonpath=\'{.status.phase}\'= pod/web',
      'kubectl wait pods -l app=nothing --for=condition=Ready',
    ]);
    expect(out).toContain('pod/web condition met\n');
    expectGolden(operateGolden('wait.txt'), out);
  });
});

describe('kubectl wait: condition names and values fold case, the first matching condition decides', () => {
  it('waits for a Job complete in any case, Ready=false, and jsonpath values', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create job once --image=busybox:1.36 -- sh -c "echo done"',
      ['kubectl wait --for=condition=complete job/once --timeout=60s', { stepMs: 1000 }],
      'kubectl wait --for=condition=COMPLETE job/once --timeout=0',
      'kubectl wait --for=condition=Complete=TRUE job/once --timeout=0',
      'kubectl wait --for=condition=failed job/once --timeout=0',
      'kubectl run web --image=nginx:1.27',
      'kubectl wait --for=condition=Ready=false pod/web --timeout=0',
      ['kubectl wait --for=condition=ready pod/web --timeout=30s', { stepMs: 500 }],
      'kubectl wait --for=condition=Ready=false pod/web --timeout=0',
      "kubectl wait --for=jsonpath='{.status.containerStatuses[0].ready}'=true pod/web --timeout=0",
      "kubectl wait --for=jsonpath='{.status.succeeded}'=1 job/once -o name",
    ]);
    expect(out).toContain('$ kubectl wait --for=condition=COMPLETE job/once --timeout=0\njob.batch/once condition met\n');
    expectGolden(operateGolden('wait-conditions.txt'), out);
  });
});

describe('kubectl events', () => {
  it('lists events oldest first, for one object, by type, across namespaces', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl events',
      'kubectl run web --image=nginx:1.27',
      'kubectl run bad --image=nginx:9.99',
      30_000,
      'kubectl events',
      'kubectl events --for pod/web',
      'kubectl events --types=Warning',
      'kubectl events --types=Critical',
      'kubectl events -n kube-system --for=deployment/coredns',
      'kubectl events -A --types=Warning',
      ['kubectl events -w --for=pod/web', { keys: [{ afterSteps: 1, data: '\x03' }] }],
    ]);
    expect(out).toMatch(/LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n/);
    expectGolden(operateGolden('events.txt'), out);
  });
});

describe('kubectl auth can-i', () => {
  it('answers yes and no through SelfSubjectAccessReviews, with kubectl\'s warnings', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl auth can-i create deployments',
      'kubectl auth can-i delete nodes',
      'kubectl auth can-i get pods --as=system:serviceaccount:default:default; echo "status $?"',
      'kubectl auth can-i list secrets -n kube-system --as=jane',
      'kubectl auth can-i get /healthz',
      'kubectl auth can-i frobnicate pods',
      'kubectl auth can-i get foos',
      'kubectl auth can-i get pods/log --subresource=log -q; echo "status $?"',
      'kubectl auth can-i get',
    ]);
    expect(out).toContain('yes\n');
    expectGolden(operateGolden('auth-can-i.txt'), out);
  });
});
