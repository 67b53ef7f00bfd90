// Runs the REAL kubectl against our /openapi/v3 documents, served by a tiny HTTP server with
// aggregated discovery for a couple of resources: `explain` (compared with golden files), and
// `apply`, which must find fieldValidation on our PATCH operations, send fieldValidation=Strict
// (or Warn) and print our strict decoding error (or warning) as it prints the real server's.
// Skips (with one line) when no real kubectl is installed, unless REQUIRE_REAL_KUBECTL=1.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiV3Document, openapiV3Root } from './openapi-v3.js';
import { applyDecodeError } from './apply-decoding.js';
import { decodeBody } from './strict-decoding.js';
import type { FieldValidation } from '../api/types.js';

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

const NOT_FOUND = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "web" not found', reason: 'NotFound', details: { name: 'web', group: 'apps', kind: 'deployments' }, code: 404 };

/** What the server saw of the last create. */
const seen: { query?: string; contentType?: string; body?: string } = {};

/** The deployment GET answers with, when a test has one. */
let existing: Record<string, unknown> | undefined;

/** POST deployments: decode as the API server does; fail, or create with warnings. */
function create(url: URL, body: string): { code: number; headers: Record<string, string>; body: unknown } {
  seen.query = url.search;
  const validation = (url.searchParams.get('fieldValidation') ?? 'Strict') as FieldValidation;
  const obj = JSON.parse(body);
  const outcome = decodeBody({ apiVersion: 'apps/v1', kind: 'Deployment' }, obj, validation);
  if (outcome.error) return { code: outcome.error.code, headers: {}, body: outcome.error.status };
  const warnings = outcome.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
  return { code: 201, headers: warnings ? { Warning: warnings } : {}, body: obj };
}

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
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/apis/apps/v1/namespaces/default/deployments')) {
        if (req.method === 'GET') {
          res.writeHead(existing ? 200 : 404, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(existing ?? NOT_FOUND));
          return;
        }
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          if (req.method === 'PATCH') {
            Object.assign(seen, { query: url.search, contentType: req.headers['content-type'], body });
            const applyError = req.headers['content-type'] === 'application/apply-patch+yaml' && applyDecodeError({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' }, JSON.parse(body));
            if (applyError) {
              res.writeHead(applyError.code, { 'Content-Type': 'application/json' });
              res.end(JSON.stringify(applyError.status));
              return;
            }
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify(existing));
            return;
          }
          const out = create(url, body);
          res.writeHead(out.code, { 'Content-Type': 'application/json', ...out.headers });
          res.end(JSON.stringify(out.body));
        });
        return;
      }
      const found = routes(url);
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

  async function kubectl(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    const cacheDir = mkdtempSync(join(dir, 'cache-'));
    try {
      const { stdout, stderr } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], { timeout: 30_000 });
      return { stdout, stderr, code: 0 };
    } catch (e) {
      const err = e as { stdout: string; stderr: string; code: number };
      return { stdout: err.stdout, stderr: err.stderr, code: err.code };
    }
  }

  async function explain(...args: string[]): Promise<string> {
    const out = await kubectl(['explain', ...args]);
    expect(out.stderr).toBe('');
    return out.stdout;
  }

  function manifest(extra: string): string {
    const file = join(dir, 'web.yaml');
    writeFileSync(file, [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', extra,
      '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
      '    spec:', '      containers:', '      - name: nginx', '        image: nginx', '        imagePullPolicyy: Always',
    ].join('\n'));
    return file;
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

  it('apply sends fieldValidation=Strict and prints the strict decoding error', async () => {
    const out = await kubectl(['apply', '-f', manifest('  foo: 1')]);
    expect(seen.query).toContain('fieldValidation=Strict');
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      `Error from server (BadRequest): error when creating "${join(dir, 'web.yaml')}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n`,
    );
  });

  it('apply --validate=warn prints one warning per unknown field', async () => {
    const out = await kubectl(['apply', '--validate=warn', '-f', manifest('  foo: 1')]);
    expect(seen.query).toContain('fieldValidation=Warn');
    expect(out.stderr).toBe('Warning: unknown field "spec.foo"\nWarning: unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n');
    expect(out.stdout).toBe('deployment.apps/web created\n');
  });

  it('apply with a type error prints the JSON decoder text', async () => {
    const out = await kubectl(['apply', '-f', manifest('  replicas: "3"')]);
    expect(out.stderr).toBe(
      `Error from server (BadRequest): error when creating "${join(dir, 'web.yaml')}": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n`,
    );
  });

  it('apply to an existing object sends a strategic merge patch keyed by our x-kubernetes-patch-merge-key', async () => {
    const file = manifest('  replicas: 2');
    const applied = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }] } } } };
    existing = { ...applied, metadata: { ...applied.metadata, uid: 'u1', resourceVersion: '5', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(applied)}\n` } } };
    try {
      writeFileSync(file, readFileSync(file, 'utf8').replace('        imagePullPolicyy: Always', ''));
      const out = await kubectl(['apply', '-f', file]);
      expect(out.stderr).toBe('');
      expect(seen.contentType).toBe('application/strategic-merge-patch+json');
      expect(seen.query).toContain('fieldValidation=Strict');
      const patch = JSON.parse(seen.body ?? '{}');
      expect(patch.spec.template.spec['$setElementOrder/containers']).toEqual([{ name: 'nginx' }]);
      expect(patch.spec.template.spec.containers).toEqual([{ $patch: 'delete', name: 'sidecar' }]);
      expect(patch.spec.replicas).toBe(2);
    } finally {
      existing = undefined;
    }
  });

  it('apply --server-side prints the structured-merge-diff error', async () => {
    const out = await kubectl(['apply', '--server-side', '-f', manifest('  foo: 1')]);
    expect(seen.contentType).toBe('application/apply-patch+yaml');
    // spec stops at its first unknown field (foo), so the container's typo is not reached.
    expect(out.stderr).toBe('Error from server: failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema\n');
    const typoOnly = await kubectl(['apply', '--server-side', '-f', manifest('  replicas: 1')]);
    expect(typoOnly.stderr).toBe(
      'Error from server: failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="nginx"].imagePullPolicyy: field not declared in schema\n',
    );
  });
}, 120_000);
