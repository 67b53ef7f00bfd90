// Differential: what kubectl answers to unknown subcommands, flags and resources of the
// commands added with the generators (create, explain, diff, edit, cp, port-forward,
// completion), the generators' printers, and run/expose -o json; ours against the real kubectl 1.32.
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

/** run and expose hold typed objects too: -o json in Go field order, managedFields hidden. */
const TYPED = [
  'kubectl run p2 --image=nginx --port=80 --env=A=1 --labels=a=b --image-pull-policy=Always -o json -- sleep 1',
  'kubectl run p3 --image=nginx --command -o json -- sleep 1',
  'kubectl run p4 --image=nginx --dry-run=client -o json',
  'kubectl create deployment web --image=nginx',
  'kubectl expose deployment web --port=80 --name=w1 -o json',
  'kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --name=w2 -o json',
  'kubectl expose deployment web --port=80 --dry-run=client -o json',
  'kubectl expose pod p2 --port=80 --name=w3 --dry-run=client -o json',
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
  it('prints run and expose results as typed JSON', async () => {
    for (const line of TYPED) await d.expectSame(line);
  });
});
