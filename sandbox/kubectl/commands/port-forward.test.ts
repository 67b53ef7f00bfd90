// kubectl port-forward in a learner terminal: the Forwarding lines, the forward registered in
// the sandbox's port table while it runs (for curl to localhost), released on Ctrl-C; errors.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript, runWhile } from '../operate-testing.js';
import { localPortsOf } from '../port-forward-table.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl port-forward', () => {
  it('forwards to a pod, a service and a deployment until Ctrl-C', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl create deployment web --image=nginx:1.27 --port=80',
      'kubectl expose deployment web --port=8000 --target-port=80',
      'kubectl run idle --image=nginx:1.27',
      30_000,
      ['kubectl port-forward deploy/web 8080:80', { keys: [{ afterSteps: 2, data: '\x03' }] }],
      'echo $?',
      ['kubectl port-forward svc/web 9000:8000 --address 0.0.0.0', { keys: [{ afterSteps: 1, data: '\x03' }] }],
      ['kubectl port-forward idle 80', { keys: [{ afterSteps: 1, data: '\x03' }] }],
      'kubectl port-forward idle',
      'kubectl port-forward nope 8080:80',
      'kubectl port-forward idle x:80',
      'kubectl port-forward svc/web 8080:1234',
    ]);
    expect(out).toContain('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expectGolden(operateGolden('port-forward.txt'), out);
  });

  it('registers the local port while it runs, for curl to reach the pod', async () => {
    const sb = newSandbox();
    await sb.run('kubectl run web --image=nginx:1.27');
    sb.advance(30_000);
    let seen: ReturnType<typeof localPortsOf> | undefined;
    const running = runWhile(sb, 'kubectl port-forward web 8080:80', { keys: [{ afterSteps: 3, data: '\x03' }] });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    seen = localPortsOf(sb.fs);
    await running;
    expect(seen.get(8080)).toMatchObject({ localPort: 8080, namespace: 'default', pod: 'web', podPort: 80 });
    expect(localPortsOf(sb.fs).size).toBe(0);
  });
});
