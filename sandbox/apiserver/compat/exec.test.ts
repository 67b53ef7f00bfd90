// Real kubectl exec over WebSocket v5.channel.k8s.io into the engine's simulated containers
// (sandbox/engine/exec through apiserver/engine-exec.ts): stdout, stderr, the status channel,
// exit codes and the runtime's own error, as the real kubectl prints them.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');

describe.runIf(realKubectlAvailable())('real kubectl: exec', () => {
  let c: CompatCluster;
  let engine: Engine;
  beforeAll(async () => {
    engine = createLabEngine({ now: START });
    c = await CompatCluster.start(engine);
  });
  afterAll(() => c?.close());

  it('exec into a pod that is not scheduled', async () => {
    await c.expect('exec-run-pending', ['run', 'stuck', '--image=nginx:1.27', '--overrides={"spec":{"nodeSelector":{"disk":"none"}}}']);
    await c.expect('exec-pending', ['exec', 'stuck', '--', 'echo', 'hi']);
  });

  it('exec into an unknown container', async () => {
    await c.expect('exec-run', ['run', 'web', '--image=nginx:1.27']);
    engine.advance(30_000);
    await c.expect('exec-bad-container', ['exec', 'web', '-c', 'nope', '--', 'echo', 'hi']);
  });

  it('exec with a runtime: stdout, stderr and exit codes', async () => {
    engine.advance(30_000); // web's image pulled and its container running
    await c.expect('exec-echo', ['exec', 'web', '--', 'echo', 'hello', 'world']);
    await c.expect('exec-exit-code', ['exec', 'web', '--', 'sh', '-c', 'echo oops >&2; exit 3']);
    await c.expect('exec-not-found', ['exec', 'web', '--', 'nosuch']);
  });

  it('exec a request from the pod to a Service (the cluster network)', async () => {
    await c.expect('exec-expose', ['expose', 'pod', 'web', '--port=80']);
    await c.expect('exec-curl-service', ['exec', 'web', '--', 'curl', '-s', 'http://web.default.svc.cluster.local/nope']);
  });
});
