// Golden files of defaulted objects. Each golden was reviewed against what a 1.32 API server
// returns for the same manifest (`kubectl create -f … && kubectl get -o json`), minus the fields
// the API server sets outside defaulting (uid, timestamps, status from strategies, admission).
// Regenerate with UPDATE_GOLDEN=1 and review the diff.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects.js';
import { applyDefaults, generateJobSelector } from './index.js';
import { imageTag } from './pod.js';

const golden = (name: string) => new URL(`./__golden__/${name}.json`, import.meta.url);

function checkGolden(name: string, obj: KubeObject): void {
  applyDefaults(obj);
  const text = JSON.stringify(obj, null, 2) + '\n';
  const file = golden(name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const meta = { name: 'web', namespace: 'default' };
const labels = { app: 'web' };
const podSpec = () => ({ containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] });
const tpl = () => ({ metadata: { labels }, spec: podSpec() });

const CASES: Record<string, () => KubeObject> = {
  pod: () => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx',
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
          env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
          livenessProbe: { httpGet: { port: 80 } },
          volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }],
        },
      ],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'scratch' }, { name: 'logs', hostPath: { path: '/var/log' } }],
    },
  }),
  deployment: () => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { selector: { matchLabels: labels }, template: tpl() } }),
  'deployment-recreate': () => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { replicas: 3, strategy: { type: 'Recreate' }, selector: { matchLabels: labels }, template: tpl() } }),
  replicaset: () => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: { selector: { matchLabels: labels }, template: tpl() } }),
  daemonset: () => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta, spec: { selector: { matchLabels: labels }, template: tpl() } }),
  statefulset: () => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta,
    spec: {
      serviceName: 'web',
      selector: { matchLabels: labels },
      template: tpl(),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  }),
  job: () => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: { spec: { ...podSpec(), restartPolicy: 'Never' } } } }),
  cronjob: () => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'tick', namespace: 'default' },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } } } },
  }),
  'service-clusterip': () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { selector: labels, ports: [{ port: 80 }] } }),
  'service-nodeport': () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'NodePort', selector: labels, ports: [{ port: 80, targetPort: 8080 }] } }),
  'service-loadbalancer': () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'LoadBalancer', selector: labels, ports: [{ name: 'http', port: 80 }] } }),
  'service-headless-selectorless': () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { clusterIP: 'None', ports: [{ port: 80 }] } }),
  'service-externalname': () => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'ExternalName', externalName: 'example.com' } }),
  namespace: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }),
  secret: () => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { password: 'czNjcjN0' } }),
  pvc: () => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
  pv: () => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } }),
  limitrange: () => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'default' }, spec: { limits: [{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } }] } }),
  hpa: () => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta,
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
  }),
  networkpolicy: () => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db', namespace: 'default' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 5432 }] }], egress: [{}] },
  }),
  rolebinding: () => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'read', namespace: 'default' },
    roleRef: { kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'app', namespace: 'default' }],
  }),
  storageclass: () => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'rancher.io/local-path' }),
  endpointslice: () => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc', namespace: 'default' },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.5'] }],
    ports: [{ port: 80 }],
  }),
};

describe('defaults (golden)', () => {
  for (const [name, make] of Object.entries(CASES)) it(name, () => checkGolden(name, make()));
});

describe('defaults', () => {
  it('pulls :latest and untagged images always, others if not present', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('nginx:latest')).toBe('latest');
    expect(imageTag('localhost:5000/nginx')).toBe('latest');
    expect(imageTag('localhost:5000/nginx:1.2')).toBe('1.2');
    expect(imageTag('nginx@sha256:abc')).toBe('');
  });

  it('keeps what the user set', () => {
    const d = CASES.deployment();
    (d.spec as { replicas: number }).replicas = 0;
    applyDefaults(d);
    expect((d.spec as { replicas: number }).replicas).toBe(0);
  });

  it('gives a PriorityClass without a policy PreemptLowerPriority, keeps Never', () => {
    const pc = (policy?: string) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 10, ...(policy ? { preemptionPolicy: policy } : {}) }) as KubeObject;
    const unset = pc();
    const never = pc('Never');
    applyDefaults(unset);
    applyDefaults(never);
    expect((unset as { preemptionPolicy?: string }).preemptionPolicy).toBe('PreemptLowerPriority');
    expect((never as { preemptionPolicy?: string }).preemptionPolicy).toBe('Never');
  });

  it('generates the Job selector and labels from the uid', () => {
    const job = CASES.job();
    job.metadata = { ...job.metadata, uid: 'a1b2' };
    applyDefaults(job);
    generateJobSelector(job);
    expect(job.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': 'a1b2', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'a1b2', 'job-name': 'pi' });
    expect(job.spec).toMatchObject({
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'a1b2' } },
      template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'a1b2', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'a1b2', 'job-name': 'pi' } } },
    });
  });
});
