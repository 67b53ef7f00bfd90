// /healthz (the process answers: liveness) and /readyz (it can serve learners: the database
// answers and the sandbox workers have started; 503 while starting or stopping: readiness),
// and /metrics. Plain Node handlers, served before Next.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface OpsOptions {
  registry: Registry;
  /** Undefined when ready, else why not. */
  notReady(): Promise<string | undefined>;
}

export function serveOps(req: IncomingMessage, res: ServerResponse, opts: OpsOptions): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/healthz') {
    send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    return true;
  }
  if (path === '/readyz') {
    void opts.notReady().then(
      (why) => send(res, why ? 503 : 200, 'text/plain; charset=utf-8', why ? `not ready: ${why}\n` : 'ok\n'),
      (e) => send(res, 503, 'text/plain; charset=utf-8', `not ready: ${(e as Error).message}\n`),
    );
    return true;
  }
  if (path === '/metrics') {
    void opts.registry.metrics().then(
      (text) => send(res, 200, opts.registry.contentType, text),
      (e) => send(res, 500, 'text/plain; charset=utf-8', `metrics failed: ${(e as Error).message}\n`),
    );
    return true;
  }
  return false;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
