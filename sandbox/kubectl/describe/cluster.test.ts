// Differential: describe of nodes, services, endpoints, jobs, configmaps, secrets, namespaces
// with quotas and limit ranges, service accounts, leases (generic describer) and the command's
// argument forms and errors, against the real kubectl 1.32.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DescribeDiff, realKubectlAvailable } from './diff-harness.js';

const core = (resource: string, namespace = 'default') => ({ group: '', version: 'v1', resource, namespace });

describe.runIf(realKubectlAvailable())('describe (cluster and config) against the real kubectl', () => {
  let d: DescribeDiff;
  beforeAll(async () => {
    d = await DescribeDiff.start(30 * 60_000);
    const api = d.engine.client('kubectl');
    d.advance(60_000);
    api.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop', labels: { app: 'shop' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } },
    });
    api.create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop', labels: { app: 'shop' } }, spec: { type: 'NodePort', selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 80 }] } });
    api.create({ group: 'batch', version: 'v1', resource: 'jobs', namespace: 'default' }, {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'hello' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'hello', image: 'busybox:1.36', command: ['sh', '-c', 'echo hello'] }] } } },
    });
    api.create(core('configmaps'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { 'app.properties': 'color=blue\nsize=3' } });
    api.create(core('secrets'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, type: 'Opaque', data: { password: btoa('s3cr3t!') } });
    api.create(core('namespaces', undefined), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    api.create(core('resourcequotas', 'team-a'), { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '2Gi' } } });
    api.create(core('limitranges', 'team-a'), { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '250m' }, max: { cpu: '1' } }] } });
    d.advance(5 * 60_000);
    // 30 events about one ConfigMap, many with equal timestamps: kubectl's unstable sort decides their order.
    const cm = api.get({ ...core('configmaps'), name: 'settings' });
    const base = d.engine.clock.now() - 20 * 60_000;
    for (let i = 0; i < 30; i++) {
      const at = new Date(base + ((i * 7) % 5) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      api.create(core('events'), {
        apiVersion: 'v1', kind: 'Event', metadata: { name: `settings.${String(i).padStart(2, '0')}` },
        involvedObject: { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'default', uid: cm.metadata.uid },
        reason: `Reason${String(i).padStart(2, '0')}`, message: `event ${i}`, type: 'Normal', count: 1, firstTimestamp: at, lastTimestamp: at, source: { component: 'test' },
      });
    }
  });
  afterAll(() => d?.close());

  it('a worker node', () => d.expectSame('node-worker', ['node', 'node01']));
  it('the control-plane node', () => d.expectSame('node-controlplane', ['node', 'controlplane']));
  it('a NodePort service', () => d.expectSame('service-nodeport', ['svc', 'shop']));
  it('the kubernetes service', () => d.expectSame('service-kubernetes', ['service', 'kubernetes']));
  it('endpoints', () => d.expectSame('endpoints-shop', ['endpoints', 'shop']));
  it('a completed job', () => d.expectSame('job-hello', ['job', 'hello']));
  it('a configmap with 30 events, many at the same second', () => d.expectSame('configmap-settings', ['configmap', 'settings']));
  it('a secret', () => d.expectSame('secret-db', ['secret', 'db']));
  it('a namespace with a quota and a limit range', () => d.expectSame('namespace-team-a', ['namespace', 'team-a']));
  it('a namespace without', () => d.expectSame('namespace-default', ['ns', 'default']));
  it('a resource quota', () => d.expectSame('resourcequota-compute', ['-n', 'team-a', 'quota', 'compute']));
  it('a limit range', () => d.expectSame('limitrange-defaults', ['-n', 'team-a', 'limits', 'defaults']));
  it('a service account', () => d.expectSame('serviceaccount-default', ['sa', 'default']));
  it('a lease (generic describer)', () => d.expectSame('lease-node01', ['-n', 'kube-node-lease', 'lease', 'node01']));
  it('a daemonset', () => d.expectSame('daemonset-kube-proxy', ['-n', 'kube-system', 'ds', 'kube-proxy']));
  it('every configmap of a namespace', () => d.expectSame('configmaps-all', ['cm']));
  it('every service across namespaces', () => d.expectSame('services-all-namespaces', ['svc', '-A']));
  it('pods by name prefix (several matches)', () => d.expectSame('pods-prefix-shop', ['pods', 'shop']));
  it('events (generic describer)', () => d.expectSame('events-default', ['events']));
  it('nothing to describe', () => d.expectSame('none-found', ['cronjobs']));
  it('no type', () => d.expectSame('no-type', []));
  it('an unknown type', () => d.expectSame('unknown-type', ['foo']));
});
