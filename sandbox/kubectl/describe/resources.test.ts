// Differential: describe of RBAC, storage, policy, autoscaling, networking, CronJob and
// StatefulSet objects against the real kubectl 1.32.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DescribeDiff, realKubectlAvailable } from './diff-harness.js';

const ref = (group: string, version: string, resource: string, namespace?: string) => ({ group, version, resource, namespace });

describe.runIf(realKubectlAvailable())('describe (rbac, storage, policy, networking) against the real kubectl', () => {
  let d: DescribeDiff;
  const failures: string[] = [];
  beforeAll(async () => {
    d = await DescribeDiff.start(30 * 60_000);
    const api = d.engine.client('kubectl');
    d.advance(60_000);
    const create = (r: ReturnType<typeof ref>, body: Record<string, unknown>) => {
      try {
        api.create(r, body);
      } catch (e) {
        failures.push(`${r.resource}: ${(e as Error).message}`);
      }
    };
    create(ref('rbac.authorization.k8s.io', 'v1', 'roles', 'default'), {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader' },
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'], resourceNames: ['web'] }],
    });
    create(ref('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'default'), {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read-pods' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'default', namespace: 'default' }],
    });
    create(ref('storage.k8s.io', 'v1', 'storageclasses'), { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' });
    create(ref('', 'v1', 'persistentvolumes'), { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-data' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' }, storageClassName: 'manual' } });
    create(ref('', 'v1', 'persistentvolumeclaims', 'default'), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'manual' } });
    create(ref('policy', 'v1', 'poddisruptionbudgets', 'default'), { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
    create(ref('networking.k8s.io', 'v1', 'networkpolicies', 'default'), {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db-access' },
      spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }] },
    });
    create(ref('networking.k8s.io', 'v1', 'ingresses', 'default'), {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' },
      spec: { rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    create(ref('autoscaling', 'v2', 'horizontalpodautoscalers', 'default'), {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    create(ref('batch', 'v1', 'cronjobs', 'default'), {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.36', command: ['date'] }] } } } } },
    });
    create(ref('apps', 'v1', 'statefulsets', 'default'), {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
      spec: { serviceName: 'db', replicas: 1, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } },
    });
    create(ref('scheduling.k8s.io', 'v1', 'priorityclasses'), { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch-high' }, value: 1000, preemptionPolicy: 'Never', description: 'Batch jobs that must not preempt.' });
    create(ref('networking.k8s.io', 'v1', 'ingressclasses'), { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    create(ref('', 'v1', 'replicationcontrollers', 'default'), {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy' },
      spec: { replicas: 1, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'httpd', image: 'httpd:2.4' }] } } },
    });
    d.advance(5 * 60_000);
  });
  afterAll(() => d?.close());

  it('every object was accepted by the engine', () => {
    if (failures.length) throw new Error(failures.join('\n'));
  });
  it('a role', () => d.expectSame('role-pod-reader', ['role', 'pod-reader']));
  it('a role binding', () => d.expectSame('rolebinding-read-pods', ['rolebinding', 'read-pods']));
  it('a built-in cluster role', () => d.expectSame('clusterrole-view', ['clusterrole', 'view']));
  it('a built-in cluster role binding', () => d.expectSame('clusterrolebinding-cluster-admin', ['clusterrolebinding', 'cluster-admin']));
  it('a storage class', () => d.expectSame('storageclass-fast', ['storageclass', 'fast']));
  it('a persistent volume', () => d.expectSame('pv-data', ['pv', 'pv-data']));
  it('a persistent volume claim', () => d.expectSame('pvc-data', ['pvc', 'data']));
  it('a pod disruption budget', () => d.expectSame('pdb-web', ['pdb', 'web-pdb']));
  // The built-in system-node-critical lacks the defaulted preemptionPolicy in our engine, and the real kubectl panics on it.
  it('a priority class', () => d.expectSame('priorityclass-batch', ['priorityclass', 'batch-high']));
  it('a network policy', () => d.expectSame('networkpolicy-db-access', ['netpol', 'db-access']));
  it('an ingress whose service is missing', () => d.expectSame('ingress-web', ['ingress', 'web']));
  it('a horizontal pod autoscaler', () => d.expectSame('hpa-web', ['hpa', 'web']));
  it('a cron job', () => d.expectSame('cronjob-tick', ['cronjob', 'tick']));
  it('a stateful set', () => d.expectSame('statefulset-db', ['sts', 'db']));
  it('an ingress class', () => d.expectSame('ingressclass-nginx', ['ingressclass', 'nginx']));
  it('a replication controller', () => d.expectSame('replicationcontroller-legacy', ['rc', 'legacy']));
  it('an endpoint slice', () => d.expectSame('endpointslice-kubernetes', ['endpointslice', 'kubernetes']));
});
