// The real kubectl 1.32 against a tiny HTTP server that answers aggregated discovery and lists
// with our Tables: what it prints must match the golden texts (checked by eye against the real
// printers). Skipped, with one line saying so, when the binary is missing, unless
// REQUIRE_REAL_KUBECTL=1.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects.js';
import { findResource } from '../resources.js';
import { aggregatedDiscovery, DISCOVERY_CONTENT_TYPE } from './fixtures/discovery.js';
import { FIXTURES, NOW } from './fixtures/index.js';
import { toTable } from './index.js';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__', 'kubectl');
const haveKubectl = existsSync(KUBECTL);

if (!haveKubectl) {
  if (process.env.REQUIRE_REAL_KUBECTL === '1') throw new Error(`REQUIRE_REAL_KUBECTL=1 but ${KUBECTL} is missing`);
  console.log(`skipping the real-kubectl table tests: ${KUBECTL} not found`);
}

/** `/api/v1/namespaces/default/pods/x` → its parts; undefined for anything else. */
function parsePath(path: string) {
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.*)$/.exec(path);
  if (!m) return undefined;
  const [group, version] = m[1] ? ['', m[1]] : [m[2], m[3]];
  let parts = m[4].split('/').filter(Boolean);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  const resource = findResource(group, version, parts[0] ?? '');
  return resource && { resource, namespace, name: parts[1] };
}

function send(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(code, { 'Content-Type': contentType });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api' || url.pathname === '/apis') return send(res, 200, aggregatedDiscovery(url.pathname === '/api'), DISCOVERY_CONTENT_TYPE);
  const target = parsePath(url.pathname);
  if (!target) return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
  const { resource, namespace, name } = target;
  let objects: KubeObject[] = FIXTURES[`${resource.group}/${resource.resource}`] ?? [];
  if (namespace) objects = objects.filter((o) => o.metadata.namespace === namespace);
  if (name) objects = objects.filter((o) => o.metadata.name === name);
  if (name && objects.length === 0) {
    const message = `${resource.resource}${resource.group ? `.${resource.group}` : ''} "${name}" not found`;
    return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', details: { name, group: resource.group, kind: resource.resource }, code: 404 });
  }
  if (!(req.headers.accept ?? '').includes('as=Table')) return send(res, 406, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'this test server only answers Tables', reason: 'NotAcceptable', code: 406 });
  const includeObject = (url.searchParams.get('includeObject') ?? undefined) as 'None' | 'Metadata' | 'Object' | undefined;
  send(res, 200, toTable(resource, objects, { now: NOW, resourceVersion: '4242', includeObject }));
}

let server: Server;
let workDir: string;
let kubeconfig: string;

function kubectl(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const cacheDir = mkdtempSync(join(workDir, 'cache-'));
  return new Promise((resolve) => {
    execFile(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], { env: { PATH: process.env.PATH ?? '', HOME: workDir } as unknown as NodeJS.ProcessEnv, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
    );
  });
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const CASES: Array<[name: string, args: string[]]> = [
  ['get-pods', ['get', 'pods']],
  ['get-pods-wide', ['get', 'pods', '-o', 'wide']],
  ['get-pod-crashy', ['get', 'pod', 'crashy']],
  ['get-pods-sorted', ['get', 'pods', '--sort-by=.metadata.name']],
  ['get-all', ['get', 'all']],
  ['get-nodes-wide', ['get', 'nodes', '-o', 'wide']],
  ['get-services-wide', ['get', 'svc', '-o', 'wide']],
  ['get-deploy-rs-wide', ['get', 'deploy,rs', '-o', 'wide']],
  ['get-jobs-cronjobs-wide', ['get', 'jobs,cronjobs', '-o', 'wide']],
  ['get-events', ['get', 'events']],
  ['get-events-wide', ['get', 'events.events.k8s.io', '-o', 'wide']],
  ['get-endpoints-slices', ['get', 'endpoints,endpointslices']],
  ['get-network', ['get', 'ingress,ingressclass,netpol']],
  ['get-hpa', ['get', 'hpa']],
  ['get-storage', ['get', 'pv,pvc,sc']],
  ['get-config', ['get', 'cm,secrets,sa,quota,limits']],
  ['get-rbac-wide', ['get', 'roles,rolebindings,clusterroles,clusterrolebindings', '-o', 'wide']],
  ['get-cluster', ['get', 'ns,pc,leases,pdb,controllerrevisions,podtemplates,ds,sts,rc', '-A']],
  ['get-missing', ['get', 'pod', 'nope']],
];

describe.skipIf(!haveKubectl)('the real kubectl 1.32 prints our tables', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'kubelab-table-e2e-'));
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    kubeconfig = join(workDir, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: t, cluster: {server: "http://127.0.0.1:' + port + '"}}]',
        'users: [{name: t, user: {}}]',
        'contexts: [{name: t, context: {cluster: t, user: t, namespace: default}}]',
        'current-context: t',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  for (const [name, args] of CASES) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const { stdout, stderr, code } = await kubectl(args);
      golden(name, `$ kubectl ${args.join(' ')}\n${stdout}${stderr ? `[stderr]\n${stderr}` : ''}[exit ${code}]\n`);
    });
  }
});
