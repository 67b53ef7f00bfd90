// Requests made from INSIDE a container (`kubectl exec client -- wget -qO- http://web`): the
// request leaves the pod with the pod's IP and labels, so NetworkPolicy applies to it, and names
// resolve with the pod's resolv.conf (its namespace's search path). The programs are busybox wget
// (busybox and alpine images), busybox `nc -zv`, and curl 8 (curlimages/curl, alpine/curl, nicolaka/netshoot, nginx). A blocked connection takes its time in simulated time: the program records the
// wait and the exec sleeps it before the rest of the output (see deferredOutput).
import type { KubeObject } from '../objects.js';
import { networkContext, requestFrom, type NetworkHost, type RequestOutcome, type Source } from '../network/index.js';
import type { ContainerEnv } from './container-env.js';
import { busyboxWget } from './container-net-wget.js';
import { curl8 } from './container-net-curl.js';
import { busyboxNc } from './container-net-nc.js';
import type { ShellOutput, ShellState } from './container-shell.js';

/** What an exec needs to send requests: the network's host and a way to wait simulated time. */
export interface ExecNetwork extends NetworkHost {
  /** Waits `ms` of simulated time (the sandbox advances its clock); without it nothing waits. */
  sleep?(ms: number): Promise<void>;
}

/** One request as a container program makes it. */
export interface ContainerRequester {
  request(host: string, port: number, method: string, path: string, headers: Array<[string, string]>): RequestOutcome;
  /** The program blocks this long (a dropped SYN, a -T timeout) before it goes on. */
  wait(ms: number): void;
  /** Whether stdout is a terminal (`kubectl exec -t`): curl shows no progress meter then. */
  tty: boolean;
}

const networks = new WeakMap<ContainerEnv, { net: ExecNetwork; source: Source; tty: boolean }>();
const waits = new WeakMap<ShellState, number>();

/** Images that ship curl (their own, or as nginx's Debian base does). */
const CURL_IMAGES = /^(curlimages\/curl|alpine\/curl|nicolaka\/netshoot|(docker\.io\/)?(library\/)?nginx)(:|@|$)/;

/** Lets the container's programs reach the network as `pod`. */
export function attachNetwork(c: ContainerEnv, pod: KubeObject, container: string, net: ExecNetwork, tty = false): void {
  networks.set(c, { net, tty, source: { kind: 'pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '' } });
  const image = ((pod.spec as { containers?: Array<{ name: string; image?: string }> }).containers ?? []).find((x) => x.name === container)?.image ?? '';
  if (CURL_IMAGES.test(image)) c.programs.add('curl');
  // busybox and Alpine's busybox have nc; netshoot has its own (the same -zv texts are close enough).
  if (c.distro !== 'debian') c.programs.add('nc');
}

type NetProgram = (args: string[], c: ContainerEnv, s: ShellState, o: ShellOutput) => number;

const PROGRAMS: Record<string, (args: string[], r: ContainerRequester, o: ShellOutput) => number> = { wget: busyboxWget, curl: curl8, nc: busyboxNc };

/** The network program `name` for a container with a network attached (undefined: not one). */
export function netProgram(name: string, c: ContainerEnv): NetProgram | undefined {
  const attached = networks.get(c);
  const run = PROGRAMS[name];
  if (!attached || !run) return undefined;
  return (args, _c, s, o) => run(args, requester(attached.net, attached.source, s, attached.tty), o);
}

function requester(net: ExecNetwork, source: Source, s: ShellState, tty: boolean): ContainerRequester {
  return {
    tty,
    request(host, port, method, path, headers) {
      const ctx = networkContext(net);
      // The clock moves on while the program waits: a response after a wait carries the later time.
      return requestFrom({ ...ctx, now: ctx.now + pendingWait(s) }, source, { host, port }, { method, path, headers });
    },
    wait: (ms) => waits.set(s, pendingWait(s) + Math.max(0, Math.round(ms))),
  };
}

/** Simulated milliseconds the shell's programs have waited so far. */
export function pendingWait(s: ShellState): number {
  return waits.get(s) ?? 0;
}

/**
 * Output that holds back whatever a program writes after it started waiting, until the exec has
 * slept that long (`flush`): "Connecting to web (…)" shows at once, "download timed out" later.
 */
export function deferredOutput(o: ShellOutput, s: ShellState): ShellOutput & { flush(): void } {
  const held: Array<() => void> = [];
  const write = (send: (t: string) => void) => (t: string) => (pendingWait(s) > 0 ? held.push(() => send(t)) : send(t));
  return { out: write(o.out), err: write(o.err), flush: () => held.splice(0).forEach((f) => f()) };
}

/** Sleeps what the programs waited (if the exec can), then lets the held output through. */
export async function settle(net: ExecNetwork | undefined, s: ShellState, o: { flush(): void }): Promise<void> {
  const ms = pendingWait(s);
  if (ms > 0 && net?.sleep) await net.sleep(ms);
  waits.delete(s);
  o.flush();
}
