// Differential: kubectl get in its forms (tables, wide, yaml, json, name, jsonpath,
// custom-columns, selectors, several types, --sort-by, -w) and the commands that make the
// state it shows (create, run, apply, scale, delete), ours against the real kubectl 1.32.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
  level: "3"
`;

const PLAIN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
data:
  a: "1"
  b: "2"
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  password: s3cret
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

describe.runIf(realKubectlAvailable())('differential: get, create, run, apply, scale, delete', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (...lines: string[]) => {
    for (const l of lines) await d.expectSame(l);
  };

  it('creates a state with create, run and apply', async () => {
    await same(
      'kubectl create namespace team-a',
      'kubectl create deployment web --image=nginx:1.27 --replicas=3',
      'kubectl create deployment web --image=nginx:1.27',
      'kubectl create deployment other --image=httpd -n team-a',
      'kubectl run solo --image=busybox --restart=Never -- sleep 3600',
      'kubectl run tmp --image=nginx --dry-run=client -o yaml',
      'kubectl create deployment gen --image=nginx --dry-run=client -o yaml',
    );
    await d.expectSame('kubectl create -f plain.yaml', { files: { 'plain.yaml': PLAIN } });
    await d.expectSame('kubectl create -f plain.yaml');
    await d.expectSame('kubectl apply -f api.yaml', { files: { 'api.yaml': API } });
    await d.expectSame('kubectl apply -f api.yaml', { files: { 'api.yaml': API } });
    await d.expectSame('kubectl apply -f cm.yaml', { files: { 'cm.yaml': CM } });
    await d.expectSame('kubectl apply -f cm.yaml', { files: { 'cm.yaml': CM.replace('fast', 'slow') } });
    d.advance(30_000);
  });

  it('get in all its forms', async () => {
    await same(
      'kubectl get pods',
      'kubectl get pods -o wide',
      'kubectl get pods -A',
      'kubectl get pods --all-namespaces -o wide',
      'kubectl get deploy',
      'kubectl get deployments.apps -o wide',
      'kubectl get deploy web',
      'kubectl get deploy web api',
      'kubectl get deploy/web svc/web',
      'kubectl get deploy,svc',
      'kubectl get all',
      'kubectl get all -n team-a',
      'kubectl get rs',
      'kubectl get svc -o wide',
      'kubectl get cm',
      'kubectl get secret creds',
      'kubectl get ns',
      'kubectl get nodes',
      'kubectl get nodes -o wide',
      'kubectl get pods -l app=web',
      'kubectl get pods -l app=web --show-labels',
      'kubectl get pods -l "app in (web,api)" -L app',
      'kubectl get pods --field-selector=status.phase=Running',
      'kubectl get pods --no-headers',
      'kubectl get deploy web -o yaml',
      'kubectl get deploy web -o json',
      'kubectl get cm settings -o yaml',
      'kubectl get deploy -o name',
      'kubectl get pods -o name -l app=api',
      'kubectl get deploy web -o jsonpath="{.spec.replicas}"',
      'kubectl get pods -o jsonpath="{range .items[*]}{.metadata.name}{\\"\\\\n\\"}{end}"',
      'kubectl get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas',
      'kubectl get deploy nope',
      'kubectl get deploy web nope',
      'kubectl get deploy nope --ignore-not-found',
      'kubectl get foo',
      'kubectl get pods -n empty',
      'kubectl get pods --bogus',
      'kubectl get',
      'kubectl get pods -o bogus',
    );
  });

  it('get --sort-by', async () => {
    await same(
      'kubectl get pods --sort-by=.metadata.name',
      'kubectl get pods --sort-by=.spec.nodeName -o wide',
      'kubectl get deploy --sort-by=.spec.replicas',
      'kubectl get deploy --sort-by="{.metadata.creationTimestamp}" -o name',
      'kubectl get pods -A --sort-by=.metadata.namespace',
      'kubectl get cm --sort-by=.metadata.name -o name',
    );
  });

  it('scale and delete', async () => {
    await same(
      'kubectl scale deployment web --replicas=1',
      'kubectl scale deploy/api --replicas=4',
      'kubectl scale deployment nope --replicas=1',
      'kubectl scale deployment web',
    );
    d.advance(10_000);
    await same(
      'kubectl get deploy',
      'kubectl delete configmap plain',
      'kubectl delete configmap plain',
      'kubectl delete deployment other -n team-a',
      'kubectl delete svc web --wait=false',
      'kubectl get cm,svc',
    );
  });

  it('get -w: the table, then a row per change, until --request-timeout', async () => {
    await d.expectSame('kubectl get cm -w --request-timeout=3s', {
      during: { when: 'watch', afterMs: 5000, change: (e) => e.client('test').create({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late-and-longer-name' }, data: { k: 'v' } }) },
    });
    await d.expectSame('kubectl get cm -w -o name --request-timeout=3s', {
      during: { when: 'watch', afterMs: 5000, change: (e) => e.client('test').delete({ group: '', version: 'v1', resource: 'configmaps', namespace: 'default', name: 'late-and-longer-name' }) },
    });
    await d.expectSame('kubectl get cm settings -w --request-timeout=1s');
    await d.expectSame('kubectl get pods -n empty -w --request-timeout=1s');
  });
});
