// What the network commands share: the network context of the sandbox's cluster, the source they
// run from (the learner's shell is on the control-plane node), URL parsing, and waits that Ctrl-C ends.
import type { ApiClient } from '../../engine/api/types.js';
import type { Clock, Random } from '../../engine/clock.js';
import { SeededRandom } from '../../engine/clock.js';
import { networkContext, requestFrom, type RequestOutcome, type Source } from '../../engine/network/index.js';
import { localPortsOf } from '../../kubectl/port-forward-table.js';
import type { Interrupt } from '../io.js';
import type { Shell } from '../interpreter.js';

export interface NetHost {
  api: ApiClient;
  clock: Clock;
  cluster?: object;
}

export const SHELL_SOURCE: Source = { kind: 'node', node: 'controlplane' };

const fallbackRandom = new SeededRandom(1);

export function netContext(host: NetHost) {
  const random = (host.cluster as { random?: Random } | undefined)?.random ?? fallbackRandom;
  return networkContext({ api: host.api, clock: host.clock, random, cluster: host.cluster });
}

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** host[:port] as the Host header carries it. */
  authority: string;
  href: string;
}

/** curl/wget URL parsing: a missing scheme means http, a missing path `/`. */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([^#\s]*)?/.exec(raw);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const host = m[2].toLowerCase();
  const authority = m[3] ? `${host}:${m[3]}` : host;
  return { scheme, host, port, path, authority, href: `${scheme}://${authority}${path}` };
}

/** Waits simulated time; true when Ctrl-C ended the wait. */
export async function wait(shell: Shell, ms: number, interrupt: Interrupt): Promise<boolean> {
  if (ms > 0) await shell.host.sleep(ms, interrupt);
  return interrupt.interrupted;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * An HTTP exchange from the shell's node. localhost:<port> goes through a running
 * `kubectl port-forward` (its table, sandbox/kubectl/port-forward-table.ts) to the pod, as the
 * real kubectl's listener tunnels it; the shell on a node (ssh) sends from that node.
 */
export function shellRequest(host: NetHost, shell: Shell, target: { host: string; port: number }, req: Parameters<typeof requestFrom>[3]): RequestOutcome {
  const ctx = netContext(host);
  const node = shell.getVar('HOSTNAME') ?? 'controlplane';
  const source: Source = { kind: 'node', node };
  if (LOOPBACK.has(target.host)) {
    const forward = node === 'controlplane' ? localPortsOf(shell.fs).get(target.port) : undefined;
    if (!forward) return { kind: 'connect-failed', ip: target.host === 'localhost' ? '127.0.0.1' : target.host, port: target.port, reason: 'refused', elapsedMs: 0 };
    let podIP: string | undefined;
    try {
      podIP = (host.api.get({ group: '', version: 'v1', resource: 'pods', namespace: forward.namespace, name: forward.pod }) as { status?: { podIP?: string } }).status?.podIP;
    } catch {
      podIP = undefined;
    }
    if (!podIP) return { kind: 'empty-reply', ip: '127.0.0.1', port: target.port };
    forward.onConnection();
    const out = requestFrom(ctx, source, { host: podIP, port: forward.podPort }, req);
    return out.kind === 'unresolved' ? out : { ...out, ip: '127.0.0.1', port: target.port } as RequestOutcome;
  }
  return requestFrom(ctx, node === 'controlplane' ? SHELL_SOURCE : source, target, req);
}
