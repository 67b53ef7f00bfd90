// The engine's container runtime behind the exec subresource: `kubectl exec` over HTTP runs the
// command in the simulated container (sandbox/engine/exec), as the in-process kubectl does, with
// the pod's network for wget/curl/nc. A blocked request waits in wall time here: a served
// sandbox's simulated time follows the wall clock.
import type { Clock, Random } from '../engine/clock.js';
import { execInContainer } from '../engine/exec/index.js';
import type { ExecHook, ServedEngine } from './engine-contract.js';

type RuntimeEngine = ServedEngine & { clock?: Clock; random?: Random };

/** The exec hook for an engine that has a clock and random source; undefined for bare ones. */
export function engineExec(engine: ServedEngine): ExecHook | undefined {
  const { clock, random } = engine as RuntimeEngine;
  if (!clock || !random) return undefined;
  return (pod, container, command, io) =>
    execInContainer(
      engine.api,
      pod,
      container,
      command,
      { stdin: io.stdin, stdout: (t) => io.stdout(t), stderr: (t) => io.stderr(t), tty: io.tty, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      { api: engine.api, clock, random, cluster: engine },
    );
}
