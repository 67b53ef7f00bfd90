// Watch streams: headers flushed at once, chunked, one JSON event per line. Table watches carry
// rows (column definitions only in the first event). timeoutSeconds ends the stream; a client
// disconnect stops the engine watch; a too-old resourceVersion is an ERROR event with a Status.
import { isStatusError } from '../engine/api/errors.js';
import { columnDefinitions, toTableRows } from '../engine/api/table/index.js';
import type { ResourceRef, ResourceType, WatchEvent, WatchOptions } from '../engine/api/types.js';
import type { KubeObject } from '../engine/objects.js';
import type { RequestContext } from './context.js';
import type { Rendering } from './negotiate.js';
import { tableContentType } from './negotiate.js';
import { JSON_TYPE, sendError } from './respond.js';

/** The real server picks a timeout between minRequestTimeout (1800 s) and twice that. */
const DEFAULT_TIMEOUT_SECONDS = 1800;

export interface WatchRequest {
  ref: ResourceRef;
  type: ResourceType;
  opts: WatchOptions;
  rendering: Rendering;
  timeoutSeconds?: number;
  includeObject?: 'None' | 'Metadata' | 'Object';
}

export function serveWatch(ctx: RequestContext, w: WatchRequest): void {
  const { res, req } = ctx;
  const contentType = w.rendering.kind === 'table' ? tableContentType(w.rendering.version) : JSON_TYPE;
  let open = true;
  let firstTableEvent = true;
  const pending: WatchEvent[] = [];
  let started = false;

  const write = (event: WatchEvent) => {
    if (!open) return;
    if (!started) {
      pending.push(event);
      return;
    }
    res.write(JSON.stringify(render(event)) + '\n');
  };

  const render = (event: WatchEvent): WatchEvent | { type: string; object: unknown } => {
    if (w.rendering.kind !== 'table' || event.type === 'ERROR' || event.type === 'BOOKMARK') return event;
    const obj = event.object as KubeObject;
    const table = {
      kind: 'Table',
      apiVersion: `meta.k8s.io/${w.rendering.version}`,
      metadata: { resourceVersion: obj.metadata?.resourceVersion ?? '' },
      columnDefinitions: firstTableEvent ? columnDefinitions(w.type) : null,
      rows: toTableRows(w.type, [obj], { now: ctx.now(), includeObject: w.includeObject }),
    };
    firstTableEvent = false;
    return { type: event.type, object: table };
  };

  let watch: { stop(): void };
  try {
    watch = ctx.engine.api.watch(w.ref, w.opts, write);
  } catch (err) {
    if (isStatusError(err) && err.code === 410) {
      startStream(ctx, contentType);
      res.end(JSON.stringify({ type: 'ERROR', object: err.status }) + '\n');
      return;
    }
    sendError(res, err);
    return;
  }

  startStream(ctx, contentType);
  started = true;
  for (const e of pending.splice(0)) write(e);

  const stop = () => {
    if (!open) return;
    open = false;
    clearTimeout(timer);
    watch.stop();
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(stop, (w.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
  req.on('close', stop);
  res.on('close', stop);
}

function startStream(ctx: RequestContext, contentType: string): void {
  ctx.res.writeHead(200, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
    'X-Content-Type-Options': 'nosniff',
  });
  ctx.res.flushHeaders();
  ctx.res.socket?.setNoDelay(true);
}
