// The REST verbs on resource paths: get, list, watch, create, update, patch, delete and
// deletecollection, with the real server's status codes (201 for creates, 202 for deletes
// that wait on finalizers) and Table rendering when asked for.
import { badRequest, methodNotSupported, StatusError } from '../engine/api/errors.js';
import { qualifiedResource } from '../engine/api/resources.js';
import { toTable } from '../engine/api/table/index.js';
import type { ResourceRef, ResourceType } from '../engine/api/types.js';
import type { KubeObject } from '../engine/objects.js';
import { decodeObjectBody, decodePatchBody, mediaType, parseJsonBody, patchTypeOf, readBody } from './body.js';
import type { RequestContext } from './context.js';
import { deleteOptions, isWatch, listOptions, watchOptions, writeOptions } from './options.js';
import { negotiate, tableContentType, type Rendering } from './negotiate.js';
import type { ResourcePath } from './paths.js';
import { sendJson, sendText } from './respond.js';
import { answerReview, isReview } from './reviews.js';
import { serveWatch } from './watch.js';
import { decodeEnvelope, hasProtobufMagic } from './protobuf/decode.js';
import { MESSAGES } from './protobuf/descriptors.generated.js';

const STREAMING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);

export async function serveResource(ctx: RequestContext, path: ResourcePath): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  const { ref, type } = path;
  if (ref.subresource && STREAMING_SUBRESOURCES.has(ref.subresource)) throw badRequest('Upgrade request required');
  switch (method) {
    case 'GET':
      return serveRead(ctx, path);
    case 'POST':
      return serveCreate(ctx, ref, type);
    case 'PUT':
      return serveUpdate(ctx, ref, type);
    case 'PATCH':
      return servePatch(ctx, ref, type);
    case 'DELETE':
      return serveDelete(ctx, ref, type);
    default:
      throw methodNotAllowed();
  }
}

function methodNotAllowed(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server does not allow this method on the requested resource',
    reason: 'MethodNotAllowed',
    details: {},
    code: 405,
  });
}

function requireVerb(type: ResourceType, verb: string, action: string): void {
  if (!type.verbs.includes(verb)) throw methodNotSupported(qualifiedResource(type), action);
}

