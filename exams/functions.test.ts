// The exam's TypeScript checks accept every valid way to the asked state and name what is wrong
// otherwise: RBAC through a Role or a ClusterRole, a node constraint as nodeSelector or affinity,
// environment from envFrom or per-key env, a sidecar as a container or a native one.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../sandbox/engine/objects';
import type { GradingState } from '../sandbox/grading/check';
import { examFunctions } from './functions';

const state = (...objects: unknown[]): GradingState => ({ objects: objects as KubeObject[], files: new Map() });
const run = (name: string, s: GradingState) => examFunctions[name].evaluate(s);
const meta = (kind: string, name: string, namespace?: string) => ({ kind, metadata: { name, ...(namespace ? { namespace } : {}) } });

describe('RBAC checks', () => {
  const sa = meta('ServiceAccount', 'deploy-bot', 'ci');
  const rules = [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create', 'get', 'list', 'update'] }];
  const bindingIn = (ns: string, roleRef: { kind: string; name: string }) => ({ ...meta('RoleBinding', 'b', ns), roleRef, subjects: [{ kind: 'ServiceAccount', name: 'deploy-bot', namespace: 'ci' }] });

  it('a Role bound in ci passes both checks', () => {
    const s = state(sa, { ...meta('Role', 'deployer', 'ci'), rules }, bindingIn('ci', { kind: 'Role', name: 'deployer' }));
    expect(run('cka-practice/deploy-bot-rights', s).passed).toBe(true);
    expect(run('cka-practice/deploy-bot-only-in-ci', s).passed).toBe(true);
  });

  it('a ClusterRole bound by a RoleBinding in ci is as good', () => {
    const s = state(sa, { ...meta('ClusterRole', 'deployer'), rules }, bindingIn('ci', { kind: 'ClusterRole', name: 'deployer' }));
    expect(run('cka-practice/deploy-bot-rights', s).passed).toBe(true);
    expect(run('cka-practice/deploy-bot-only-in-ci', s).passed).toBe(true);
  });

  it('too much or too wide fails, naming what is extra', () => {
    const wide = state(sa, { ...meta('ClusterRole', 'deployer'), rules }, { ...meta('ClusterRoleBinding', 'b'), roleRef: { kind: 'ClusterRole', name: 'deployer' }, subjects: [{ kind: 'ServiceAccount', name: 'deploy-bot', namespace: 'ci' }] });
    expect(run('cka-practice/deploy-bot-only-in-ci', wide)).toEqual({ passed: false, message: 'Service account `ci/deploy-bot` may also create deployments in `default`, `kube-system`: bind the role in namespace `ci` only.' });
    const star = state(sa, { ...meta('Role', 'deployer', 'ci'), rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }] }, bindingIn('ci', { kind: 'Role', name: 'deployer' }));
    expect(run('cka-practice/deploy-bot-rights', star).message).toBe('Service account `ci/deploy-bot` may also delete, deletecollection deployments in namespace `ci`: grant only what the task asks.');
  });

  it('a Role in another namespace or the wrong API group grants nothing', () => {
    const otherNs = state(sa, { ...meta('Role', 'deployer', 'default'), rules }, bindingIn('ci', { kind: 'Role', name: 'deployer' }));
    expect(run('cka-practice/deploy-bot-rights', otherNs).message).toBe('Service account `ci/deploy-bot` may not create, get, list, update deployments in namespace `ci` yet.');
    const coreGroup = state(sa, { ...meta('Role', 'deployer', 'ci'), rules: [{ ...rules[0], apiGroups: [''] }] }, bindingIn('ci', { kind: 'Role', name: 'deployer' }));
    expect(run('cka-practice/deploy-bot-rights', coreGroup).passed).toBe(false);
  });
});

const running = { status: { phase: 'Running' } };

