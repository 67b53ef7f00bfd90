// KubeClient over HTTP(S), as the real kubectl talks to an API server: bearer token, the
// kubeconfig's CA or insecure-skip-tls-verify, Tables through the Accept header, watches as
// line-delimited JSON streams, and Status bodies turned back into StatusErrors.
// Node code: only the CLI path (`npm run shell -- --kubeconfig …`) imports this file.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { StatusError, type Status } from '../engine/api/errors.js';
import type { DeleteOptions, ListOptions, PatchType, ResourceRef, WatchEvent, WatchOptions, WriteOptions } from '../engine/api/types.js';
import type { KubeObject } from '../engine/objects.js';
import { ConnectionRefusedError, type DiscoveryGroup, type KubeClient, type ServerVersion } from './client.js';
import type { ResolvedConfig } from './kubeconfig.js';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

interface Sent {
  method: string;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

/** `/api/v1/namespaces/ns/pods/name/log` for a ref. */
export function refPath(ref: ResourceRef, watch = false): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const parts = [base];
  if (watch) parts.push('watch');
  if (ref.namespace !== undefined && ref.namespace !== '') parts.push('namespaces', encodeURIComponent(ref.namespace));
  parts.push(ref.resource);
  if (ref.name) parts.push(encodeURIComponent(ref.name));
  if (ref.subresource) parts.push(ref.subresource);
  return parts.join('/');
}

function queryString(q: Record<string, string | undefined> = {}): string {
  const entries = Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return entries.length ? '?' + entries.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&') : '';
}

const writeQuery = (o: WriteOptions = {}) => ({ dryRun: o.dryRun ? 'All' : undefined, fieldManager: o.fieldManager, fieldValidation: o.fieldValidation, force: o.force === undefined ? undefined : String(o.force) });
const listQuery = (o: ListOptions = {}) => ({ labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, limit: o.limit === undefined ? undefined : String(o.limit), continue: o.continue, resourceVersion: o.resourceVersion, resourceVersionMatch: o.resourceVersionMatch });

export function httpClient(config: ResolvedConfig): KubeClient {
  const server = new URL(config.server);
  const isHttps = server.protocol === 'https:';

  function open(sent: Sent, onResponse: (res: IncomingMessage) => void, onError: (e: Error) => void) {
    const body = sent.body === undefined ? undefined : Buffer.from(JSON.stringify(sent.body));
    const headers: Record<string, string> = { Accept: sent.accept ?? 'application/json', 'User-Agent': 'kubectl/v1.32.5 (linux/amd64) kubernetes/9894294' };
    if (config.token) headers.Authorization = `Bearer ${config.token}`;
    if (body) Object.assign(headers, { 'Content-Type': sent.contentType ?? 'application/json', 'Content-Length': String(body.length) });
    const options = {
      method: sent.method,
      hostname: server.hostname,
      port: server.port || (isHttps ? 443 : 80),
      path: server.pathname.replace(/\/$/, '') + sent.path + queryString(sent.query),
      headers,
      ...(isHttps ? { rejectUnauthorized: !config.insecureSkipTlsVerify, ca: config.caData, servername: isIpAddress(server.hostname) ? undefined : server.hostname } : {}),
    };
    const req = (isHttps ? httpsRequest : httpRequest)(options, onResponse);
    req.on('error', onError);
    req.end(body);
    return req;
  }

  function call<T>(sent: Sent): Promise<{ code: number; body: T }> {
    return new Promise((resolve, reject) => {
      open(
        sent,
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) {
              try {
                resolve({ code, body: (text ? JSON.parse(text) : {}) as T });
              } catch {
                reject(new Error(`invalid JSON from ${sent.path}`));
              }
            } else reject(statusErrorOf(code, text));
          });
        },
        (e) => reject(connectionError(config.server, e)),
      );
    });
  }
  const body = async <T>(sent: Sent) => (await call<T>(sent)).body;

  return {
    serverUrl: config.server,
    create: (ref, obj, opts) => body({ method: 'POST', path: refPath(ref), query: writeQuery(opts), body: obj }),
    get: (ref) => body({ method: 'GET', path: refPath(ref) }),
    list: (ref, opts) => body({ method: 'GET', path: refPath(ref), query: listQuery(opts) }),
    update: (ref, obj, opts) => body({ method: 'PUT', path: refPath(ref), query: writeQuery(opts), body: obj }),
    patch: (ref, type, patch, opts) => body({ method: 'PATCH', path: refPath(ref), query: writeQuery(opts), body: patch, contentType: PATCH_CONTENT_TYPES[type] }),
    delete: async (ref, opts: DeleteOptions = {}) => {
      const { dryRun, actor, user, ...rest } = opts;
      void actor, void user;
      const r = await call<KubeObject | Status>({ method: 'DELETE', path: refPath(ref), query: { dryRun: dryRun ? 'All' : undefined }, body: { ...rest, ...(dryRun ? { dryRun: ['All'] } : {}) } });
      return { code: r.code === 202 ? 202 : 200, body: r.body };
    },
    table: (ref, opts) => body({ method: 'GET', path: refPath(ref), query: ref.name ? {} : listQuery(opts), accept: TABLE_ACCEPT }),
    watch: (ref, opts, onEvent) => startWatch(open, ref, opts, onEvent, false),
    watchTable: (ref, opts, onEvent) => startWatch(open, ref, opts, onEvent, true),
    discovery: () => discover(body),
    version: () => body<ServerVersion>({ method: 'GET', path: '/version' }),
  };
}

