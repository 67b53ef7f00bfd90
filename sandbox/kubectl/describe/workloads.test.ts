// Differential: describe of pods, deployments and ReplicaSets — a rolled-out nginx deployment,
// a pod whose image does not exist, a crash-looping pod — against the real kubectl 1.32.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DescribeDiff, realKubectlAvailable } from './diff-harness.js';

const PODS = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };

const pod = (name: string, image: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { run: name } }, spec: { containers: [{ name, image }] } });

describe.runIf(realKubectlAvailable())('describe (pods and workloads) against the real kubectl', () => {
  let d: DescribeDiff;
  let webPod = '';
  beforeAll(async () => {
    d = await DescribeDiff.start(30 * 60_000);
    const api = d.engine.client('kubectl');
    d.advance(60_000);
    api.create(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } } }] } } },
    });
    api.create(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', labels: { app: 'api' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'httpd', image: 'httpd:2.4' }] } } },
    });
    api.create(PODS, pod('broken', 'nginx:does-not-exist'));
    api.create(PODS, pod('crasher', 'busybox:1.36'));
    d.advance(2 * 60_000);
    // A rolling update: a new image makes a second ReplicaSet; the first is scaled to 0.
    const current = JSON.parse(JSON.stringify(api.get({ ...DEPLOYMENTS, name: 'api' })));
    current.spec.template.spec.containers[0].image = 'httpd:2.4.62';
    api.update({ ...DEPLOYMENTS, name: 'api' }, current);
    d.advance(3 * 60_000);
    webPod = api.list(PODS, { labelSelector: 'app=web' }).items[0].metadata.name ?? '';
  });
  afterAll(() => d?.close());

  it('a deployment rolled out', () => d.expectSame('deployment-web', ['deployment', 'web']));
  it('its ReplicaSet, by name prefix', () => d.expectSame('replicaset-prefix', ['rs', 'web']));
  it('one of its pods', () => d.expectSame('pod-web', ['pod', webPod]));
  it('pods by label', () => d.expectSame('pods-selector', ['pods', '-l', 'app=web']));
  it('a pod in ImagePullBackOff', () => d.expectSame('pod-image-pull-backoff', ['pod', 'broken']));
  it('a crash-looping pod', () => d.expectSame('pod-crashloop', ['pod/crasher']));
  it('without events', () => d.expectSame('pod-no-events', ['pod', 'broken', '--show-events=false']));
  it('a pod that does not exist', () => d.expectSame('pod-not-found', ['pod', 'nope']));
  it('type/name that does not exist', () => d.expectSame('pod-slash-not-found', ['pod/nope']));
  it('two names, one missing', () => d.expectSame('pods-one-missing', ['pod', 'broken', 'nope']));
  it('two names, both missing', () => d.expectSame('pods-both-missing', ['pod', 'nope', 'nada']));
  it('a name that is nobody\'s prefix in another namespace', () => d.expectSame('pod-other-namespace', ['-n', 'kube-system', 'pod', 'web']));
  it('-f a manifest naming objects', () =>
    d.expectSame('filename', ['-f', `${d.workDir}/objects.yaml`], {
      'objects.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    }));
  it('a kube-system pod (static, mirror)', () => d.expectSame('pod-etcd', ['-n', 'kube-system', 'pod', 'etcd-controlplane']));
  it('a deployment after a rolling update (old and new ReplicaSets)', () => d.expectSame('deployment-api-rolled', ['deploy', 'api']));
});
