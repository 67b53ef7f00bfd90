import { describe, expect, it } from 'vitest';
import { actualOf, expectedOf, object, statusFor, stored, type Case } from './testing.js';

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expect(actualOf(c)).toEqual(expectedOf(c)));
}

const R = 'FieldValueRequired';
const I = 'FieldValueInvalid';
const NS = 'FieldValueNotSupported';
const F = 'FieldValueForbidden';

const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (rules: unknown, extra = {}) => object('networking.k8s.io/v1', 'Ingress', 'web', { spec: { rules, ...extra } });
const rule = (path: object) => [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend, ...path }] } }];
const rbac = 'rbac.authorization.k8s.io/v1';
const roleRef = (name: string, kind = 'Role') => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name });
const hpa = (spec: object) =>
  object('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });

describe('networking', () => {
  runCases([
    {
      name: 'ingress path without pathType',
      obj: ingress(rule({ pathType: undefined })),
      message: 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
      causes: [[R, 'spec.rules[0].http.paths[0].pathType']],
    },
    {
      name: 'ingress relative path',
      obj: ingress(rule({ path: 'api' })),
      message: 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      causes: [[I, 'spec.rules[0].http.paths[0].path']],
    },
    {
      name: 'ingress pathType unsupported',
      obj: ingress(rule({ pathType: 'Regex' })),
      message:
        'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
      causes: [[NS, 'spec.rules[0].http.paths[0].pathType']],
    },
    {
      name: 'ingress backend without a port',
      obj: ingress(rule({ backend: { service: { name: 'web' } } })),
      message: 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
      causes: [[R, 'spec.rules[0].http.paths[0].backend']],
    },
    {
      name: 'ingress host is an IP',
      obj: ingress([{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }]),
      message: 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      causes: [[I, 'spec.rules[0].host']],
    },
    {
      name: 'ingress without rules or default backend',
      obj: ingress(undefined),
      message: 'Ingress.networking.k8s.io "web" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
      causes: [[I, 'spec']],
    },
    {
      name: 'ingressclass controller without a domain',
      obj: object('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'nginx' } }, false),
      message: 'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
      causes: [[I, 'spec.controller']],
    },
    {
      name: 'networkpolicy policyType lowercase',
      obj: object('networking.k8s.io/v1', 'NetworkPolicy', 'deny', { spec: { podSelector: {}, policyTypes: ['ingress'] } }),
      message: 'NetworkPolicy.networking.k8s.io "deny" is invalid: spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"',
      causes: [[NS, 'spec.policyTypes[0]']],
    },
    {
      name: 'networkpolicy empty peer',
      obj: object('networking.k8s.io/v1', 'NetworkPolicy', 'allow', { spec: { podSelector: {}, ingress: [{ from: [{}] }] } }),
      message: 'NetworkPolicy.networking.k8s.io "allow" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer',
      causes: [[R, 'spec.ingress[0].from[0]']],
    },
    {
      name: 'endpointslice addressType',
      obj: object('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc', { addressType: 'IP', endpoints: [] }),
      message: 'EndpointSlice.discovery.k8s.io "web-abc" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"',
      causes: [[NS, 'addressType']],
    },
  ]);
});

describe('rbac', () => {
  runCases([
    {
      name: 'role rule without verbs',
      obj: object(rbac, 'Role', 'reader', { rules: [{ apiGroups: [''], resources: ['pods'] }] }),
      message: 'Role.rbac.authorization.k8s.io "reader" is invalid: rules[0].verbs: Required value: verbs must contain at least one value',
      causes: [[R, 'rules[0].verbs']],
    },
    {
      name: 'role name with a slash',
      obj: object(rbac, 'Role', 'team/reader', { rules: [] }),
      message: 'Role.rbac.authorization.k8s.io "team/reader" is invalid: metadata.name: Invalid value: "team/reader": may not contain \'/\'',
      causes: [[I, 'metadata.name']],
    },
    {
      name: 'rolebinding subject kind misspelled',
      obj: object(rbac, 'RoleBinding', 'read', { roleRef: roleRef('reader'), subjects: [{ kind: 'Serviceaccount', name: 'app' }] }),
      message: 'RoleBinding.rbac.authorization.k8s.io "read" is invalid: subjects[0].kind: Unsupported value: "Serviceaccount": supported values: "ServiceAccount", "User", "Group"',
      causes: [[NS, 'subjects[0].kind']],
    },
    {
      name: 'clusterrolebinding to a Role',
      obj: object(rbac, 'ClusterRoleBinding', 'read', { roleRef: roleRef('reader'), subjects: [{ kind: 'ServiceAccount', name: 'app' }] }, false),
      message:
        'ClusterRoleBinding.rbac.authorization.k8s.io "read" is invalid: [roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole", subjects[0].namespace: Required value]',
      causes: [
        [NS, 'roleRef.kind'],
        [R, 'subjects[0].namespace'],
      ],
    },
    {
      name: 'rolebinding roleRef changed',
      obj: stored(object(rbac, 'RoleBinding', 'read', { roleRef: roleRef('writer'), subjects: [{ kind: 'User', name: 'jane' }] })),
      old: stored(object(rbac, 'RoleBinding', 'read', { roleRef: roleRef('reader'), subjects: [{ kind: 'User', name: 'jane' }] })),
      message:
        'RoleBinding.rbac.authorization.k8s.io "read" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"writer"}: cannot change roleRef',
      causes: [[I, 'roleRef']],
    },
  ]);
});

describe('autoscaling, policy, storage, coordination', () => {
  runCases([
    {
      name: 'hpa maxReplicas below minReplicas',
      obj: hpa({ minReplicas: 3, maxReplicas: 2 }),
      message: 'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
      causes: [[I, 'spec.maxReplicas']],
    },
    {
      name: 'hpa minReplicas 0',
      obj: hpa({ minReplicas: 0 }),
      message: 'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      causes: [[I, 'spec.minReplicas']],
    },
    {
      name: 'hpa without a target name',
      obj: hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment' } }),
      message: 'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.scaleTargetRef.name: Required value',
      causes: [[R, 'spec.scaleTargetRef.name']],
    },
    {
      name: 'hpa Utilization target without a value',
      obj: hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] }),
      message:
        'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      causes: [[R, 'spec.metrics[0].resource.target.averageUtilization']],
    },
    {
      name: 'hpa metric type misspelled',
      obj: hpa({ metrics: [{ type: 'CPU', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] }),
      message:
        'HorizontalPodAutoscaler.autoscaling "web" is invalid: spec.metrics[0].type: Unsupported value: "CPU": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      causes: [
        [NS, 'spec.metrics[0].type'],
        [NS, 'spec.metrics[0].type'],
      ],
    },
    {
      name: 'scale to a negative count',
      obj: object('autoscaling/v1', 'Scale', 'web', { spec: { replicas: -1 } }),
      message: 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      causes: [[I, 'spec.replicas']],
    },
    {
      name: 'pdb maxUnavailable above 100%',
      obj: object('policy/v1', 'PodDisruptionBudget', 'web', { spec: { maxUnavailable: '150%', selector: { matchLabels: { app: 'web' } } } }),
      message: 'PodDisruptionBudget.policy "web" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
      causes: [[I, 'spec.maxUnavailable']],
    },
    {
      name: 'storageclass reclaimPolicy Recycle',
      obj: object('storage.k8s.io/v1', 'StorageClass', 'fast', { provisioner: 'kubernetes.io/no-provisioner', reclaimPolicy: 'Recycle' }, false),
      message: 'StorageClass.storage.k8s.io "fast" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      causes: [[NS, 'reclaimPolicy']],
    },
    {
      name: 'storageclass provisioner changed',
      obj: stored(object('storage.k8s.io/v1', 'StorageClass', 'fast', { provisioner: 'example.com/b' }, false)),
      old: stored(object('storage.k8s.io/v1', 'StorageClass', 'fast', { provisioner: 'example.com/a' }, false)),
      message: 'StorageClass.storage.k8s.io "fast" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.',
      causes: [[F, 'provisioner']],
    },
    {
      name: 'lease duration 0',
      obj: object('coordination.k8s.io/v1', 'Lease', 'leader', { spec: { leaseDurationSeconds: 0 } }),
      message: 'Lease.coordination.k8s.io "leader" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
      causes: [[I, 'spec.leaseDurationSeconds']],
    },
  ]);

  it('accepts the valid forms', () => {
    expect(statusFor(ingress(rule({})))).toBeUndefined();
    expect(statusFor(hpa({}))).toBeUndefined();
    expect(statusFor(object(rbac, 'RoleBinding', 'read', { roleRef: roleRef('reader'), subjects: [{ kind: 'User', name: 'jane' }] }))).toBeUndefined();
  });
});
