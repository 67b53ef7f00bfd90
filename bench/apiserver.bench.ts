// The HTTP front over a bare engine: writes/s over HTTPS (against the same writes in-process),
// list latency at 1,000 objects (JSON and Table), and watch fan-out to 100 HTTP watchers.
import { Agent, request } from 'node:https';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { Engine } from '../sandbox/engine/engine.js';
import { serveEngine } from '../sandbox/apiserver/serve.js';

const TOKEN = 'bench-token';
const NS = { group: '', version: 'v1', resource: 'namespaces' };
const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } });

function newEngine(): Engine {
  const engine = new Engine({ clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), random: new SeededRandom(7) });
  engine.api.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return engine;
}

interface Client {
  call(method: string, path: string, body?: unknown, accept?: string): Promise<string>;
  stream(path: string, onLine: (line: string) => void): () => void;
}

function client(base: string, ca: string): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: 200, ca });
  const url = new URL(base);
  const headers = (accept = 'application/json') => ({ Authorization: `Bearer ${TOKEN}`, Accept: accept, 'Content-Type': 'application/json' });
  return {
    call: (method, path, body, accept) =>
      new Promise((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path, method, agent, headers: headers(accept) }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve(text) : reject(new Error(`${res.statusCode} ${text}`))));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      }),
    stream: (path, onLine) => {
      const req = request({ host: url.hostname, port: url.port, path, method: 'GET', agent, headers: headers() }, (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            onLine(buf.slice(0, i));
            buf = buf.slice(i + 1);
          }
        });
      });
      req.on('error', () => {});
      req.end();
      return () => req.destroy();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function writesPerSecond(c: Client, n: number, prefix: string): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await c.call('POST', '/api/v1/namespaces/default/configmaps', cm(`${prefix}-${i}`));
  return n / (ms(start) / 1000);
}

function inProcessWritesPerSecond(n: number): number {
  const engine = newEngine();
  const ref = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) engine.api.create(ref, cm(`w-${i}`));
  return n / (ms(start) / 1000);
}

async function listLatency(c: Client, accept: string, runs = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await c.call('GET', '/api/v1/namespaces/default/configmaps', undefined, accept); // all 1,000
    times.push(ms(start));
  }
  return median(times);
}

async function watchFanOut(c: Client, engine: Engine, watchers: number, rounds = 5): Promise<number> {
  let pending = 0;
  let done: () => void = () => {};
  const stops = Array.from({ length: watchers }, () =>
    c.stream('/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=' + engine.api.list({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default', }, { limit: 1 }).metadata.resourceVersion, (line) => {
      if (line.includes('"fan-') && --pending === 0) done();
    }),
  );
  await new Promise((r) => setTimeout(r, 500));
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    pending = watchers;
    const all = new Promise<void>((r) => (done = r));
    const start = process.hrtime.bigint();
    engine.api.create({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }, cm(`fan-${i}`));
    await all;
    times.push(ms(start));
  }
  stops.forEach((s) => s());
  return median(times);
}

export async function run(): Promise<{ name: string; figures: Record<string, number> }> {
  const engine = newEngine();
  const serving = await serveEngine(engine, TOKEN);
  const c = client(serving.url, serving.caCert);
  try {
    await writesPerSecond(c, 50, 'warm'); // warm-up
    const httpWrites = await writesPerSecond(c, 500, 'w');
    const inProcess = inProcessWritesPerSecond(2000);
    for (let i = 550; i < 1000; i++) engine.api.create({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }, cm(`w-${i}`));
    const listJson = await listLatency(c, 'application/json');
    const listTable = await listLatency(c, 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
    const fanOut = await watchFanOut(c, engine, 100);
    return {
      name: 'apiserver',
      figures: {
        https_writes_per_s: Math.round(httpWrites),
        in_process_writes_per_s: Math.round(inProcess),
        https_vs_in_process_write_ratio: httpWrites / inProcess,
        list_1k_json_ms: listJson,
        list_1k_table_ms: listTable,
        watch_fanout_100_ms: fanOut,
      },
    };
  } finally {
    await serving.close();
  }
}