function includeObjectOf(q: URLSearchParams): 'None' | 'Metadata' | 'Object' {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function serveRead(ctx: RequestContext, { ref, type, legacyWatch }: ResourcePath): void {
  const q = ctx.url.searchParams;
  const isCollection = !ref.name;
  const rendering = negotiate(ctx.req.headers.accept, !ref.subresource);
  if (legacyWatch || isWatch(q)) {
    requireVerb(type, 'watch', 'watch');
    const collection = { ...ref, name: undefined };
    delete collection.name;
    const byName = ref.name ? `metadata.name=${ref.name}` : undefined;
    const timeout = q.get('timeoutSeconds');
    serveWatch(ctx, {
      ref: collection,
      type,
      opts: watchOptions(q, byName),
      rendering,
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      includeObject: includeObjectOf(q),
    });
    return;
  }
  if (isCollection) {
    requireVerb(type, 'list', 'list');
    const list = ctx.api.list(ref, listOptions(q));
    if (rendering.kind === 'table') return sendTable(ctx, type, list.items, rendering, list.metadata);
    return sendJson(ctx.res, 200, list);
  }
  if (ref.subresource === 'log') return serveLog(ctx, ref);
  const obj = ctx.api.get(ref);
  if (rendering.kind === 'table') return sendTable(ctx, type, [obj], rendering, { resourceVersion: obj.metadata?.resourceVersion ?? '' });
  sendJson(ctx.res, 200, obj);
}

function serveLog(ctx: RequestContext, ref: ResourceRef): void {
  if (!ctx.engine.logs) throw methodNotSupported({ group: '', resource: 'pods/log' }, 'get');
  const q = ctx.url.searchParams;
  const tail = q.get('tailLines');
  const text = ctx.engine.logs(ref, {
    container: q.get('container') ?? undefined,
    tailLines: tail ? Number(tail) : undefined,
    previous: q.get('previous') === 'true',
    timestamps: q.get('timestamps') === 'true',
  });
  sendText(ctx.res, 200, text);
}

function sendTable(ctx: RequestContext, type: ResourceType, items: KubeObject[], rendering: Rendering, meta: { resourceVersion: string; continue?: string; remainingItemCount?: number }): void {
  if (rendering.kind !== 'table') return;
  const table = toTable(type, items, { now: ctx.now(), includeObject: includeObjectOf(ctx.url.searchParams), ...meta });
  const body = rendering.version === 'v1' ? table : { ...table, apiVersion: 'meta.k8s.io/v1beta1' };
  sendJson(ctx.res, 200, body, tableContentType(rendering.version));
}

async function serveCreate(ctx: RequestContext, ref: ResourceRef, type: ResourceType): Promise<void> {
  if (ref.name && !ref.subresource) throw methodNotAllowed();
  negotiate(ctx.req.headers.accept, false);
  const body = decodeObjectBody(await readBody(ctx.req), ctx.req.headers['content-type']);
  if (isReview(type)) return sendJson(ctx.res, 201, answerReview(type, body, ctx.user));
  requireVerb(type, 'create', 'create');
  if (!ref.subresource) checkNamespace(ref, body);
  const created = ctx.api.create(ref, body, writeOptions(ctx.url.searchParams, ctx.user, ctx.actor));
  ctx.settle();
  sendWritten(ctx, 201, created);
}

/** The real handler rejects a body whose namespace differs from the URL's. */
function checkNamespace(ref: ResourceRef, body: Record<string, unknown>): void {
  const ns = (body.metadata as { namespace?: string } | undefined)?.namespace;
  if (ref.namespace !== undefined && ns && ns !== ref.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

async function serveUpdate(ctx: RequestContext, ref: ResourceRef, type: ResourceType): Promise<void> {
  if (!ref.name) throw methodNotAllowed();
  requireVerb(type, 'update', 'update');
  negotiate(ctx.req.headers.accept, false);
  const body = decodeObjectBody(await readBody(ctx.req), ctx.req.headers['content-type']);
  const name = (body.metadata as { name?: string } | undefined)?.name;
  if (name !== undefined && name !== ref.name) throw badRequest(`the name of the object (${name}) does not match the name on the URL (${ref.name})`);
  checkNamespace(ref, body);
  const updated = ctx.api.update(ref, body, writeOptions(ctx.url.searchParams, ctx.user, ctx.actor));
  ctx.settle();
  sendWritten(ctx, ctx.engine.server?.lastWrite.created ? 201 : 200, updated);
}

async function servePatch(ctx: RequestContext, ref: ResourceRef, type: ResourceType): Promise<void> {
  if (!ref.name) throw methodNotAllowed();
  requireVerb(type, 'patch', 'patch');
  negotiate(ctx.req.headers.accept, false);
  const patchType = patchTypeOf(ctx.req.headers['content-type']);
  const patch = decodePatchBody(await readBody(ctx.req), patchType);
  // Apply creates a missing object, and then answers 201 like a create.
  const existed = ctx.engine.server ? true : patchType !== 'apply' || exists(ctx, ref);
  const patched = ctx.api.patch(ref, patchType, patch, writeOptions(ctx.url.searchParams, ctx.user, ctx.actor));
  ctx.settle();
  const created = ctx.engine.server ? ctx.engine.server.lastWrite.created : !existed;
  sendWritten(ctx, created ? 201 : 200, patched);
}

/** A write's answer, with its warnings as `Warning: 299 - "…"` headers (kubectl prints `Warning: …`). */
function sendWritten(ctx: RequestContext, code: number, obj: KubeObject): void {
  const warnings = ctx.engine.server?.lastWrite.warnings ?? [];
  if (warnings.length) ctx.res.setHeader('Warning', warnings.map((w) => `299 - "${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
  sendJson(ctx.res, code, obj);
}

function exists(ctx: RequestContext, ref: ResourceRef): boolean {
  try {
    ctx.api.get({ ...ref, subresource: undefined });
    return true;
  } catch {
    return false;
  }
}

async function serveDelete(ctx: RequestContext, ref: ResourceRef, type: ResourceType): Promise<void> {
  negotiate(ctx.req.headers.accept, false);
  const raw = await readBody(ctx.req);
  const body = raw.length ? deleteOptionsBody(raw, ctx.req.headers['content-type']) : undefined;
  const opts = deleteOptions(ctx.url.searchParams, body, ctx.user, ctx.actor);
  if (!ref.name) {
    requireVerb(type, 'deletecollection', 'deletecollection');
    const list = ctx.api.deleteCollection(ref, listOptions(ctx.url.searchParams), opts);
    ctx.settle();
    return sendJson(ctx.res, 200, list);
  }
  requireVerb(type, 'delete', 'delete');
  const result = ctx.api.delete(ref, opts);
  ctx.settle();
  sendJson(ctx.res, result.code, result.body);
}

function deleteOptionsBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (mediaType(contentType) === 'application/vnd.kubernetes.protobuf' || hasProtobufMagic(raw)) {
    return decodeEnvelope(new Uint8Array(raw), MESSAGES).object;
  }
  const parsed = parseJsonBody(raw);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
