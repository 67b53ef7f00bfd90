// curl 7.81.0 as Ubuntu 22.04 ships it on kubeadm nodes: the options learners use (-s -S -v -I -i
// -o -O -w -m --connect-timeout -H -X -d -f -L -k), its error texts and exit codes, the progress
// meter when the body does not go to the terminal, and the verbose trace.
import type { RequestOutcome } from '../../engine/network/index.js';
import type { CommandFn } from '../interpreter.js';
import { curlHeaderBlock, curlUsageError, parseCurlArgs, type CurlOptions } from '../../engine/exec/curl-args.js';
import { netContext, parseUrl, shellRequest, wait, type NetHost, type ParsedUrl } from './net-common.js';

const VERSION = '7.81.0';



/** -w: %{http_code} and friends, with \n and \t escapes. */
function writeOut(fmt: string, v: Record<string, string>): string {
  return fmt.replace(/%\{([a-z_]+)\}/g, (m, name: string) => v[name] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r');
}

function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}`.padStart(4) + 'k';
  return `${(n / 1048576).toFixed(1)}M`.padStart(5);
}

/** The progress meter (to stderr) for a transfer of `size` bytes in about a millisecond. */
export function progressMeter(size: number): string {
  const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const line = (pct: number, total: number, got: number, speed: number) => `${String(pct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(got)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
  return `${head}\r${line(0, 0, 0, 0)}\r${line(100, size, size, size * 1000)}\n`;
}

interface Failure {
  code: number;
  message: string;
  afterMs: number;
  verbose: string[];
}

function failureOf(out: Exclude<RequestOutcome, { kind: 'response' }>, url: ParsedUrl, o: CurlOptions): Failure {
  if (out.kind === 'unresolved') return { code: 6, message: `Could not resolve host: ${url.host}`, afterMs: out.reason === 'timeout' ? 10_000 : 0, verbose: [`* Could not resolve host: ${url.host}`] };
  if (out.kind === 'empty-reply') return { code: 52, message: 'Empty reply from server', afterMs: 0, verbose: ['* Empty reply from server'] };
  const limit = Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);
  const natural = out.elapsedMs;
  if (limit < natural) {
    const ms = Math.round(limit) + 1;
    return { code: 28, message: `Connection timed out after ${ms} milliseconds`, afterMs: ms, verbose: [] };
  }
  const text = out.reason === 'refused' ? 'Connection refused' : out.reason === 'no-route' ? 'No route to host' : 'Connection timed out';
  const msg = `Failed to connect to ${out.ip} port ${out.port} after ${natural} ms: ${text}`;
  return { code: out.reason === 'timeout' ? 28 : 7, message: msg, afterMs: natural, verbose: [`* connect to ${out.ip} port ${out.port} failed: ${text}`, `* ${msg}`] };
}

export function curlCommand(host: NetHost): CommandFn {
  return async ({ args, io, shell }) => {
    const o = parseCurlArgs(args);
    const usage = curlUsageError(o);
    if (usage !== undefined || typeof o === 'string') {
      io.err(usage ?? '');
      return 2;
    }
    let status = 0;
    for (const raw of o.urls) status = await fetchOne(host, raw, o, io, shell);
    return status;
  };
}

async function fetchOne(host: NetHost, raw: string, o: CurlOptions, io: Parameters<CommandFn>[0]['io'], shell: Parameters<CommandFn>[0]['shell']): Promise<number> {
  const showErr = (msg: string, code: number) => {
    if (!o.silent || o.showError) io.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const url = parseUrl(raw);
  if (!url) return showErr('URL using bad/illegal format or missing URL', 3);
  if (url.scheme !== 'http') return showErr(url.scheme === 'https' ? 'SSL certificate problem: unable to get local issuer certificate' : `Protocol "${url.scheme}" not supported or disabled in libcurl`, url.scheme === 'https' ? 60 : 1);
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const reqHeaders: Array<[string, string]> = [['Host', url.authority], ['User-Agent', `curl/${VERSION}`], ['Accept', '*/*']];
  for (const h of o.headers) {
    const [k, ...v] = h.split(':');
    const i = reqHeaders.findIndex(([name]) => name.toLowerCase() === k.toLowerCase());
    if (i >= 0) reqHeaders.splice(i, 1);
    reqHeaders.push([k, v.join(':').trim()]);
  }
  if (o.data !== undefined) reqHeaders.push(['Content-Length', String(o.data.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
  const ctx = netContext(host);
  const out = shellRequest(host, shell, { host: url.host, port: url.port }, { method, path: url.path, headers: reqHeaders, body: o.data });
  const ip = out.kind === 'unresolved' ? '' : out.ip;
  const verbose = (lines: string[]) => o.verbose && io.err(lines.map((l) => `${l}\n`).join(''));
  if (out.kind !== 'unresolved') verbose([`*   Trying ${ip}:${url.port}...`]);
  const vars: Record<string, string> = { http_code: '000', response_code: '000', remote_ip: ip, remote_port: out.kind === 'unresolved' ? '' : String(url.port), url_effective: url.href, size_download: '0', content_type: '', num_connects: '0', time_total: '0.000000', exitcode: '0' };
  if (out.kind !== 'response') {
    const f = failureOf(out, url, o);
    if (await wait(shell, f.afterMs, io.interrupt)) return 130;
    verbose([...f.verbose, '* Closing connection 0']);
    if (o.writeOut) io.out(writeOut(o.writeOut, { ...vars, num_connects: out.kind === 'empty-reply' ? '1' : '0', time_total: (f.afterMs / 1000).toFixed(6), exitcode: String(f.code) }));
    return showErr(f.message, f.code);
  }
  const r = out.response;
  verbose([`* Connected to ${url.host} (${ip}) port ${url.port} (#0)`, `> ${method} ${url.path} HTTP/1.1\r`, ...reqHeaders.map(([k, v]) => `> ${k}: ${v}\r`), '> \r', '* Mark bundle as not supporting multiuse', ...curlHeaderBlock(r).split('\r\n').slice(0, -1).map((l) => `< ${l}\r`)]);
  const body = method === 'HEAD' ? '' : r.body;
  Object.assign(vars, { http_code: String(r.status), response_code: String(r.status), size_download: String(body.length), content_type: r.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '', num_connects: '1', time_total: '0.001000' });
  if (o.fail && r.status >= 400) {
    verbose(['* Closing connection 0']);
    return showErr(`The requested URL returned error: ${r.status}`, 22);
  }
  let text = (o.include || o.head ? curlHeaderBlock(r) : '') + body;
  const target = o.output ?? (o.remoteName ? url.path.split('/').pop() || '' : undefined);
  const toTerminal = target === undefined && io.stdoutIsTerminal;
  if (!o.silent && !o.verbose && !toTerminal && !o.head) io.err(progressMeter(body.length));
  if (o.verbose && !toTerminal && body.length) io.err(`{ [${body.length} bytes data]\n`);
  if (target !== undefined && target !== '/dev/null') {
    shell.fs.writeFile(target, text);
    text = '';
  } else if (target === '/dev/null') text = '';
  io.out(text);
  verbose([`* Connection #0 to host ${url.host} left intact`]);
  if (o.writeOut) io.out(writeOut(o.writeOut, vars));
  return 0;
}
