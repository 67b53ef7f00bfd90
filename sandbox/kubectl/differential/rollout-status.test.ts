// Differential: `kubectl rollout status` for StatefulSets and DaemonSets, ours against the real
// kubectl 1.32 on twin clusters: waiting lines while pods come up, the partitioned roll out
// messages, the daemon set's, and the refusals (OnDelete strategy, kinds without a viewer).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const STS = (partition?: number, strategy = 'RollingUpdate') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  updateStrategy:
    type: ${strategy}${partition !== undefined ? `\n    rollingUpdate:\n      partition: ${partition}` : ''}
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe.runIf(realKubectlAvailable())('differential: rollout status of StatefulSets and DaemonSets', () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 60_000);
  afterAll(() => d?.close());

  it('statefulset: pods to be ready, then the partitioned roll out', async () => {
    await d.expectSame('kubectl apply -f sts.yaml', { files: { 'sts.yaml': STS() } });
    d.advance(1_000);
    await d.expectSame('kubectl rollout status statefulset/db --watch=false');
    d.advance(60_000);
    await d.expectSame('kubectl rollout status statefulset/db');
    await d.expectSame('kubectl rollout status sts db --watch=false');
    await d.expectSame('kubectl apply -f sts.yaml', { files: { 'sts.yaml': STS(2).replace('nginx:1.27', 'nginx:1.26') } });
    d.advance(60_000);
    await d.expectSame('kubectl rollout status statefulset/db --watch=false');
    await d.expectSame('kubectl apply -f sts.yaml', { files: { 'sts.yaml': STS(undefined, 'OnDelete') } });
    d.advance(5_000);
    await d.expectSame('kubectl rollout status statefulset/db');
  }, 120_000);

  it('daemonset and kinds without a status viewer', async () => {
    await d.expectSame('kubectl rollout status daemonset/kube-proxy -n kube-system');
    await d.expectSame('kubectl rollout status ds kube-proxy -n kube-system --watch=false');
    await d.expectSame('kubectl rollout status daemonset/nope -n kube-system');
  }, 60_000);
});
