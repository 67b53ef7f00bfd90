// Real kubectl against our server: the everyday write and read commands on one cluster whose
// clock the test steps, so ages and controller progress are the same on every run.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');

const WEB_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

describe.runIf(realKubectlAvailable())('real kubectl: workloads', () => {
  let c: CompatCluster;
  let engine: Engine;
  beforeAll(async () => {
    engine = createLabEngine({ now: START });
    engine.advance(60_000);
    c = await CompatCluster.start(engine);
  });
  afterAll(() => c?.close());
  const tick = (ms: number) => engine.advance(ms);

  it('create deployment', () => c.expect('create-deployment', ['create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=2', '--port=80']));
  it('get deployments after the controllers ran', async () => {
    tick(30_000);
    await c.expect('get-deployments', ['get', 'deployments']);
  });
  it('get deployments -o wide', () => c.expect('get-deployments-wide', ['get', 'deploy', '-o', 'wide']));
  it('get pods --show-labels', () => c.expect('get-pods-show-labels', ['get', 'pods', '--show-labels']));
  it('get pods -l app=hello -o name', () => c.expect('get-pods-selector-name', ['get', 'pods', '-l', 'app=hello', '-o', 'name']));
  it('get pods -A --field-selector', () => c.expect('get-pods-field-selector', ['get', 'pods', '-A', '--field-selector=metadata.namespace=kube-system', '--sort-by=.metadata.name']));
  it('get deployment -o yaml', () => c.expect('get-deployment-yaml', ['get', 'deployment', 'hello', '-o', 'yaml']));
  it('get deployment -o json', () => c.expect('get-deployment-json', ['get', 'deployment', 'hello', '-o', 'json']));
  it('get -o jsonpath', () => c.expect('get-jsonpath', ['get', 'deploy', 'hello', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.app}']));
  it('get -o custom-columns', () => c.expect('get-custom-columns', ['get', 'deploy', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image']));
  it('get all', () => c.expect('get-all', ['get', 'all']));
  it('get nodes', () => c.expect('get-nodes', ['get', 'nodes']));
  it('describe deployment', () => c.expect('describe-deployment', ['describe', 'deployment', 'hello']));
  it('scale', () => c.expect('scale', ['scale', 'deployment', 'hello', '--replicas=3']));
  it('set image', () => c.expect('set-image', ['set', 'image', 'deployment/hello', 'nginx=nginx:1.26']));
  it('label and annotate', async () => {
    await c.expect('label', ['label', 'deployment', 'hello', 'tier=frontend']);
    await c.expect('annotate', ['annotate', 'deployment', 'hello', 'owner=team-a']);
    await c.expect('label-overwrite-error', ['label', 'deployment', 'hello', 'tier=backend']);
  });
  it('patch (strategic, merge, json)', async () => {
    await c.expect('patch-strategic', ['patch', 'deployment', 'hello', '-p', '{"spec":{"replicas":1}}']);
    await c.expect('patch-merge', ['patch', 'deployment', 'hello', '--type=merge', '-p', '{"metadata":{"labels":{"merged":"yes"}}}']);
    await c.expect('patch-json', ['patch', 'deployment', 'hello', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]']);
  });
  it('apply: create, unchanged, configured, server-side', async () => {
    await c.expect('apply-create', ['apply', '-f', 'web.yaml'], { files: { 'web.yaml': WEB_YAML } });
    await c.expect('apply-unchanged', ['apply', '-f', 'web.yaml']);
    await c.expect('apply-configured', ['apply', '-f', 'web.yaml'], { files: { 'web.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') } });
    await c.expect('apply-server-side', ['apply', '--server-side', '-f', 'web.yaml']);
    await c.expect('apply-server-side-conflict', ['apply', '--server-side', '--field-manager=other', '-f', 'web.yaml'], { files: { 'web.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 5') } });
    await c.expect('apply-prune', ['apply', '--prune', '-l', 'app=web', '-f', 'web.yaml'], { files: { 'web.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 3') } });
  });
  it('run and expose', async () => {
    await c.expect('run', ['run', 'box', '--image=busybox:1.36', '--', 'sleep', '3600']);
    await c.expect('expose', ['expose', 'deployment', 'hello', '--port=80', '--type=NodePort']);
    tick(5_000);
    await c.expect('get-services', ['get', 'services']);
  });
  it('errors: not found, already exists, invalid', async () => {
    await c.expect('get-not-found', ['get', 'deployment', 'nope']);
    await c.expect('create-already-exists', ['create', 'deployment', 'hello', '--image=nginx']);
    await c.expect('create-invalid-name', ['create', 'deployment', 'Bad_Name', '--image=nginx']);
    await c.expect('scale-negative', ['scale', 'deployment', 'hello', '--replicas=-1']);
  });
  it('bad input: malformed YAML and unknown fields', async () => {
    await c.expect('apply-malformed-yaml', ['apply', '-f', 'bad.yaml'], { files: { 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n' } });
    await c.expect('create-unknown-field', ['create', '-f', 'foo.yaml'], { files: { 'foo.yaml': WEB_YAML.replace('  replicas: 2', '  replicas: 2\n  foo: bar').replace('name: web', 'name: web-strict') } });
    await c.expect('create-unknown-field-warn', ['create', '--validate=warn', '-f', 'foo.yaml']);
    await c.expect('delete-warned', ['delete', 'deployment', 'web-strict', '--wait=false']);
  });
  it('delete with cascade modes', async () => {
    await c.expect('delete-deployment', ['delete', 'deployment', 'hello', '--wait=false']);
    await c.expect('delete-orphan', ['delete', 'deployment', 'web', '--cascade=orphan', '--wait=false']);
    await c.expect('delete-pod-now', ['delete', 'pod', 'box', '--now'], { tick: 1000 });
    await c.expect('delete-foreground-wait', ['delete', 'deployment', 'Bad_Name', '--cascade=foreground', '--ignore-not-found']);
    await c.expect('get-label-set-selector', ['get', 'rs', '-l', 'app in (web, nothing)', '-o', 'name']);
    // -o name: the ticks while kubectl waited make ages vary by a second or two.
    await c.expect('get-after-delete', ['get', 'deploy,rs,pods', '-o', 'name']);
  });
});
