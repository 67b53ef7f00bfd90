// The docs' HPA walkthrough objects (tasks/run-application/horizontal-pod-autoscale-walkthrough),
// and a metrics-server Deployment so that the metrics API exists, shared by the HPA tests.
import type { Engine } from '../engine.js';
import { ref } from './scenario-helpers.test-util.js';

export function installMetricsServer(e: Engine): void {
  e.api.create(ref('apps', 'deployments', 'kube-system'), {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'metrics-server', namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'metrics-server' } },
      template: {
        metadata: { labels: { 'k8s-app': 'metrics-server' } },
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          containers: [{ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-insecure-tls'], ports: [{ name: 'https', containerPort: 10250 }], resources: { requests: { cpu: '100m', memory: '200Mi' } } }],
        },
      },
    },
  });
}

export function createPhpApache(e: Engine): void {
  e.api.create(ref('apps', 'deployments', 'default'), {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'php-apache' },
    spec: {
      selector: { matchLabels: { run: 'php-apache' } },
      template: { metadata: { labels: { run: 'php-apache' } }, spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' }, requests: { cpu: '200m' } } }] } },
    },
  });
  e.api.create(ref('', 'services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-apache', labels: { run: 'php-apache' } }, spec: { ports: [{ port: 80 }], selector: { run: 'php-apache' } } });
}

export function createHpa(e: Engine): void {
  e.api.create({ group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default' }, {
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'php-apache' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
  });
}