describe('Pod spec checks', () => {
  it('fast-cache: nodeSelector or a required node affinity, not a preferred one', () => {
    const pod = (spec: object) => state({ ...meta('Pod', 'fast-cache', 'default'), spec, ...running });
    expect(run('cka-practice/fast-cache-needs-ssd', pod({ nodeSelector: { disk: 'ssd' } })).passed).toBe(true);
    const required = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } };
    expect(run('cka-practice/fast-cache-needs-ssd', pod({ affinity: required })).passed).toBe(true);
    const preferred = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } };
    expect(run('cka-practice/fast-cache-needs-ssd', pod({ affinity: preferred })).message).toBe('Pod `fast-cache` could run on any node: give it a nodeSelector (or a required node affinity) for `disk=ssd`.');
  });

  it('config-pod: envFrom or one env entry per key; a prefix or a missing key fails', () => {
    const pod = (container: object) => state({ ...meta('Pod', 'config-pod', 'ckad'), spec: { containers: [{ name: 'app', ...container }] }, ...running });
    expect(run('ckad-practice/config-pod-env', pod({ envFrom: [{ configMapRef: { name: 'app-config' } }] })).passed).toBe(true);
    const perKey = (keys: string[]) => ({ env: keys.map((k) => ({ name: k, valueFrom: { configMapKeyRef: { name: 'app-config', key: k } } })) });
    expect(run('ckad-practice/config-pod-env', pod(perKey(['APP_MODE', 'APP_PORT']))).passed).toBe(true);
    expect(run('ckad-practice/config-pod-env', pod(perKey(['APP_MODE']))).message).toBe('Pod `config-pod` does not take `APP_PORT` from ConfigMap `app-config`.');
    expect(run('ckad-practice/config-pod-env', pod({ envFrom: [{ prefix: 'X_', configMapRef: { name: 'app-config' } }] })).passed).toBe(false);
  });

  it('logger: a native sidecar counts; containers that do not share the volume fail', () => {
    const mount = [{ name: 'logs', mountPath: '/var/log' }];
    const app = { name: 'app', image: 'busybox:1.37', volumeMounts: mount };
    const shipper = { name: 'shipper', image: 'busybox:1.37', volumeMounts: mount };
    const volumes = [{ name: 'logs', emptyDir: {} }];
    const pod = (spec: object) => state({ ...meta('Pod', 'logger', 'ckad'), spec: { volumes, ...spec }, ...running });
    expect(run('ckad-practice/logger-shares-logs', pod({ containers: [app, shipper] })).passed).toBe(true);
    expect(run('ckad-practice/logger-shares-logs', pod({ containers: [app], initContainers: [{ ...shipper, restartPolicy: 'Always' }] })).passed).toBe(true);
    expect(run('ckad-practice/logger-shares-logs', pod({ containers: [app, { ...shipper, volumeMounts: [] }] })).message).toBe('The containers of `logger` do not both mount one emptyDir volume at `/var/log`.');
  });

  it('a right spec on a Pod that does not run yet fails with its phase', () => {
    const s = state({ ...meta('Pod', 'data-pod', 'default'), spec: { containers: [{ name: 'n', volumeMounts: [{ name: 'd', mountPath: '/usr/share/nginx/html/' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data-pvc' } }] }, status: { phase: 'Pending' } });
    expect(run('cka-practice/data-pod-mounts-claim', s).message).toBe('Pod `data-pod` mounts the claim but is Pending.');
  });
});

describe('taints and probes', () => {
  const gpu = (tolerations: object[], nodeName = 'node01') => state({ ...meta('Pod', 'gpu-job', 'default'), spec: { nodeName, tolerations }, ...running });
  it('gpu-job: key/value/effect, operator Exists with or without a key; a wrong value fails', () => {
    expect(run('cka-practice/gpu-job-tolerates', gpu([{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }])).passed).toBe(true);
    expect(run('cka-practice/gpu-job-tolerates', gpu([{ key: 'dedicated', operator: 'Exists' }])).passed).toBe(true);
    expect(run('cka-practice/gpu-job-tolerates', gpu([{ operator: 'Exists' }])).passed).toBe(true);
    expect(run('cka-practice/gpu-job-tolerates', gpu([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }])).message).toBe('Pod `gpu-job` does not tolerate the taint `dedicated=gpu:NoSchedule`.');
    expect(run('cka-practice/gpu-job-tolerates', gpu([{ operator: 'Exists' }], 'node02')).message).toBe('Pod `gpu-job` tolerates the taint but runs on `node02`, not `node01`.');
  });

  it('probed: both Pods need both probes and Ready; the old Pods do not count', () => {
    const probes = { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 }, livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 15, periodSeconds: 20 } };
    const pod = (name: string, withProbes: boolean, ready: boolean) => ({ ...meta('Pod', name, 'ckad'), metadata: { name, namespace: 'ckad', labels: { app: 'probed' } }, spec: { containers: [{ name: 'web', ...(withProbes ? probes : {}) }] }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
    expect(run('ckad-practice/probed-pods-ready', state(pod('a', false, true), pod('b', false, true))).message).toBe('0 of the probed Pods have both probes; the Deployment should roll out 2.');
    expect(run('ckad-practice/probed-pods-ready', state(pod('a', true, true), pod('b', true, false), pod('c', false, true))).message).toBe('1 of 3 probed Pods are ready with both probes.');
    expect(run('ckad-practice/probed-pods-ready', state(pod('a', true, true), pod('b', true, true))).passed).toBe(true);
  });
});

describe('named RBAC objects', () => {
  const role = { ...meta('Role', 'deployer', 'ci'), rules: [] };
  const binding = (roleRef: object, subjects: object[]) => ({ ...meta('RoleBinding', 'deployer-binding', 'ci'), roleRef, subjects });
  const bot = { kind: 'ServiceAccount', name: 'deploy-bot', namespace: 'ci' };
  it('the binding must name the Role deployer and the service account', () => {
    expect(run('cka-practice/deployer-binding', state(role, binding({ kind: 'Role', name: 'deployer' }, [bot]))).passed).toBe(true);
    expect(run('cka-practice/deployer-binding', state(binding({ kind: 'Role', name: 'deployer' }, [bot]))).message).toBe('No Role `deployer` in namespace `ci` yet.');
    expect(run('cka-practice/deployer-binding', state(role, binding({ kind: 'ClusterRole', name: 'edit' }, [bot]))).message).toBe('RoleBinding `deployer-binding` refers to ClusterRole `edit`, not the Role `deployer`.');
    expect(run('cka-practice/deployer-binding', state(role, binding({ kind: 'Role', name: 'deployer' }, [{ ...bot, namespace: 'default' }]))).message).toBe('RoleBinding `deployer-binding` does not name the service account `deploy-bot` of namespace `ci`.');
  });
});
