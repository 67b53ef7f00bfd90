// What a running container answers on its ports, by image: nginx and httpd serve their default
// pages, hashicorp/http-echo its -text on -listen (default :5678), redis and other TCP servers
// accept connections but close an HTTP request without a reply. The network (engine/network)
// delivers a request here once it has reached the pod and port.
import type { Container } from 'kubernetes-types/core/v1';
import { resolveImage } from './catalogue.js';
import { HTTP_ECHO_VERSION, HTTPD_ETAG, HTTPD_INDEX, HTTPD_INDEX_MTIME, HTTPD_SERVER, httpdErrorPage, NGINX_INDEX, NGINX_INDEX_MTIME, nginxErrorPage, NGINX_VERSIONS } from './http-pages.js';

export interface HttpRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

/** A listening socket: HTTP servers answer requests; other protocols close an HTTP request unanswered. */
export interface Listener {
  port: number;
  protocol: 'TCP' | 'UDP';
  http?: (req: HttpRequest, now: number) => HttpResponse;
}

/** RFC 7231 IMF-fixdate, as servers write Date and Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Not Allowed' };

function nginx(version: string): Listener['http'] {
  return (req, now) => {
    const base: Array<[string, string]> = [['Server', `nginx/${version}`], ['Date', httpDate(now)], ['Content-Type', 'text/html']];
    const error = (status: number) => {
      const body = nginxErrorPage(`${status} ${REASONS[status]}`, version);
      return { status, reason: REASONS[status], headers: [...base, ['Content-Length', String(body.length)], ['Connection', 'keep-alive']] as Array<[string, string]>, body };
    };
    if (req.path !== '/' && req.path !== '/index.html') return error(404);
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(405);
    const etag = `"${NGINX_INDEX_MTIME.toString(16)}-${NGINX_INDEX.length.toString(16)}"`;
    const headers: Array<[string, string]> = [...base, ['Content-Length', String(NGINX_INDEX.length)], ['Last-Modified', httpDate(NGINX_INDEX_MTIME * 1000)], ['Connection', 'keep-alive'], ['ETag', etag], ['Accept-Ranges', 'bytes']];
    return { status: 200, reason: 'OK', headers, body: NGINX_INDEX };
  };
}

const httpd: Listener['http'] = (req, now) => {
  if (req.path !== '/' && req.path !== '/index.html') {
    const body = httpdErrorPage(404);
    return { status: 404, reason: 'Not Found', headers: [['Date', httpDate(now)], ['Server', HTTPD_SERVER], ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
  }
  const headers: Array<[string, string]> = [['Date', httpDate(now)], ['Server', HTTPD_SERVER], ['Last-Modified', httpDate(HTTPD_INDEX_MTIME * 1000)], ['ETag', HTTPD_ETAG], ['Accept-Ranges', 'bytes'], ['Content-Length', String(HTTPD_INDEX.length)], ['Content-Type', 'text/html']];
  return { status: 200, reason: 'OK', headers, body: HTTPD_INDEX };
};

/** A component's health endpoint (/healthz, /livez, /readyz, /health, /ready): it is up, so it says ok. */
const healthy: Listener['http'] = (_req, now) => ({ status: 200, reason: 'OK', headers: [['Date', httpDate(now)], ['Content-Length', '2'], ['Content-Type', 'text/plain; charset=utf-8']], body: 'ok' });

/** The HPA walkthrough's php-apache: index.php burns CPU computing square roots, then says OK!. */
const phpApache: Listener['http'] = (_req, now) => {
  const body = 'OK!';
  return { status: 200, reason: 'OK', headers: [['Date', httpDate(now)], ['Server', 'Apache/2.4.10 (Debian)'], ['X-Powered-By', 'PHP/5.6.14'], ['Content-Length', String(body.length)], ['Content-Type', 'text/html']], body };
};

function httpEcho(text: string): Listener['http'] {
  return (_req, now) => {
    const body = `${text}\n`;
    return { status: 200, reason: 'OK', headers: [['X-App-Name', 'http-echo'], ['X-App-Version', HTTP_ECHO_VERSION], ['Date', httpDate(now)], ['Content-Length', String(body.length)], ['Content-Type', 'text/plain; charset=utf-8']], body };
  };
}

/** `-name=value` or `-name value` from http-echo's flags (Go's flag package accepts both, and `--`). */
function goFlag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = new RegExp(`^--?${name}(?:=(.*))?$`, 's').exec(args[i]);
    if (m) return m[1] ?? args[i + 1];
  }
  return undefined;
}

/** A custom command replaces the server unless it starts the server binary itself. */
function runsServer(c: Container, binaries: string[]): boolean {
  if (!c.command?.length) return true;
  const base = c.command[0].split('/').pop() ?? '';
  return binaries.includes(base);
}

/** The sockets a running container listens on, from its image and arguments. */
export function containerListeners(c: Container): Listener[] {
  const resolved = resolveImage(c.image ?? '');
  if (!resolved) return [];
  const { spec, ref } = resolved;
  const args = [...(c.command ?? []).slice(1), ...(c.args ?? [])];
  switch (spec.name) {
    case 'nginx':
      return runsServer(c, ['nginx', 'docker-entrypoint.sh']) ? [{ port: 80, protocol: 'TCP', http: nginx(NGINX_VERSIONS[ref.tag ?? 'latest'] ?? '1.27.3') }] : [];
    case 'httpd':
      return runsServer(c, ['httpd', 'httpd-foreground']) ? [{ port: 80, protocol: 'TCP', http: httpd }] : [];
    case 'hashicorp/http-echo': {
      if (!runsServer(c, ['http-echo'])) return [];
      const listen = goFlag(args, 'listen') ?? ':5678';
      return [{ port: Number(listen.split(':').pop()), protocol: 'TCP', http: httpEcho(goFlag(args, 'text') ?? '') }];
    }
    case 'registry.k8s.io/hpa-example':
      return runsServer(c, ['apache2-foreground', 'apache2']) ? [{ port: 80, protocol: 'TCP', http: phpApache }] : [];
    default:
      if (spec.process.kind !== 'serve' || (c.command?.length && !runsServer(c, [spec.name.split('/').pop()!]))) return [];
      const health = (spec.healthPorts ?? []).filter((port) => !spec.ports.some((p) => p.port === port && p.protocol === 'TCP'));
      return [
        ...spec.ports.map((p): Listener => (p.protocol === 'TCP' && spec.healthPorts?.includes(p.port) ? { ...p, http: healthy } : { port: p.port, protocol: p.protocol })),
        ...health.map((port): Listener => ({ port, protocol: 'TCP', http: healthy })),
      ];
  }
}
