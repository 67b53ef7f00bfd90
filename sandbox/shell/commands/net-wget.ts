// GNU Wget 1.21.2 (Ubuntu 22.04): -q, -O file|-, -T/--timeout, -t/--tries, -S, --spider; its log
// lines, progress bar and exit codes (4 network failure, 8 server error), retrying connections
// that time out as it really does (20 tries by default; Ctrl-C stops it).
import type { CommandFn } from '../interpreter.js';
import { parseUrl, shellRequest, wait, type NetHost } from './net-common.js';

interface WgetOptions {
  quiet: boolean;
  output?: string;
  timeoutMs?: number;
  tries: number;
  serverResponse: boolean;
  spider: boolean;
  urls: string[];
}

function parseArgs(args: string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, tries: 20, serverResponse: false, spider: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') ? a.split(/=(.*)/s) : [a, undefined];
    if (name === '--output-document') o.output = inline ?? args[++i];
    else if (name === '--timeout') o.timeoutMs = Number(inline ?? args[++i]) * 1000;
    else if (name === '--tries') o.tries = Number(inline ?? args[++i]) || 20;
    else if (name === '--quiet') o.quiet = true;
    else if (name === '--spider') o.spider = true;
    else if (name === '--server-response') o.serverResponse = true;
    else if (/^-[a-zA-Z]/.test(a) && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'q') o.quiet = true;
        else if (ch === 'S') o.serverResponse = true;
        else if ('OTt'.includes(ch)) {
          const v = a.slice(j + 1) || args[++i] || '';
          if (ch === 'O') o.output = v;
          else if (ch === 'T') o.timeoutMs = Number(v) * 1000;
          else o.tries = Number(v) || 20;
          break;
        } else return `-${ch}`;
      }
    } else if (a.startsWith('--')) return name;
    else o.urls.push(a);
  }
  return o;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** wget's rate: 1024-based units, fewer decimals as the number grows. */
function rate(bytesPerSecond: number): string {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let v = bytesPerSecond;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2)} ${units[u]}`;
}

function uniqueName(exists: (p: string) => boolean, base: string): string {
  if (!exists(base)) return base;
  for (let n = 1; ; n++) if (!exists(`${base}.${n}`)) return `${base}.${n}`;
}

export function wgetCommand(host: NetHost): CommandFn {
  return async ({ args, io, shell }) => {
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.err(`wget: invalid option -- '${o.replace(/^-+/, '')}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
      return 2;
    }
    if (!o.urls.length) {
      io.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    const log = (s: string) => !o.quiet && io.err(s);
    const url = parseUrl(o.urls[0]);
    if (!url || url.scheme !== 'http') {
      log(`${o.urls[0]}: Unsupported scheme.\n`);
      return 1;
    }
    const now = () => host.clock.now();
    const showHost = url.host !== url.host.replace(/[^0-9.]/g, '') ? `${url.host} (${url.host})` : '';
    for (let attempt = 1; attempt <= o.tries; attempt++) {
      log(`--${stamp(now())}--  ${attempt > 1 ? `(try:${String(attempt).padStart(2)})  ` : ''}${url.href}\n`);
      const out = shellRequest(host, shell, { host: url.host, port: url.port }, { method: o.spider ? 'HEAD' : 'GET', path: url.path, headers: [['User-Agent', 'Wget/1.21.2'], ['Accept', '*/*'], ['Accept-Encoding', 'identity'], ['Host', url.authority], ['Connection', 'Keep-Alive']] });
      if (out.kind === 'unresolved') {
        log(`Resolving ${showHost}... failed: ${out.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}.\nwget: unable to resolve host address ‘${url.host}’\n`);
        return 4;
      }
      if (showHost && attempt === 1) log(`Resolving ${showHost}... ${out.ip}\n`);
      log(`Connecting to ${showHost ? `${showHost}|${out.ip}|` : out.ip}:${url.port}... `);
      if (out.kind === 'connect-failed') {
        const ms = Math.min(out.elapsedMs, o.timeoutMs ?? Infinity);
        if (await wait(shell, ms, io.interrupt)) return 130;
        const text = out.reason === 'refused' ? 'Connection refused' : out.reason === 'no-route' ? 'No route to host' : 'Connection timed out';
        log(`failed: ${text}.\n`);
        if (out.reason !== 'timeout') return 4;
        log(attempt < o.tries ? 'Retrying.\n\n' : 'Giving up.\n\n');
        continue;
      }
      log('connected.\nHTTP request sent, awaiting response... ');
      if (out.kind === 'empty-reply') {
        log(`No data received.\n${attempt < o.tries ? 'Retrying.\n\n' : 'Giving up.\n\n'}`);
        continue;
      }
      const r = out.response;
      if (o.serverResponse) log(`\n  HTTP/1.1 ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
      else log(`${r.status} ${r.reason}\n`);
      if (r.status >= 400) {
        log(`${stamp(now())} ERROR ${r.status}: ${r.reason}.\n\n`);
        return 8;
      }
      const type = r.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '';
      log(`Length: ${r.body.length} [${type}]\n`);
      if (o.spider) {
        log('Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n');
        return 0;
      }
      const toStdout = o.output === '-';
      const file = toStdout ? '-' : o.output ?? uniqueName((p) => shell.fs.exists(p), url.path.split('/').pop() || 'index.html');
      log(`Saving to: ‘${toStdout ? 'STDOUT' : file}’\n\n`);
      log(`${file.padEnd(20).slice(0, 20)}100%[===================>] ${String(r.body.length).padStart(7)}  --.-KB/s    in 0s      \n\n`);
      if (toStdout) io.out(r.body);
      else shell.fs.writeFile(file, r.body);
      log(`${stamp(now())} (${rate(r.body.length * 100000)}) - ${toStdout ? 'written to stdout' : `‘${file}’ saved`} [${r.body.length}/${r.body.length}]\n\n`);
      return 0;
    }
    return 4;
  };
}
