// Real kubectl against our server: discovery, version, cluster-info, auth — for 1.32, and the
// core discovery commands for 1.27 (aggregated discovery v2beta1) and 1.33.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');

describe.runIf(realKubectlAvailable())('real kubectl: discovery and cluster info', () => {
  let c: CompatCluster;
  beforeAll(async () => {
    c = await CompatCluster.start(createLabEngine({ now: START }));
  });
  afterAll(() => c?.close());

  it('api-resources', () => c.expect('api-resources', ['api-resources']));
  it('api-resources --namespaced=false -o name', () => c.expect('api-resources-cluster-names', ['api-resources', '--namespaced=false', '-o', 'name']));
  it('api-resources --api-group=apps -o wide', () => c.expect('api-resources-apps-wide', ['api-resources', '--api-group=apps', '-o', 'wide']));
  it('api-versions', () => c.expect('api-versions', ['api-versions']));
  it('version', () => c.expect('version', ['version']));
  it('version -o json', () => c.expect('version-json', ['version', '-o', 'json']));
  it('cluster-info', () => c.expect('cluster-info', ['cluster-info']));
  it('auth can-i create deployments', () => c.expect('auth-can-i', ['auth', 'can-i', 'create', 'deployments']));
  it('auth can-i --list', () => c.expect('auth-can-i-list', ['auth', 'can-i', '--list']));
  it('auth whoami', () => c.expect('auth-whoami', ['auth', 'whoami']));
  it('get --raw /healthz', () => c.expect('raw-healthz', ['get', '--raw', '/healthz']));
  it('get --raw /readyz?verbose', () => c.expect('raw-readyz-verbose', ['get', '--raw', '/readyz?verbose']));
  it('explain deployment.spec.replicas', () => c.expect('explain-replicas', ['explain', 'deployment.spec.replicas']));
  it('explain pods --recursive is served from /openapi/v3', async () => {
    const r = await c.kubectl(['explain', 'pods', '--recursive']);
    if (r.code !== 0 || !r.stdout.startsWith('KIND:       Pod\nVERSION:    v1\n')) throw new Error(`explain failed: ${r.stderr}`);
  });
  it('create --dry-run=server', () => c.expect('create-dry-run-server', ['create', 'configmap', 'dry', '--from-literal=a=b', '--dry-run=server', '-o', 'yaml']));
  it('get the dry-run object: not found', () => c.expect('get-dry-run-not-found', ['get', 'configmap', 'dry']));
  it('unknown resource type', () => c.expect('get-unknown-type', ['get', 'widgets']));

  for (const version of ['1.27', '1.33']) {
    it(`api-resources (kubectl ${version})`, () => c.expect(`api-resources-${version}`, ['api-resources'], { version }));
    it(`api-versions (kubectl ${version})`, () => c.expect(`api-versions-${version}`, ['api-versions'], { version }));
  }
});

describe.runIf(realKubectlAvailable())('real kubectl: authentication', () => {
  let c: CompatCluster;
  beforeAll(async () => {
    c = await CompatCluster.start(createLabEngine({ now: START }));
  });
  afterAll(() => c?.close());

  it('a wrong token is Unauthorized', () => c.expect('unauthorized', ['get', 'pods', '--token', 'wrong']));
});
