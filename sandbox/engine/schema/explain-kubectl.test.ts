// Runs the REAL kubectl's `explain` against our /openapi/v3 documents, served by a tiny HTTP
// server with aggregated discovery for a couple of resources, and compares with golden files.
// Skips (with one line) when no real kubectl is installed, unless REQUIRE_REAL_KUBECTL=1.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiV3Document, openapiV3Root } from './openapi-v3.js';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const HAVE_KUBECTL = existsSync(KUBECTL);
const GOLDEN = join(import.meta.dirname, '__golden__');
const DISCOVERY_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

if (!HAVE_KUBECTL) {
  if (process.env.REQUIRE_REAL_KUBECTL === '1') throw new Error(`REQUIRE_REAL_KUBECTL=1 but ${KUBECTL} does not exist`);
  console.log(`skipping kubectl explain tests: ${KUBECTL} not found`);
}

const resource = (resource: string, group: string, kind: string, singular: string, shortNames: string[]) => ({
  resource,
  responseKind: { group, version: 'v1', kind },
  scope: 'Namespaced',
  singularResource: singular,
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  shortNames,
  categories: ['all'],
});

const discovery = (name: string | undefined, group: string, resources: unknown[]) => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: [{ metadata: name ? { name, creationTimestamp: null } : { creationTimestamp: null }, versions: [{ version: 'v1', resources, freshness: 'Current' }] }],
});

const GROUP_VERSIONS = [{ group: '', version: 'v1' }, { group: 'apps', version: 'v1' }];

function routes(url: URL): [string, unknown] | undefined {
  if (url.pathname === '/api') return [DISCOVERY_TYPE, discovery(undefined, '', [resource('pods', '', 'Pod', 'pod', ['po'])])];
  if (url.pathname === '/apis') return [DISCOVERY_TYPE, discovery('apps', 'apps', [resource('deployments', 'apps', 'Deployment', 'deployment', ['deploy'])])];
  if (url.pathname === '/openapi/v3') return ['application/json', openapiV3Root(GROUP_VERSIONS)];
  if (url.pathname === '/openapi/v3/api/v1') return ['application/json', openapiV3Document('', 'v1')];
  if (url.pathname === '/openapi/v3/apis/apps/v1') return ['application/json', openapiV3Document('apps', 'v1')];
  return undefined;
}

describe.skipIf(!HAVE_KUBECTL)('real kubectl explain against our OpenAPI v3', () => {
  let server: Server;
  let dir: string;
  let kubeconfig: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const found = routes(new URL(req.url ?? '/', 'http://localhost'));
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 }));
        return;
      }
      res.writeHead(200, { 'Content-Type': found[0] });
      res.end(JSON.stringify(found[1]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    dir = mkdtempSync(join(tmpdir(), 'explain-'));
    kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: test',
      'clusters:', `- name: test`, `  cluster: {server: "http://127.0.0.1:${address.port}"}`,
      'users:', '- name: test', '  user: {}',
      'contexts:', '- name: test', '  context: {cluster: test, user: test, namespace: default}',
    ].join('\n'));
  });

  afterAll(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function explain(...args: string[]): Promise<string> {
    const cacheDir = mkdtempSync(join(dir, 'cache-'));
    const { stdout } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, 'explain', ...args], { timeout: 30_000 });
    return stdout;
  }

  function golden(name: string, actual: string): void {
    const file = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  }

  it('explains a scalar field: deployment.spec.replicas', async () => {
    golden('explain-deployment.spec.replicas.txt', await explain('deployment.spec.replicas'));
  });

  it('explains a kind: pods', async () => {
    golden('explain-pods.txt', await explain('pods'));
  });

  it('explains a field with a referenced type and enum: pod.spec.containers.imagePullPolicy', async () => {
    golden('explain-pod.spec.containers.imagePullPolicy.txt', await explain('pod.spec.containers.imagePullPolicy'));
  });

  it('explains an IntOrString and a map of quantities', async () => {
    golden('explain-deployment.spec.strategy.rollingUpdate.txt', await explain('deployment.spec.strategy.rollingUpdate'));
    golden('explain-pod.spec.containers.resources.txt', await explain('pod.spec.containers.resources'));
  });
}, 120_000);
