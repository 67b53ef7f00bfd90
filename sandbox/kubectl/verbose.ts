// kubectl -v=6 and up: the klog lines the real kubectl writes to stderr, so that a lesson can
// show the API requests behind a command. Config loading, client-go's feature-gate lines, then
// one round_trippers line per request (`GET https://…/api/v1/namespaces/default/pods?limit=500
// 200 OK in 0 milliseconds`); -v=7 adds the request headers and the response status line.
// Times come from the injected clock (fixed while a command runs), so transcripts are stable.
import { StatusError } from '../engine/api/errors.js';
import type { Clock } from '../engine/clock.js';
import type { ListOptions, ResourceRef, WriteOptions } from '../engine/api/types.js';
import type { KubeClient } from './client.js';

/** klog's pid column; a sandbox has no real process id. */
const PID = 4242;
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };
const FEATURE_GATES = ['WatchListClient', 'ClientsAllowCBOR', 'ClientsPreferCBOR', 'InformerResourceVersion'];
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** The -v level among the arguments (`-v=6`, `--v=6`, `-v 6`, `-v6`), or 0. */
export function verbosityOf(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?v(?:=(\d+)|(\d+))?$/.exec(args[i]);
    if (!m) continue;
    const value = m[1] ?? m[2] ?? args[i + 1];
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return 0;
}

export class KlogWriter {
  private lines = 0;
  constructor(
    private readonly clock: Clock,
    private readonly err: (s: string) => void,
    /** klog's severity letter: I(nfo), W(arning), E(rror). */
    private readonly severity: 'I' | 'W' | 'E' = 'I',
  ) {}
  /** `I1121 19:38:44.787271    4242 file.go:123] message` (microseconds step so lines stay ordered). */
  info(source: string, message: string): void {
    const d = new Date(this.clock.now());
    const two = (n: number) => String(n).padStart(2, '0');
    const micros = String(d.getUTCMilliseconds() * 1000 + 37 * ++this.lines).padStart(6, '0').slice(-6);
    this.err(`${this.severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(PID).padStart(7)} ${source}] ${message}\n`);
  }
}

/** The start of a verbose run: the kubeconfig read and client-go's feature gates. */
export function logStart(klog: KlogWriter, kubeconfigPath: string | undefined): void {
  if (kubeconfigPath) klog.info('loader.go:402', `Config loaded from file:  ${kubeconfigPath}`);
  for (const gate of FEATURE_GATES) klog.info('envvar.go:172', `"Feature gate default state" feature="${gate}" enabled=false`);
}

