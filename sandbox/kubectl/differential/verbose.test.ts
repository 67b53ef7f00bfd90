// Differential: kubectl -v=6 (the loader line and one round_trippers line per request, and
// the Status checkErr logs), and kubectl completion's errors, ours against the real kubectl 1.32.
// klog headers (date, time, pid) and request durations are normalized, and client-go's
// feature-gate lines dropped: the real ones come in Go's random map order (KNOWN_DIFFERENCES.md).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const klog = (line: string) => `${line} 2>&1 | grep -v envvar.go | sed -E 's/^I[0-9]{4} [0-9:.]+ +[0-9]+ /I /; s/in [0-9]+ milliseconds/in N milliseconds/'`;

const VERBOSE = [
  klog('kubectl get pods -v=6'),
  klog('kubectl create cm x --from-literal=a=b -v=6'),
  klog('kubectl get pods nope -v=6'),
  klog('kubectl delete cm x -v=6'),
  klog('kubectl get deploy -n kube-system -v=6'),
  klog('kubectl get ns -v=6'),
  klog('kubectl get pods -A -v=6'),
  klog('kubectl create deployment w --image=nginx -v=6'),
];

const COMPLETION = ['kubectl completion', 'kubectl completion tcsh', 'kubectl completion bash zsh', "kubectl completion bash | grep -c '^__start_kubectl()'", 'kubectl completion bash | tail -1'];

describe.runIf(realKubectlAvailable())('differential: -v=6, completion', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());

  it('logs the API requests at -v=6 as kubectl does', async () => {
    for (const line of VERBOSE) await d.expectSame(line);
  });
  it('completion: the shells it knows, its errors, the script entry point', async () => {
    for (const line of COMPLETION) await d.expectSame(line);
  });
});
