// createApiServer: the Kubernetes-compatible HTTP front of one sandbox's engine. Routes the
// discovery, version, health, OpenAPI and resource paths, authenticates the bearer token, and
// answers every failure as a Status like kube-apiserver.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { unauthorized } from '../engine/api/errors.js';
import { actorOf, ADMIN, type RequestContext } from './context.js';
import { aggregatedContentType, aggregatedDiscovery, aggregatedVersionAccepted, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, isServedGroupVersion } from './discovery.js';
import { engineNow, type ServedEngine } from './engine-contract.js';
import { attachExec } from './exec.js';
import { health, SERVER_VERSION } from './info.js';
import { serveOpenApi } from './openapi.js';
import { parseApiPath } from './paths.js';
import { pathNotFound, sendError, sendJson, sendText } from './respond.js';
import { serveResource } from './rest.js';

export interface ApiServerOptions {
  engine: ServedEngine;
  /** The sandbox's bearer token; requests without it get 401. */
  token: string;
  /** Simulated now for Table ages when the engine exposes no clock. */
  now?: () => number;
  /** Run the engine's controllers after each write (default true). */
  settleAfterWrites?: boolean;
  /** Serve HTTPS with this key and certificate (kubectl only sends tokens over TLS). */
  tls?: { key: string; cert: string };
}

/** Paths a real cluster serves to anyone (system:public-info-viewer). */
const PUBLIC = /^\/(version|healthz|livez|readyz)(\/|$)/;

export function createApiServer(options: ApiServerOptions): Server {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(options, req, res).catch((err) => sendError(res, err));
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  attachExec(server, options);
  return server;
}

export function authenticated(options: ApiServerOptions, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  return header === `Bearer ${options.token}`;
}

async function handle(options: ApiServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!PUBLIC.test(url.pathname) && !authenticated(options, req)) return sendJson(res, 401, unauthorized().status);
  const ctx = contextOf(options, req, res, url);
  if (await serveNonResource(ctx)) return;
  const parsed = parseApiPath(url.pathname);
  switch (parsed.kind) {
    case 'resource':
      return serveResource(ctx, parsed.path);
    case 'groupVersion':
      if (req.method !== 'GET' || !isServedGroupVersion(parsed.group, parsed.version)) break;
      return sendJson(res, 200, apiResourceList(parsed.group, parsed.version));
    case 'group': {
      const doc = req.method === 'GET' ? apiGroupDocument(parsed.group) : undefined;
      if (doc) return sendJson(res, 200, doc);
      break;
    }
  }
  sendJson(res, 404, pathNotFound());
}

function contextOf(options: ApiServerOptions, req: IncomingMessage, res: ServerResponse, url: URL): RequestContext {
  let settleScheduled = false;
  const actor = actorOf(req.headers['user-agent']);
  return {
    req,
    res,
    url,
    engine: options.engine,
    api: options.engine.client?.(actor) ?? options.engine.api,
    user: ADMIN,
    actor,
    now: () => engineNow(options.engine, options.now ?? Date.now),
    settle: () => {
      if (options.settleAfterWrites === false || !options.engine.runUntilIdle || settleScheduled) return;
      settleScheduled = true;
      setImmediate(() => options.engine.runUntilIdle?.());
    },
  };
}

/** Discovery roots, version, health and OpenAPI. True when the path was one of them. */
async function serveNonResource(ctx: RequestContext): Promise<boolean> {
  const { url, req, res } = ctx;
  const path = url.pathname.replace(/\/$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/api' || path === '/apis') {
    const v = aggregatedVersionAccepted(req.headers.accept);
    if (v) sendJson(res, 200, aggregatedDiscovery(path === '/api', v), aggregatedContentType(v));
    else sendJson(res, 200, path === '/api' ? apiVersions(req.headers.host ?? '127.0.0.1') : apiGroupList());
    return true;
  }
  if (path === '/version') {
    sendJson(res, 200, SERVER_VERSION);
    return true;
  }
  const healthAnswer = health(path, url.searchParams.has('verbose'));
  if (healthAnswer) {
    sendText(res, healthAnswer.code, healthAnswer.text);
    return true;
  }
  if (path.startsWith('/openapi/')) return serveOpenApi(ctx, path);
  return false;
}
