// busybox nc (nc_bloaty, as the busybox image builds it) for port checks: `nc -zv host port`,
// `-w SEC`. Texts: "web (10.96.0.12:80) open" on stderr with -v; a failure exits 1 and, with -v,
// prints "nc: web (10.96.0.12:80): Connection timed out" (a -w alarm fakes ETIMEDOUT too) — but a
// refusal only with -vv, as busybox keeps port scans quiet. Without -z it would shovel stdin to
// the socket: not simulated, the connection just closes.
import type { ContainerRequester } from './container-net.js';
import type { ShellOutput } from './container-shell.js';
import { RESOLVER_GIVE_UP_MS } from './container-net-wget.js';

interface NcOptions {
  verbose: number;
  waitMs: number;
  operands: string[];
}

function parseArgs(args: string[]): NcOptions | undefined {
  const o: NcOptions = { verbose: 0, waitMs: Infinity, operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!/^-[a-zA-Z]/.test(a)) {
      o.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const ch = a[j];
      if (ch === 'v') o.verbose++;
      else if (ch === 'w') {
        o.waitMs = Number(a.slice(j + 1) || args[++i]) * 1000;
        break;
      } else if (!'znu'.includes(ch)) return undefined;
    }
  }
  return o;
}

const USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n';

export function busyboxNc(args: string[], net: ContainerRequester, o: ShellOutput): number {
  const opts = parseArgs(args);
  const [host, portText] = opts?.operands ?? [];
  if (!opts || !host || !portText || opts.operands.length > 2) {
    o.err(USAGE);
    return 1;
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    o.err(`nc: bad port '${portText}'\n`);
    return 1;
  }
  const out = net.request(host, port, 'GET', '/', [['Host', host]]);
  if (out.kind === 'unresolved') {
    if (out.reason === 'timeout') net.wait(RESOLVER_GIVE_UP_MS);
    o.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const dotted = `${out.ip}:${port}`;
  if (out.kind !== 'connect-failed') {
    if (opts.verbose) o.err(`${host} (${dotted}) open\n`);
    if (opts.verbose > 1) o.err('sent 0, rcvd 0\n');
    return 0;
  }
  const timedOut = out.reason === 'timeout' || out.elapsedMs > opts.waitMs;
  net.wait(Math.min(out.elapsedMs, opts.waitMs));
  const text = timedOut ? 'Connection timed out' : out.reason === 'refused' ? 'Connection refused' : 'No route to host';
  if (opts.verbose > 1 || (opts.verbose && (out.reason !== 'refused' || timedOut))) o.err(`nc: ${host} (${dotted}): ${text}\n`);
  // -vv ends with the byte counts, whatever happened.
  if (opts.verbose > 1) o.err('sent 0, rcvd 0\n');
  return 1;
}