export function refPath(ref: ResourceRef): string {
  const parts = [ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`];
  if (ref.namespace) parts.push('namespaces', encodeURIComponent(ref.namespace));
  parts.push(ref.resource);
  if (ref.name) parts.push(encodeURIComponent(ref.name));
  if (ref.subresource) parts.push(ref.subresource);
  return parts.join('/');
}

/** Go's url.Values.Encode: keys sorted, empty values left out here. */
function query(q: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? '?' + entries.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&') : '';
}

const writeQuery = (o: WriteOptions = {}) => ({ dryRun: o.dryRun ? 'All' : undefined, fieldManager: o.fieldManager, fieldValidation: o.fieldValidation, force: o.force === undefined ? undefined : String(o.force) });
/** kubectl lists in chunks of 500. */
const listQuery = (o: ListOptions = {}) => ({ labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, limit: o.limit ?? 500, continue: o.continue });

/** A KubeClient that logs each request as kubectl does at -v=level. */
export function loggingClient(inner: KubeClient, klog: KlogWriter, level: number, onError: (e: StatusError) => void = () => {}): KubeClient {
  let discovered = false;
  let lastGet = '';
  const request = async <T>(method: string, url: string, accept: string, run: () => Promise<T>, success = 200): Promise<T> => {
    // Our get reads the objects and then their Table; kubectl reads the Table in the same
    // request, so the second read of one URL is not logged again.
    const repeat = method === 'GET' && url === lastGet;
    lastGet = method === 'GET' ? url : '';
    if (repeat) return run();
    if (level >= 7) {
      klog.info('round_trippers.go:470', `${method} ${url}`);
      klog.info('round_trippers.go:476', 'Request Headers:');
      klog.info('round_trippers.go:480', `    Accept: ${accept}`);
      klog.info('round_trippers.go:480', '    User-Agent: kubectl/v1.32.5 (linux/amd64) kubernetes/9894294');
      klog.info('round_trippers.go:480', '    Authorization: Bearer <masked>');
    }
    const done = (code: number) =>
      level >= 7 ? klog.info('round_trippers.go:581', `Response Status: ${code} ${STATUS_TEXT[code] ?? ''} in 0 milliseconds`) : klog.info('round_trippers.go:560', `${method} ${url} ${code} ${STATUS_TEXT[code] ?? ''} in 0 milliseconds`);
    try {
      const result = await run();
      done(success);
      return result;
    } catch (e) {
      if (e instanceof StatusError) {
        done(e.status.code ?? 500);
        onError(e);
      }
      throw e;
    }
  };
  const url = (path: string, q: Record<string, string | number | boolean | undefined> = {}) => `${inner.serverUrl}${path}${query(q)}`;
  // Commands that map a resource type first read discovery (/api, /apis), once per run.
  const mapped = async () => {
    if (discovered) return;
    discovered = true;
    for (const path of ['/api', '/apis']) await request('GET', url(path, { timeout: '32s' }), 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json', async () => undefined);
  };
  return {
    ...inner,
    create: (ref, body, opts) => request('POST', url(refPath(ref), writeQuery(opts)), 'application/json', () => inner.create(ref, body, opts), opts?.dryRun ? 200 : 201),
    get: async (ref) => (await mapped(), request('GET', url(refPath(ref)), 'application/json', () => inner.get(ref))),
    list: async (ref, opts) => (await mapped(), request('GET', url(refPath(ref), listQuery(opts)), 'application/json', () => inner.list(ref, opts))),
    update: (ref, body, opts) => request('PUT', url(refPath(ref), writeQuery(opts)), 'application/json', () => inner.update(ref, body, opts)),
    patch: async (ref, type, patch, opts) => (await mapped(), request('PATCH', url(refPath(ref), writeQuery(opts)), 'application/json', () => inner.patch(ref, type, patch, opts))),
    delete: async (ref, opts) => (await mapped(), request('DELETE', url(refPath(ref), { dryRun: opts?.dryRun ? 'All' : undefined }), 'application/json', () => inner.delete(ref, opts))),
    table: async (ref, opts) => (await mapped(), request('GET', url(refPath(ref), ref.name ? {} : listQuery(opts)), TABLE_ACCEPT, () => inner.table(ref, opts))),
    discovery: async () => (await mapped(), inner.discovery()),
    version: () => request('GET', url('/version', { timeout: '32s' }), 'application/json, */*', () => inner.version()),
  };
}

/** What checkErr logs at -v=6 before printing an API error it reports. */
export function logReportedError(klog: KlogWriter, e: StatusError): void {
  klog.info('helpers.go:246', `server response object: %s[${JSON.stringify(statusInGoOrder(e), null, 2)}]`);
}

/** metav1.Status as encoding/json prints it: TypeMeta, metadata, status, message, reason, details, code. */
function statusInGoOrder(e: StatusError): Record<string, unknown> {
  const s = e.status as unknown as Record<string, unknown> & { details?: Record<string, unknown> };
  const out: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: s.status ?? 'Failure', message: s.message, reason: s.reason };
  if (s.details) {
    const d = s.details;
    const details: Record<string, unknown> = {};
    for (const k of ['name', 'group', 'kind', 'uid', 'causes', 'retryAfterSeconds']) if (d[k] !== undefined && d[k] !== '') details[k] = d[k];
    out.details = details;
  }
  out.code = s.code;
  return out;
}
