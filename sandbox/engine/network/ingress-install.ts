// ingress-nginx as its bare-metal manifest (deploy/static/provider/baremetal/deploy.yaml, v1.12.0)
// installs it: namespace ingress-nginx, ServiceAccount, ConfigMap, IngressClass `nginx`, a NodePort
// Service ingress-nginx-controller (ports http 80 and https 443; the nodePorts are allocated, the
// manifest does not fix them) and the Deployment ingress-nginx-controller. Not installed: RBAC
// objects and the admission webhook (its Service, Jobs and ValidatingWebhookConfiguration).
import type { ApiClient } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import { CONTROLLER_CLASS, CONTROLLER_IMAGE, INGRESS_CLASS } from './ingress-class.js';

const NS = 'ingress-nginx';
const VERSION = '1.12.0';
const DIGEST = 'sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa';

const baseLabels = { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
const labels = (component?: string) => ({ ...baseLabels, ...(component ? { 'app.kubernetes.io/component': component } : {}), 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': VERSION });
const selector = { 'app.kubernetes.io/component': 'controller', ...baseLabels };

function controllerContainer() {
  return {
    name: 'controller',
    image: `${CONTROLLER_IMAGE}@${DIGEST}`,
    imagePullPolicy: 'IfNotPresent',
    args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', `--controller-class=${CONTROLLER_CLASS}`, `--ingress-class=${INGRESS_CLASS}`, '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'],
    env: [
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
    ],
    lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
    livenessProbe: { failureThreshold: 5, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
    readinessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
    ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443, name: 'https', protocol: 'TCP' }, { containerPort: 8443, name: 'webhook', protocol: 'TCP' }],
    resources: { requests: { cpu: '100m', memory: '90Mi' } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: false, runAsGroup: 82, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' } },
  };
}

function manifests(): Array<{ resource: string; group: string; namespaced: boolean; body: object }> {
  const meta = (name: string, component?: string, namespaced = true) => ({ name, ...(namespaced ? { namespace: NS } : {}), labels: labels(component) });
  return [
    { resource: 'namespaces', group: '', namespaced: false, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: baseLabels } } },
    { resource: 'serviceaccounts', group: '', namespaced: true, body: { apiVersion: 'v1', kind: 'ServiceAccount', automountServiceAccountToken: true, metadata: meta('ingress-nginx', 'controller') } },
    { resource: 'configmaps', group: '', namespaced: true, body: { apiVersion: 'v1', kind: 'ConfigMap', data: {}, metadata: meta('ingress-nginx-controller', 'controller') } },
    { resource: 'ingressclasses', group: 'networking.k8s.io', namespaced: false, body: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(INGRESS_CLASS, 'controller', false), spec: { controller: CONTROLLER_CLASS } } },
    {
      resource: 'services', group: '', namespaced: true,
      body: { apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller', 'controller'), spec: { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', type: 'NodePort', selector, ports: [{ appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }] } },
    },
    {
      resource: 'deployments', group: 'apps', namespaced: true,
      body: {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('ingress-nginx-controller', 'controller'),
        spec: {
          minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: selector },
          strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
          template: {
            metadata: { labels: labels('controller') },
            spec: { containers: [controllerContainer()], dnsPolicy: 'ClusterFirst', nodeSelector: { 'kubernetes.io/os': 'linux' }, serviceAccountName: 'ingress-nginx', terminationGracePeriodSeconds: 300 },
          },
        },
      },
    },
  ];
}

/** Applies the manifest through `api` (as `kubectl apply -f deploy.yaml` would). */
export function installIngressNginx(api: ApiClient): void {
  for (const m of manifests()) {
    const ref = { group: m.group, version: 'v1', resource: m.resource, ...(m.namespaced ? { namespace: NS } : {}) };
    api.create(ref, m.body as unknown as KubeObject);
  }
}
