// kubectl exec: runs a command in a container (k8s.io/kubectl/pkg/cmd/exec). With -i the
// terminal's keys (or piped stdin) feed the process; with -t the remote pty echoes and edits,
// so `exec -it pod -- sh` is an interactive shell in the container. A non-zero exit prints
// `command terminated with exit code N` and kubectl exits with N.
import { isStatusError } from '../../engine/api/errors.js';
import type { KubeObject } from '../../engine/objects.js';
import type { ExecStreams } from '../client.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { resolveType } from '../resource-types.js';

const FLAGS: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
];

const PODS = { group: '', version: 'v1', resource: 'pods' };
const HINT = "See 'kubectl exec -h' for help and examples";

export async function exec(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional, dashArgs } = parseFlags(args, FLAGS, 'exec');
  const namespace = String(flags.namespace ?? ctx.namespace);
  if (!positional.length) throw new UsageError('pod, type/name or --filename must be specified', HINT);
  if (positional.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', HINT);
  if (!dashArgs.length) throw new UsageError('you must specify at least one command for the container', HINT);
  const pod = await podFor(ctx, namespace, positional[0]);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new UsageError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = (flags.container as string | undefined) ?? defaultContainer(ctx, pod, Boolean(flags.quiet));
  if (!ctx.host.api.exec) throw new UsageError('unable to upgrade connection: exec is not served by this cluster');
  const wantStdin = Boolean(flags.stdin);
  let tty = Boolean(flags.tty);
  if (tty && !wantStdin) {
    if (!flags.quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  if (tty && !ctx.io.stdinIsTerminal) {
    if (!flags.quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const { streams, release } = wire(ctx, wantStdin, tty);
  try {
    const result = await ctx.host.api.exec({ ...PODS, namespace, name: pod.metadata.name }, { container, command: dashArgs, stdin: wantStdin, tty }, streams);
    if (result.error) throw new UsageError(`Internal error occurred: ${result.error}`);
    if (result.exitCode !== 0) {
      ctx.io.err(`command terminated with exit code ${result.exitCode}\n`);
      return result.exitCode;
    }
    return 0;
  } catch (e) {
    // The kubelet's own errors reach kubectl as their plain message, without "Internal error occurred".
    if (isStatusError(e)) throw new UsageError(`unable to upgrade connection: ${e.status.reason === 'InternalError' ? (e.status.details?.causes?.[0]?.message ?? e.status.message) : e.status.message}`);
    throw e;
  } finally {
    release();
  }
}

function defaultContainer(ctx: KubectlContext, pod: KubeObject, quiet: boolean): string | undefined {
  const names = ((pod.spec as { containers?: Array<{ name: string }> }).containers ?? []).map((c) => c.name);
  if (names.length <= 1) return names[0];
  const chosen = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0];
  if (!quiet) ctx.io.err(`Defaulted container ${JSON.stringify(chosen)} out of: ${names.join(', ')}\n`);
  return chosen;
}

/** The process's stdin: the terminal's keys (claimed while it runs) or what was piped in. */
function wire(ctx: KubectlContext, wantStdin: boolean, tty: boolean): { streams: ExecStreams; release: () => void } {
  // A request from the container that times out waits in simulated time (the sandbox's sleep).
  const sleep = ctx.host.sleep ? (ms: number) => ctx.host.sleep!(ms, ctx.io.interrupt) : undefined;
  const streams: ExecStreams = { stdout: (t) => ctx.io.out(t), stderr: (t) => ctx.io.err(t), tty, ...(sleep ? { sleep } : {}) };
  if (!wantStdin) return { streams, release: () => {} };
  const dataListeners: Array<(chunk: string) => void> = [];
  const endListeners: Array<() => void> = [];
  streams.stdin = { onData: (cb) => void dataListeners.push(cb), onEnd: (cb) => void endListeners.push(cb) };
  if (!ctx.io.stdinIsTerminal || !ctx.io.input) {
    // Piped input: delivered once the process has subscribed, then closed.
    queueMicrotask(() => {
      if (ctx.io.stdin) dataListeners.forEach((cb) => cb(ctx.io.stdin));
      endListeners.forEach((cb) => cb());
    });
    return { streams, release: () => {} };
  }
  const release = ctx.io.input.claim((data) => {
    // Without a pty the local terminal echoes in cooked mode.
    if (!tty) ctx.io.out(data.replace(/\r/g, '\n'));
    const chunk = tty ? data : data.replace(/\r/g, '\n');
    if (!tty && chunk.includes('\x03')) ctx.io.interrupt.raise();
    dataListeners.forEach((cb) => cb(chunk));
  });
  const stopInterrupt = ctx.io.interrupt.onRaise(() => endListeners.forEach((cb) => cb()));
  return {
    streams,
    release: () => {
      release();
      stopInterrupt();
    },
  };
}

async function podFor(ctx: KubectlContext, namespace: string, target: string): Promise<KubeObject> {
  if (!target.includes('/')) return ctx.host.api.get({ ...PODS, namespace, name: target });
  const [typed, name] = target.split('/');
  const type = resolveType(typed);
  if (type.kind === 'Pod') return ctx.host.api.get({ ...PODS, namespace, name });
  const owner = await ctx.host.api.get({ group: type.group, version: type.version, resource: type.resource, namespace, name });
  const labels = (owner.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = (await ctx.host.api.list({ ...PODS, namespace }, { labelSelector })).items.filter((p) => (p.status as { phase?: string })?.phase === 'Running');
  if (!pods.length) throw new UsageError('timed out waiting for the condition');
  return pods[0];
}
