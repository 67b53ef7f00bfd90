// curl 8 inside a container (curlimages/curl, alpine/curl, nicolaka/netshoot, nginx's Debian curl):
// -s -S -i -I -v -o -f -m --connect-timeout -H -X -d -w. Its error texts: "curl: (6) Could not
// resolve host: x", "curl: (28) Connection timed out after 5001 milliseconds" when -m or
// --connect-timeout runs out, "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't
// connect to server" (curl 8 no longer shows strerror), "curl: (52) Empty reply from server".
// Without a terminal on stdout (kubectl exec without -t) the progress meter goes to stderr.
import type { HttpResponse } from '../images/http-servers.js';
import type { ContainerRequester } from './container-net.js';
import { RESOLVER_GIVE_UP_MS } from './container-net-wget.js';
import type { ShellOutput } from './container-shell.js';

const VERSION = '8.11.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  output?: string;
  writeOut?: string;
  limitMs: number;
  headers: string[];
  method?: string;
  data?: string;
  urls: string[];
}

const FLAGS: Record<string, 'silent' | 'showError' | 'verbose' | 'head' | 'include' | 'fail'> = { s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', f: 'fail', '--silent': 'silent', '--show-error': 'showError', '--verbose': 'verbose', '--head': 'head', '--include': 'include', '--fail': 'fail' };
const IGNORED = new Set(['-L', '--location', '-k', '--insecure', '-4', '--ipv4', '--http1.1', '-N', '--no-buffer', '--compressed', '-sL', '-Ls']);

function parseArgs(args: string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, fail: false, limitMs: Infinity, headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '-o' || name === '--output') o.output = value();
    else if (name === '-w' || name === '--write-out') o.writeOut = value();
    else if (name === '-X' || name === '--request') o.method = value();
    else if (name === '-d' || name === '--data' || name === '--data-raw') o.data = value();
    else if (name === '-H' || name === '--header') o.headers.push(value());
    else if (name === '-m' || name === '--max-time' || name === '--connect-timeout') o.limitMs = Math.min(o.limitMs, Number(value()) * 1000);
    else if (FLAGS[name]) o[FLAGS[name]] = true;
    else if (IGNORED.has(name)) continue;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (FLAGS[ch]) o[FLAGS[ch]] = true;
        else if (!'Lk'.includes(ch)) return `-${ch}`;
      }
    } else if (a.startsWith('-')) return name;
    else o.urls.push(a);
  }
  return o;
}

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

const headerBlock = (r: HttpResponse) => `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

const writeOut = (fmt: string, vars: Record<string, string>) => fmt.replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t');

export function curl8(args: string[], net: ContainerRequester, o: ShellOutput): number {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    o.err(`curl: option ${opts}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  if (!opts.urls.length) {
    o.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
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
    if (out.reason === 'timeout') net.wait(Math.min(RESOLVER_GIVE_UP_MS, opts.limitMs));
    return opts.limitMs < RESOLVER_GIVE_UP_MS && out.reason === 'timeout' ? fail(28, `Resolving timed out after ${Math.round(opts.limitMs)} milliseconds`) : fail(6, `Could not resolve host: ${host}`);
  }
  if (opts.verbose) o.err(`* Host ${host}:${port} was resolved.\n*   Trying ${out.ip}:${port}...\n`);
  if (out.kind === 'connect-failed') {
    if (opts.limitMs < out.elapsedMs) {
      const ms = Math.round(opts.limitMs) + 1;
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
  const text = (opts.include || opts.head ? headerBlock(r) : '') + body;
  const toFile = opts.output !== undefined;
  if (!opts.silent && !opts.verbose && !opts.head && (toFile || !net.tty)) o.err(progressMeter(body.length));
  if (!toFile) o.out(text);
  if (opts.writeOut) o.out(writeOut(opts.writeOut, { http_code: String(r.status), response_code: String(r.status), remote_ip: out.ip, remote_port: String(port), size_download: String(body.length), url_effective: raw }));
  return 0;
}
