// curl's command line, as both curls we simulate read it: the learner's shell (sandbox/shell)
// and the one inside containers (container-net-curl.ts). Pure, so the engine can use it.
import type { HttpResponse } from '../images/http-servers.js';

export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  headers: string[];
  method?: string;
  data?: string;
  urls: string[];
}

const VALUED: Record<string, keyof CurlOptions> = { '-o': 'output', '--output': 'output', '-w': 'writeOut', '--write-out': 'writeOut', '-X': 'method', '--request': 'method', '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data' };
const FLAGS: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', f: 'fail', O: 'remoteName' };
const LONG_FLAGS: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--verbose': 'verbose', '--head': 'head', '--include': 'include', '--fail': 'fail', '--remote-name': 'remoteName' };
const IGNORED = new Set(['-L', '--location', '-k', '--insecure', '-4', '--ipv4', '--http1.1', '-N', '--no-buffer', '--compressed']);

/** The options, or the first option curl does not know (its usage error names it). */
export function parseCurlArgs(args: string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, fail: false, remoteName: false, headers: [], urls: [] };
  const set = o as unknown as Record<string, unknown>;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') ? a.split(/=(.*)/s) : [a, undefined];
    if (VALUED[name]) set[VALUED[name]] = inline ?? args[++i] ?? '';
    else if (name === '-H' || name === '--header') o.headers.push(inline ?? args[++i] ?? '');
    else if (name === '-m' || name === '--max-time') o.maxTimeMs = Number(inline ?? args[++i]) * 1000;
    else if (name === '--connect-timeout') o.connectTimeoutMs = Number(inline ?? args[++i]) * 1000;
    else if (LONG_FLAGS[name]) set[LONG_FLAGS[name]] = true;
    else if (IGNORED.has(name)) continue;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (FLAGS[ch]) set[FLAGS[ch]] = true;
        else if ('Lk'.includes(ch)) continue;
        else return `-${ch}`;
      }
    } else if (a.startsWith('-') && a !== '-') return name;
    else o.urls.push(a);
  }
  return o;
}

/**
 * curl's answer to a command line it cannot run (an unknown option, no URL): the text for
 * stderr, exit status 2. Undefined when there is something to fetch.
 */
export function curlUsageError(parsed: CurlOptions | string): string | undefined {
  const more = "curl: try 'curl --help' or 'curl --manual' for more information\n";
  if (typeof parsed === 'string') return `curl: option ${parsed}: is unknown\n${more}`;
  return parsed.urls.length ? undefined : more;
}

/** The status line and headers as `-i`/`-I` print them. */
export const curlHeaderBlock = (r: HttpResponse) => `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
