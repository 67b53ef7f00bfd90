// Real kubectl exec over WebSocket v5.channel.k8s.io. The engine's exec hook (the simulated
// container runtime) belongs to the nodes engineer; until an engine provides one, the hook here
// is a test double that answers like a shell's `echo` and `exit N`, which is enough to check the
// framing (stdout, stderr, status channel, exit codes) the real kubectl sees.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import type { ExecHook } from '../engine-contract.js';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');

const shellLike: ExecHook = async (_pod, _container, command, io) => {
  if (command[0] === 'echo') {
    io.stdout(`${command.slice(1).join(' ')}\n`);
    return { exitCode: 0 };
  }
  if (command[0] === 'sh' && command[1] === '-c') {
    const m = /^echo (.*) >&2; exit (\d+)$/.exec(command[2] ?? '');
    if (m) {
      io.stderr(`${m[1]}\n`);
      return { exitCode: Number(m[2]) };
    }
  }
  return { exitCode: 126, error: `failed to exec in container: exec: "${command[0]}": executable file not found in $PATH` };
};

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
    Object.assign(engine, { exec: shellLike });
    await c.expect('exec-echo', ['exec', 'web', '--', 'echo', 'hello', 'world']);
    await c.expect('exec-exit-code', ['exec', 'web', '--', 'sh', '-c', 'echo oops >&2; exit 3']);
    await c.expect('exec-not-found', ['exec', 'web', '--', 'nosuch']);
  });
});
