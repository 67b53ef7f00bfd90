// kubectl logs and exec in a learner terminal: nginx's real start lines, following a log until
// Ctrl-C, and commands (one-shot and an interactive shell) inside the simulated containers.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl logs', () => {
  it('prints, tails, stamps and follows a container log', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl run web --image=nginx:1.27',
      'kubectl logs web',
      30_000,
      'kubectl logs web',
      'kubectl logs web --tail=2',
      'kubectl logs web --tail=1 --timestamps',
      'kubectl logs pod/web -c web --tail=1',
      'kubectl logs web -c nope',
      'kubectl logs web --previous',
      'kubectl logs nope',
      'kubectl logs',
      ['kubectl logs -f web --tail=2', { keys: [{ afterSteps: 3, data: '\x03' }] }],
      'echo $?',
      'kubectl create deployment api --image=nginx:1.27 --replicas=2',
      30_000,
      'kubectl logs deploy/api --tail=1',
      'kubectl logs -l app=api --tail=1 --prefix',
    ]);
    expect(out).toContain('Configuration complete; ready for start up\n');
    expectGolden(operateGolden('logs.txt'), out);
  });
});

describe('kubectl exec', () => {
  it('runs commands in a container and reports exit codes', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl run web --image=nginx:1.27',
      'kubectl run box --image=busybox:1.36 -- sleep 3600',
      'kubectl exec web -- echo hi',
      30_000,
      'kubectl exec web -- echo hello world',
      'kubectl exec web -- cat /etc/hostname',
      'kubectl exec web -- ls /usr/share/nginx/html',
      'kubectl exec web -- sh -c \'echo oops >&2; exit 3\'; echo "status $?"',
      'kubectl exec web -- nosuch; echo "status $?"',
      'kubectl exec web -c nope -- true',
      'kubectl exec web ls',
      'kubectl exec web',
      'kubectl exec box -- ps',
      'kubectl exec box -- sh -c \'echo $HOSTNAME; cat /nope\'; echo "status $?"',
      'echo ls | kubectl exec -i box -- sh',
    ]);
    expectGolden(operateGolden('exec.txt'), out);
  });

  it('opens an interactive shell with -it and leaves it with exit', async () => {
    const sb = newSandbox();
    sb.advance(0);
    await sb.run('kubectl run web --image=nginx:1.27');
    await sb.run('kubectl run box --image=busybox:1.36 -- sleep 3600');
    sb.advance(30_000);
    const keys = (text: string[]) => text.map((data, i) => ({ afterSteps: i + 1, data }));
    const out = await operateTranscript(sb, [
      ['kubectl exec -it web -- bash', { stepMs: 10, keys: keys(['hostname\r', 'cat /usr/share/nginx/html/index.html | head -1\r', 'ls /nope\r', 'cd /etc\r', 'echo $NGINX_VERSION\r', 'ps\r', '\x03', 'exit 4\r']) }],
      'echo "status $?"',
      ['kubectl exec -it box -- sh', { stepMs: 10, keys: keys(['echo $HOSTNAME\r', 'ps\r', '\x04']) }],
      'echo "status $?"',
    ]);
    expect(out).toContain('root@web:/# hostname\nweb\n');
    expectGolden(operateGolden('exec-interactive.txt'), out);
  });
});
