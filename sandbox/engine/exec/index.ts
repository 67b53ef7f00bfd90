// pods/exec on the simulated runtime: checks the target as the API server and kubelet do (same
// error texts as sandbox/apiserver/exec.ts), then runs the command in the container's shell:
// once for a command vector or `sh -c`, or as an interactive shell fed by stdin.
import { badRequest, internalError } from '../api/errors.js';
import type { ApiClient, ResourceRef } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import { containerEnv, type ContainerEnv } from './container-env.js';
import { startedContainer } from './container-mounts.js';
import { clusterOf } from '../cluster.js';
import type { PodRecord } from '../kubelet/runtime-state.js';
import { executable, prompt, runProgram, runScript, type ShellOutput, type ShellState } from './container-shell.js';
import { attachNetwork, deferredOutput, pendingWait, settle, type ExecNetwork } from './container-net.js';

/** The byte streams of one exec session, as the kubelet wires them (see apiserver ExecIO). */
export interface ExecStreams {
  stdin?: { onData(cb: (chunk: Uint8Array | string) => void): void; onEnd(cb: () => void): void };
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  tty: boolean;
  /** Waits simulated time (the caller's sleep): a request from the container that times out waits here. */
  sleep?(ms: number): Promise<void>;
}

export interface ExecOutcome {
  exitCode: number;
  error?: string;
}

const SERVICES = { group: '', version: 'v1', resource: 'services' };

/** The pod and container an exec targets, or the API server's/kubelet's error. */
export function execTarget(api: ApiClient, ref: ResourceRef, container?: string): { pod: KubeObject; container: string } {
  const pod = api.get({ ...ref, subresource: undefined });
  const names = ((pod.spec as { containers?: Array<{ name: string }> }).containers ?? []).map((c) => c.name);
  const chosen = container ?? (names.length === 1 ? names[0] : '');
  if (!chosen) throw badRequest(`a container name must be specified for pod ${ref.name}, choose one of: [${names.join(' ')}]`);
  if (!names.includes(chosen)) throw badRequest(`container ${chosen} is not valid for pod ${ref.name}`);
  if (!(pod.spec as { nodeName?: string }).nodeName) throw badRequest(`pod ${ref.name} does not have a host assigned`);
  const statuses = (pod.status as { containerStatuses?: Array<{ name: string; state?: { running?: unknown } }> } | undefined)?.containerStatuses ?? [];
  if (!statuses.some((s) => s.name === chosen && s.state?.running)) throw internalError(`container not found (${JSON.stringify(chosen)})`);
  return { pod, container: chosen };
}

function decode(chunk: Uint8Array | string): string {
  if (typeof chunk === 'string') return chunk;
  let s = '';
  for (const b of chunk) s += String.fromCharCode(b);
  // Bytes to UTF-8 text without TextDecoder (the engine has no DOM or Node libs).
  try {
    return decodeURIComponent(escape(s));
  } catch {
    return s;
  }
}

/** The kubelet's record of the pod on its node, when the engine runs a cluster. */
function podRecord(cluster: object | undefined, pod: KubeObject): PodRecord | undefined {
  const nodes = cluster && clusterOf(cluster)?.kubelet.nodes;
  return nodes?.[(pod.spec as { nodeName?: string }).nodeName ?? '']?.pods[pod.metadata.uid ?? ''];
}

