// busybox wget (1.36) inside a container: -q, -O FILE|-, -T SEC, -S, --spider, -U. Its texts:
// "Connecting to web (10.96.0.12:80)", "writing to stdout" / "saving to 'index.html'", the
// progress bar, "written to stdout"; failures die with "wget: …" and exit 1: "bad address 'x'",
// "download timed out" when -T runs out first (default 900 s: the kernel's own connect timeout,
// ~2 min, comes first without -T), "can't connect to remote host (IP): Connection refused",
// "server returned error: HTTP/1.1 404 Not Found".
import type { ContainerRequester } from './container-net.js';
import type { ShellOutput } from './container-shell.js';

interface WgetOptions {
  quiet: boolean;
  output?: string;
  timeoutMs: number;
  serverResponse: boolean;
  spider: boolean;
  userAgent: string;
  urls: string[];
}

/** resolv.conf's defaults: 5 s per try, 2 attempts. */
export const RESOLVER_GIVE_UP_MS = 10_000;

const USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

function parseArgs(args: string[]): WgetOptions | undefined {
  const o: WgetOptions = { quiet: false, timeoutMs: 900_000, serverResponse: false, spider: false, userAgent: 'Wget', urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--quiet') o.quiet = true;
    else if (name === '--output-document') o.output = value();
    else if (name === '--timeout') o.timeoutMs = Number(value()) * 1000;
    else if (name === '--user-agent') o.userAgent = value();
    else if (name === '--spider') o.spider = true;
    else if (name === '--server-response') o.serverResponse = true;
    else if (name.startsWith('--')) continue; // --no-check-certificate and the ignored GNU options
    else if (/^-[a-zA-Z]/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'q') o.quiet = true;
        else if (ch === 'S') o.serverResponse = true;
        else if (ch === 'c') continue;
        else if ('OTUPYt'.includes(ch)) {
          const v = a.slice(j + 1) || args[++i] || '';
          if (ch === 'O') o.output = v;
          else if (ch === 'T') o.timeoutMs = Number(v) * 1000;
          else if (ch === 'U') o.userAgent = v;
          break;
        } else return undefined;
      }
    } else o.urls.push(a);
  }
  return o;
}

/** busybox parse_url: http only here; host[:port]/path. */
function parseUrl(raw: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/i.exec(raw);
  if (!m) return undefined;
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}

/** The status bar's last state, as busybox draws it for a finished transfer. */
function progressBar(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}|${String(size).padStart(6)}  0:00:00 ETA\n`;
}

export function busyboxWget(args: string[], net: ContainerRequester, o: ShellOutput): number {
  const opts = parseArgs(args);
  if (!opts || !opts.urls.length) {
    o.err(USAGE);
    return 1;
  }
  const die = (msg: string) => (o.err(`wget: ${msg}\n`), 1);
  const url = parseUrl(opts.urls[0]);
  if (!url) return die(`not an http or ftp url: ${opts.urls[0]}`);
  const headers: Array<[string, string]> = [['Host', url.host], ['User-Agent', opts.userAgent], ['Connection', 'close']];
  const out = net.request(url.host, url.port, 'GET', url.path, headers);
  // xhost2sockaddr dies before anything is printed when the name does not resolve.
  if (out.kind === 'unresolved') {
    // A DNS query nobody answers (an egress policy dropping UDP 53) takes the resolver's time; -T does not cover it.
    if (out.reason === 'timeout') net.wait(RESOLVER_GIVE_UP_MS);
    return die(`bad address '${url.host}'`);
  }
  if (!opts.quiet) o.err(`Connecting to ${url.host} (${out.ip}:${url.port})\n`);
  if (out.kind === 'connect-failed') {
    if (out.elapsedMs >= opts.timeoutMs) {
      net.wait(opts.timeoutMs);
      return die('download timed out');
    }
    net.wait(out.elapsedMs);
    const text = out.reason === 'refused' ? 'Connection refused' : out.reason === 'no-route' ? 'No route to host' : 'Connection timed out';
    return die(`can't connect to remote host (${out.ip}): ${text}`);
  }
  if (out.kind === 'empty-reply') return die('error getting response');
  const r = out.response;
  if (opts.serverResponse) o.err(`  HTTP/1.1 ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
  if (r.status >= 400 || r.status === 206) return die(`server returned error: HTTP/1.1 ${r.status} ${r.reason}`);
  if (opts.spider) return 0;
  const file = opts.output ?? (url.path.split('/').pop() || 'index.html');
  const toStdout = file === '-';
  if (!opts.quiet) o.err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  if (toStdout) o.out(r.body);
  if (!opts.quiet) o.err(progressBar(toStdout ? '-' : file.split('/').pop()!, r.body.length) + (toStdout ? 'written to stdout\n' : `'${file}' saved\n`));
  return 0;
}
