import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMonaco } from './static.js';

let server: Server;
let base = '';
const LOADER = resolve('node_modules/monaco-editor/min/vs/loader.js');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!serveMonaco(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A raw GET (fetch would decompress and hide the encoding). */
async function get(path: string, encoding?: string) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    // The path as given (a URL string would resolve its dot segments before sending).
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('Monaco files', () => {
  it('are gzipped for browsers that accept it, byte for byte the same file', async () => {
    const res = await get('/monaco/vs/loader.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    const original = readFileSync(LOADER);
    expect(gunzipSync(res.body).equals(original)).toBe(true);
    expect(res.body.length).toBeLessThan(original.length / 2);
    // Compressed once, served again from memory.
    const again = await get('/monaco/vs/loader.js', 'gzip');
    expect(again.body.equals(res.body)).toBe(true);
  });

  it('are sent as they are to clients that do not accept gzip', async () => {
    const res = await get('/monaco/vs/loader.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(LOADER))).toBe(true);
  });

  it('stay confined to Monaco’s folder', async () => {
    expect((await get('/monaco/vs/../../../../package.json', 'gzip')).status).toBe(404);
    expect((await get('/monaco/vs/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json', 'gzip')).status).toBe(404);
    expect((await get('/monaco/vs/no-such-file.js', 'gzip')).status).toBe(404);
  });
});
