// Node memory pressure as a learner sees it: two stress pods on node01 exhaust its memory; the
// kubelet reports MemoryPressure, the node is tainted, and the BestEffort pod is evicted first.
import { describe, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden } from '../kubectl/testing.js';
import { transcript, type Step } from './transcript.test-util.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);
const file = (path: string, text: string): Step => (s) => s.fs.writeFile(path, text);

const pod = (name: string, bytes: string, resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: node01
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${bytes}", "--vm-hang", "1"]
${resources}`;

const BURSTABLE = pod('burstable', '2000M', `    resources:
      requests:
        memory: 1Gi
`);
const BEST_EFFORT = pod('besteffort', '1450M', '');

describe('node memory pressure (issue 4)', () => {
  it('evicts the BestEffort pod first', async () => {
    const out = await transcript([
      file('burstable.yaml', BURSTABLE), file('besteffort.yaml', BEST_EFFORT),
      'kubectl apply -f burstable.yaml', 'kubectl apply -f besteffort.yaml', { wait: 30_000 },
      'kubectl get pods', 'kubectl describe pod besteffort', 'kubectl describe node node01 | grep -A3 -i -E "^Taints|MemoryPressure"',
      'kubectl get events --field-selector involvedObject.kind=Node',
      { wait: 360_000 }, 'kubectl get node node01 -o jsonpath="{.spec.taints}"',
    ]);
    expectGolden(golden('eviction.txt'), out);
  });
});