type Opener = (sent: Sent, onResponse: (res: IncomingMessage) => void, onError: (e: Error) => void) => { destroy(): void };

/** Resolves once the server answered the watch; events then arrive line by line until stop(). */
function startWatch<E>(open: Opener, ref: ResourceRef, opts: WatchOptions, onEvent: (e: E) => void, table: boolean): Promise<{ stop(): void }> {
  return new Promise((resolve, reject) => {
    let stopped = false;
    const query = { watch: 'true', resourceVersion: opts.resourceVersion, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, allowWatchBookmarks: opts.allowWatchBookmarks ? 'true' : undefined, sendInitialEvents: opts.sendInitialEvents ? 'true' : undefined };
    const req = open(
      { method: 'GET', path: refPath(ref), query, accept: table ? TABLE_ACCEPT : 'application/json' },
      (res) => {
        const code = res.statusCode ?? 0;
        if (code < 200 || code >= 300) {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => reject(statusErrorOf(code, text)));
          return;
        }
        let buffered = '';
        res.on('data', (c: Buffer) => {
          buffered += c.toString('utf8');
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line && !stopped) onEvent(JSON.parse(line) as E);
          }
        });
        res.on('error', () => {});
        resolve({
          stop: () => {
            stopped = true;
            req.destroy();
          },
        });
      },
      (e) => (stopped ? undefined : reject(e)),
    );
  });
}

/** Legacy discovery: /api, /apis, then each group version's APIResourceList. */
async function discover(body: <T>(s: Sent) => Promise<T>): Promise<DiscoveryGroup[]> {
  const core = await body<{ versions: string[] }>({ method: 'GET', path: '/api' });
  const groups = await body<{ groups: Array<{ name: string; versions: Array<{ version: string }>; preferredVersion: { version: string } }> }>({ method: 'GET', path: '/apis' });
  const all = [{ name: '', versions: core.versions.map((version) => ({ version })), preferredVersion: { version: core.versions[0] } }, ...groups.groups];
  return Promise.all(
    all.map(async (g) => ({
      group: g.name,
      preferredVersion: g.preferredVersion.version,
      versions: await Promise.all(
        g.versions.map(async ({ version }) => ({
          version,
          resources: (await body<{ resources: DiscoveryGroup['versions'][number]['resources'] }>({ method: 'GET', path: g.name ? `/apis/${g.name}/${version}` : `/api/${version}` })).resources,
        })),
      ),
    })),
  );
}

function statusErrorOf(code: number, text: string): StatusError {
  try {
    const parsed = JSON.parse(text) as Status;
    if (parsed && parsed.kind === 'Status') return new StatusError(parsed);
  } catch {
    // not a Status: fall through to kubectl's generic text
  }
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server responded with the status code ${code} but did not return more information`, reason: code === 404 ? 'NotFound' : 'Unknown', code });
}

/** What kubectl prints when the server cannot be reached. */
function connectionError(server: string, e: Error): Error {
  const host = new URL(server).host;
  // Go's dial error names the address it dialled (the resolved IP), as Node's error does.
  const dialed = e as Error & { code?: string; address?: string; port?: number };
  if (dialed.code === 'ECONNREFUSED') return new ConnectionRefusedError(server.replace(/\/$/, ''), dialed.address ? `${dialed.address.includes(':') ? `[${dialed.address}]` : dialed.address}:${dialed.port}` : host);
  return new Error(`The connection to the server ${host} was refused - did you specify the right host or port?` + (/ECONNREFUSED/.test(e.message) ? '' : ` (${e.message})`));
}

const isIpAddress = (h: string) => /^[\d.]+$/.test(h) || h.includes(':');
