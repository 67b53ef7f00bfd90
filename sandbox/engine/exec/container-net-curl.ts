// curl 8 inside a container (curlimages/curl, alpine/curl, nicolaka/netshoot, nginx's Debian curl):
// -s -S -i -I -v -o -f -m --connect-timeout -H -X -d -w. Its error texts: "curl: (6) Could not
// resolve host: x", "curl: (28) Connection timed out after 5001 milliseconds" when -m or
// --connect-timeout runs out, "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't
// connect to server" (curl 8 no longer shows strerror), "curl: (52) Empty reply from server".
// Without a terminal on stdout (kubectl exec without -t) the progress meter goes to stderr.
import { curlHeaderBlock, curlUsageError, parseCurlArgs, type CurlOptions } from './curl-args.js';
import type { ContainerRequester } from './container-net.js';
import { RESOLVER_GIVE_UP_MS } from './container-net-wget.js';
import type { ShellOutput } from './container-shell.js';

const VERSION = '8.11.1';

/** -m and --connect-timeout both bound a container's request: whichever is shorter. */
const limitOf = (o: CurlOptions) => Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);

function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  return `${Math.floor(n / 1024)}k`.padStart(5);
}

/** The progress meter of a transfer that took about a millisecond. */
function progressMeter(size: number): string {
  const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const line = (pct: number, n: number, speed: number) => `${String(pct).padStart(3)} ${max5(n)}  ${String(pct).padStart(3)} ${max5(n)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
  return `${head}\r${line(0, 0, 0)}\r${line(100, size, size * 1000)}\n`;
}

const writeOut = (fmt: string, vars: Record<string, string>) => fmt.replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t');

export function curl8(args: string[], net: ContainerRequester, o: ShellOutput): number {
  const opts = parseCurlArgs(args);
  const usage = curlUsageError(opts);
  if (usage !== undefined || typeof opts === 'string') {
    o.err(usage ?? '');
    return 2;
  }
  let status = 0;
  for (const url of opts.urls) status = fetchOne(url, opts, net, o);
  return status;
}

function fetchOne(raw: string, opts: CurlOptions, net: ContainerRequester, o: ShellOutput): number {
  const fail = (code: number, msg: string) => {
    if (!opts.silent || opts.showError) o.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/i.exec(raw);
  if (!m) return fail(3, 'URL rejected: Malformed input to a URL function');
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http') return fail(scheme === 'https' ? 35 : 1, scheme === 'https' ? 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number' : `Protocol "${scheme}" not supported`);
  const host = m[2].toLowerCase();
  const port = m[3] ? Number(m[3]) : 80;
  const path = m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/';
  const method = opts.method ?? (opts.head ? 'HEAD' : opts.data !== undefined ? 'POST' : 'GET');
  const headers: Array<[string, string]> = [['Host', m[3] ? `${host}:${port}` : host], ['User-Agent', `curl/${VERSION}`], ['Accept', '*/*']];
  for (const h of opts.headers) headers.push([h.split(':')[0], h.split(':').slice(1).join(':').trim()]);
  const out = net.request(host, port, method, path, headers);
  if (out.kind === 'unresolved') {
    if (out.reason === 'timeout') net.wait(Math.min(RESOLVER_GIVE_UP_MS, limitOf(opts)));
    return limitOf(opts) < RESOLVER_GIVE_UP_MS && out.reason === 'timeout' ? fail(28, `Resolving timed out after ${Math.round(limitOf(opts))} milliseconds`) : fail(6, `Could not resolve host: ${host}`);
  }
  if (opts.verbose) o.err(`* Host ${host}:${port} was resolved.\n*   Trying ${out.ip}:${port}...\n`);
  if (out.kind === 'connect-failed') {
    if (limitOf(opts) < out.elapsedMs) {
      const ms = Math.round(limitOf(opts)) + 1;
      net.wait(ms);
      return fail(28, `Connection timed out after ${ms} milliseconds`);
    }
    net.wait(out.elapsedMs);
    return fail(out.reason === 'timeout' ? 28 : 7, `Failed to connect to ${host} port ${port} after ${out.elapsedMs} ms: Couldn't connect to server`);
  }
  if (out.kind === 'empty-reply') return fail(52, 'Empty reply from server');
  const r = out.response;
  if (opts.fail && r.status >= 400) return fail(22, `The requested URL returned error: ${r.status}`);
  const body = method === 'HEAD' ? '' : r.body;
  const text = (opts.include || opts.head ? curlHeaderBlock(r) : '') + body;
  const toFile = opts.output !== undefined;
  if (!opts.silent && !opts.verbose && !opts.head && (toFile || !net.tty)) o.err(progressMeter(body.length));
  if (!toFile) o.out(text);
  if (opts.writeOut) o.out(writeOut(opts.writeOut, { http_code: String(r.status), response_code: String(r.status), remote_ip: out.ip, remote_port: String(port), size_download: String(body.length), url_effective: raw }));
  return 0;
}
