// Serves the Monaco editor's own files from node_modules at /monaco/vs/… (no CDN: the machines
// that run Kubelab may have no internet). Paths are confined to that folder.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzip } from 'node:zlib';

export const MONACO_PREFIX = '/monaco/vs/';
const MONACO_ROOT = resolve('node_modules/monaco-editor/min/vs');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** True when the request was for Monaco's files (answered here, found or not). */
export function serveMonaco(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '';
  if (!url.startsWith(MONACO_PREFIX)) return false;
  const rel = normalize(decodeURIComponent(url.slice(MONACO_PREFIX.length).split('?')[0]));
  const file = join(MONACO_ROOT, rel);
  if (!file.startsWith(MONACO_ROOT + '/') || !isFile(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return true;
  }
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=86400', Vary: 'Accept-Encoding' };
  if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    gzipped(file).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('compression failed'),
    );
    return true;
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
  return true;
}

// Monaco is about 4 MB of JavaScript and CSS, a quarter of that gzipped: the lab page's largest
// download. Its files never change while the process runs, so each is compressed once.
const COMPRESSIBLE = new Set(['.js', '.css', '.json', '.svg']);
const compressed = new Map<string, Promise<Buffer>>();

function gzipped(file: string): Promise<Buffer> {
  let body = compressed.get(file);
  if (!body) {
    body = new Promise<Buffer>((done, fail) => gzip(readFileSync(file), (err, out) => (err ? fail(err) : done(out))));
    body.catch(() => compressed.delete(file));
    compressed.set(file, body);
  }
  return body;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