/** Runs `command` in the container; resolves with its exit code when the process ends. */
export function execInContainer(api: ApiClient, pod: KubeObject, container: string, command: string[], io: ExecStreams, net?: ExecNetwork): Promise<ExecOutcome> {
  const services = api.list({ ...SERVICES, namespace: pod.metadata.namespace }).items;
  const now = net?.clock.now() ?? 0;
  const c = containerEnv(pod, container, services, startedContainer(api, pod, container, now, podRecord(net?.cluster, pod)));
  // With a tty the runtime sets TERM for the process, as containerd does for `exec -t`.
  if (io.tty) c.env.TERM = 'xterm';
  // With the network, wget/curl in the container send requests from the pod (container-net.ts).
  if (net) attachNetwork(c, pod, container, net, io.tty);
  const waiter: ExecNetwork | undefined = net && { ...net, sleep: net.sleep ?? io.sleep };
  const nl = (t: string) => (io.tty ? t.replace(/\r?\n/g, '\r\n') : t);
  // With a tty, stderr is the terminal too.
  const out: ShellOutput = { out: (t) => io.stdout(nl(t)), err: (t) => (io.tty ? io.stdout(nl(t)) : io.stderr(t)) };
  const [name] = command;
  if (!name || !executable(name, c)) {
    out.out(`OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(name ?? '')}: executable file not found in $PATH: unknown\n`);
    return Promise.resolve({ exitCode: 126 });
  }
  const base = name.split('/').pop()!;
  const state: ShellState = { cwd: '/', status: 0, shell: base === 'bash' ? 'bash' : 'sh' };
  // A request that times out waits simulated time; what follows it is printed after the wait.
  const held = deferredOutput(out, state);
  const oneShot = async (run: () => number) => {
    const exitCode = run();
    await settle(waiter, state, held);
    return { exitCode };
  };
  if (base !== 'sh' && base !== 'bash') return oneShot(() => runProgram(command, c, held, state));
  const script = command[1] === '-c' ? command[2] : undefined;
  if (script !== undefined) return oneShot(() => runScript(script, c, state, held));
  if (!io.stdin) return Promise.resolve({ exitCode: 0 });
  return interactive(c, state, io, held, waiter);
}

/** An interactive shell: with a tty it echoes keys and edits the line, as the pty's line discipline does. */
function interactive(c: ContainerEnv, state: ShellState, io: ExecStreams, out: ShellOutput & { flush(): void }, net?: ExecNetwork): Promise<ExecOutcome> {
  return new Promise((resolveExit) => {
    let line = '';
    let done = false;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      resolveExit({ exitCode: code });
    };
    if (io.tty) io.stdout(prompt(c, state));
    const afterLine = (code: number) => {
      if (state.exited !== undefined) {
        if (state.shell === 'bash' && io.tty) io.stdout('exit\r\n');
        finish(code);
      } else if (io.tty) io.stdout(prompt(c, state));
    };
    // While a request waits (a dropped connection), what the learner types queues up, as in a pty.
    let busy = false;
    let queued = '';
    let ended = false;
    const endInput = () => {
      if (line) runLine();
      if (!busy) finish(state.exited ?? state.status);
    };
    const runLine = () => {
      const code = runScript(line, c, state, out);
      line = '';
      if (pendingWait(state) === 0) return afterLine(code);
      busy = true;
      void settle(net, state, out).then(() => {
        busy = false;
        afterLine(code);
        const rest = queued;
        queued = '';
        if (rest) feed(rest);
        if (ended && !busy) endInput();
      });
    };
    const feed = (text: string) => {
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (done) return;
        if (busy) {
          queued += text.slice(i);
          return;
        }
        if (ch === '\r' || ch === '\n') {
          if (io.tty) io.stdout('\r\n');
          runLine();
        } else if (ch === '\x03') {
          line = '';
          state.status = 130;
          if (io.tty) io.stdout('^C\r\n' + prompt(c, state));
        } else if (ch === '\x04') {
          if (line) continue;
          if (state.shell === 'bash' && io.tty) io.stdout('exit\r\n');
          else if (io.tty) io.stdout('\r\n');
          finish(state.status);
        } else if (ch === '\x7f' || ch === '\b') {
          if (!line) continue;
          line = line.slice(0, -1);
          if (io.tty) io.stdout('\b \b');
        } else if (ch >= ' ') {
          line += ch;
          if (io.tty) io.stdout(ch);
        }
      }
    };
    io.stdin!.onData((chunk) => feed(decode(chunk).replace(/\x1b\[[0-9;]*[A-Za-z]|\x1b./g, '')));
    io.stdin!.onEnd(() => {
      ended = true;
      if (!busy) endInput();
    });
  });
}
