// Serves the Monaco editor's own files from node_modules at /monaco/vs/… (no CDN: the machines
// that run Kubelab may have no internet). Paths are confined to that folder.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=86400' });
  createReadStream(file).pipe(res);
  return true;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
