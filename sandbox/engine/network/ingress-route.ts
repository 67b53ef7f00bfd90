// What ingress-nginx's nginx does with a request that reached the controller's port 80: pick the
// server block by Host (exact host, then wildcard `*.example.com`, then the catch-all `_`), then
// the location by path (Exact before Prefix, longest first; ImplementationSpecific is nginx's own
// prefix match), and proxy to one ready endpoint of the backend Service (nginx talks to pod IPs
// directly, not through the ClusterIP). No rule: the default backend's 404; no endpoints: 503.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { HTTPIngressPath, Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import { httpDate, type HttpRequest, type HttpResponse } from '../images/http-servers.js';
import { readyEndpoints } from './endpoints.js';
import { ingressesServedBy } from './ingress-class.js';
import { connect, type Source } from './route.js';
import type { NetworkContext } from './view.js';

/** ingress-nginx hides its version (server_tokens off): the pages say just "nginx". */
export function ingressErrorPage(status: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const STATUS_LINES: Record<number, string> = { 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

function errorResponse(status: number, now: number): HttpResponse {
  const reason = STATUS_LINES[status];
  const body = ingressErrorPage(`${status} ${reason}`);
  return { status, reason, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
}

/** The Host header without its port, lower-cased, as nginx matches server_name. */
function hostOf(req: HttpRequest): string {
  const h = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  return h.replace(/:\d+$/, '').toLowerCase();
}

function hostMatches(ruleHost: string | undefined, host: string): 'exact' | 'wildcard' | 'any' | undefined {
  if (!ruleHost) return 'any';
  if (ruleHost === host) return 'exact';
  if (ruleHost.startsWith('*.')) {
    const rest = host.slice(host.indexOf('.') + 1);
    return host.includes('.') && rest === ruleHost.slice(2) ? 'wildcard' : undefined;
  }
  return undefined;
}

/** Prefix matching is per path element: /foo matches /foo and /foo/bar, not /foobar. */
function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(`${p}/`);
}

export interface Candidate {
  ingress: Ingress;
  path: HTTPIngressPath;
  hostRank: number;
}

function pathMatches(p: HTTPIngressPath, path: string): boolean {
  const want = p.path ?? '/';
  if (p.pathType === 'Exact') return path === want;
  if (p.pathType === 'ImplementationSpecific') return path.startsWith(want);
  return prefixMatches(want, path);
}

const HOST_RANK = { exact: 0, wildcard: 1, any: 2 } as const;

/**
 * The best rule path for the request (graders use it too). nginx first picks the server block by
 * Host — an exact host, else a wildcard, else the catch-all `_` of the host-less rules — and only
 * that server's locations count: a host with no matching path gets a 404 even when a host-less
 * rule would match. Within it, Exact before Prefix, then the longest path.
 */
export function bestPath(ingresses: Ingress[], host: string, path: string): Candidate | undefined {
  const byServer: Candidate[][] = [[], [], []];
  const hasServer = [false, false, false];
  for (const ingress of ingresses) {
    for (const rule of ingress.spec?.rules ?? []) {
      const m = hostMatches(rule.host, host);
      if (!m) continue;
      hasServer[HOST_RANK[m]] = true;
      for (const p of rule.http?.paths ?? []) if (pathMatches(p, path)) byServer[HOST_RANK[m]].push({ ingress, path: p, hostRank: HOST_RANK[m] });
    }
  }
  const server = hasServer.indexOf(true);
  if (server < 0) return undefined;
  const found = byServer[server];
  found.sort((a, b) => Number(b.path.pathType === 'Exact') - Number(a.path.pathType === 'Exact') || (b.path.path ?? '/').length - (a.path.path ?? '/').length);
  return found[0];
}

function servicePortOf(svc: Service, backend: IngressBackend): ServicePort | undefined {
  const port = backend.service?.port;
  return (svc.spec?.ports ?? []).find((p) => (port?.name ? p.name === port.name : p.port === port?.number));
}

/** Proxies to one ready endpoint of the backend, as the controller pod. */
function proxyTo(ctx: NetworkContext & { now: number }, controller: Source, namespace: string, backend: IngressBackend, req: HttpRequest): HttpResponse {
  const svc = ctx.view.services.find((s) => s.metadata?.namespace === namespace && s.metadata?.name === backend.service?.name);
  const sp = svc && servicePortOf(svc, backend);
  const eps = svc && sp ? readyEndpoints(ctx.view, svc, sp) : [];
  if (!eps.length) return errorResponse(503, ctx.now);
  const ep = eps[Math.floor(ctx.random.next() * eps.length)];
  const conn = connect(ctx, controller, ep.ip, ep.port, 'TCP');
  if (conn.kind === 'timeout') return errorResponse(504, ctx.now);
  if (conn.kind !== 'connected' || !conn.listener.http) return errorResponse(502, ctx.now);
  const answer = conn.listener.http(req, ctx.now);
  // nginx answers with its own Date and Connection and hides the upstream's Server header.
  const headers = answer.headers.filter(([k]) => !['server', 'date', 'connection'].includes(k.toLowerCase()));
  return { ...answer, headers: [['Date', httpDate(ctx.now)], ...headers, ['Connection', 'keep-alive']] };
}

/** The answer of the ingress-nginx controller (`controller`, a pod) to one HTTP request on port 80. */
export function ingressNginxAnswer(ctx: NetworkContext & { now: number }, controller: Source, req: HttpRequest): HttpResponse {
  const ingresses = ingressesServedBy(ctx.view.ingresses ?? [], ctx.view.ingressClasses ?? []);
  const path = req.path.split('?')[0] || '/';
  const best = bestPath(ingresses, hostOf(req), path);
  if (best) return proxyTo(ctx, controller, best.ingress.metadata!.namespace!, best.path.backend, req);
  const fallback = ingresses.find((i) => i.spec?.defaultBackend?.service);
  if (fallback) return proxyTo(ctx, controller, fallback.metadata!.namespace!, fallback.spec!.defaultBackend!, req);
  return errorResponse(404, ctx.now);
}
