// Differential: what kubectl answers to unknown subcommands, flags and resources of the
// commands added with the generators (create, explain, diff, edit, cp, port-forward,
// completion), and the generators' printers; ours against the real kubectl 1.32.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const LINES = [
  'kubectl create foo',
  'kubectl create deployment web --image=nginx --bogus',
  'kubectl explain pods --bogus',
  'kubectl diff --bogus',
  'kubectl edit',
  'kubectl edit foo/bar',
  'kubectl cp',
  'kubectl port-forward',
  'kubectl port-forward pod/nope 80',
  'kubectl completion bash --bogus',
  'kubectl create secret generic',
  'kubectl create service clusterip',
  'kubectl create configmap a --from-literal',
  'kubectl get foo',
  'kubectl describe foo',
  'kubectl create quota q --hard=pods=1 -o wide',
  'kubectl create cm x -o name --dry-run=client',
  'kubectl create cm x --dry-run=bogus',
  'kubectl create cm y --from-literal=a=1 -o jsonpath={.data.a} --dry-run=client',
  'kubectl create cm y --dry-run=client -o custom-columns=N:.metadata.name',
  // A bare --dry-run still works, with klog's deprecation warning (header normalized).
  "kubectl create cm x --dry-run 2>&1 | sed -E 's/^W[0-9]{4} [0-9:.]+ +[0-9]+ /W /'",
];

describe.runIf(realKubectlAvailable())('differential: errors and printers of the new commands', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());

  it('answers unknown commands, flags and resources as kubectl does', async () => {
    for (const line of LINES) await d.expectSame(line);
  });
});
