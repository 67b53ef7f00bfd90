import { describe, expect, it } from 'vitest';
import { newEngine, pod, ref } from '../api/test-helpers.js';
import { StatusError } from '../api/errors.js';
import type { KubeObject } from '../objects.js';

type PodShape = KubeObject & { spec: Record<string, any> };

function fails(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

const withResources = (name: string, resources: Record<string, unknown>) => ({
  ...pod(name),
  spec: { containers: [{ name: 'c', image: 'nginx', resources }] },
});

describe('ServiceAccount', () => {
  it('defaults the account and mounts the API credentials like a real pod', () => {
    const e = newEngine();
    const p = e.api.create(ref('pods', 'default'), pod('p')) as PodShape;
    expect(p.spec.serviceAccountName).toBe('default');
    expect(p.spec.serviceAccount).toBe('default');
    const volume = p.spec.volumes[0];
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    });
    expect(p.spec.containers[0].volumeMounts).toEqual([{ name: volume.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('does not mount when automount is off, and refuses a missing account', () => {
    const e = newEngine();
    const p = e.api.create(ref('pods', 'default'), pod('p', { automountServiceAccountToken: false })) as PodShape;
    expect(p.spec.volumes).toBeUndefined();
    expect(fails(() => e.api.create(ref('pods', 'default'), pod('q', { serviceAccountName: 'robot' }))).status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "q" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    });
  });
});

describe('DefaultTolerationSeconds and Priority', () => {
  it('adds the not-ready and unreachable tolerations and priority 0', () => {
    const e = newEngine();
    const p = e.api.create(ref('pods', 'default'), pod('p')) as PodShape;
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.spec.priority).toBe(0);
    expect(p.spec.preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('takes the value of a named PriorityClass and refuses an unknown one', () => {
    const e = newEngine();
    e.api.create({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    expect((e.api.create(ref('pods', 'default'), pod('p', { priorityClassName: 'high' })) as PodShape).spec.priority).toBe(1000);
    expect(fails(() => e.api.create(ref('pods', 'default'), pod('q', { priorityClassName: 'nope' }))).message).toBe('pods "q" is forbidden: no PriorityClass with name nope was found');
  });
});

describe('LimitRanger', () => {
  const limitRange = (limits: unknown[]) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits' }, spec: { limits } });

  it('fills defaults and notes them in the annotation', () => {
    const e = newEngine();
    e.api.create(ref('limitranges', 'default'), limitRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }]));
    const p = e.api.create(ref('pods', 'default'), pod('p')) as PodShape;
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c');
  });

  it('enforces min and max with the real messages', () => {
    const e = newEngine();
    e.api.create(ref('limitranges', 'default'), limitRange([{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1', memory: '1Gi' } }]));
    const err = fails(() => e.api.create(ref('pods', 'default'), withResources('p', { requests: { cpu: '50m' }, limits: { cpu: '2' } })));
    expect(err.status).toMatchObject({
      code: 403,
      message: 'pods "p" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 1, but limit is 2]',
    });
    // The LimitRange defaulter makes max the default limit, so a container without one gets it.
    const p = e.api.create(ref('pods', 'default'), withResources('q', { requests: { cpu: '200m' } })) as PodShape;
    expect(p.spec.containers[0].resources.limits).toEqual({ cpu: '1', memory: '1Gi' });
  });
});

describe('ResourceQuota', () => {
  const quota = (hard: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard } });

  it('refuses a pod over the quota with the real text', () => {
    const e = newEngine();
    e.api.create(ref('resourcequotas', 'default'), quota({ pods: '2', 'requests.cpu': '1' }));
    e.api.create(ref('pods', 'default'), withResources('a', { requests: { cpu: '600m' } }));
    const err = fails(() => e.api.create(ref('pods', 'default'), withResources('b', { requests: { cpu: '500m' } })));
    expect(err.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1',
    });
    e.api.create(ref('pods', 'default'), withResources('c', { requests: { cpu: '400m' } }));
    expect(fails(() => e.api.create(ref('pods', 'default'), withResources('d', { requests: { cpu: '0' } }))).message).toBe(
      'pods "d" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it('requires compute resources under a compute quota', () => {
    const e = newEngine();
    e.api.create(ref('resourcequotas', 'default'), quota({ 'limits.cpu': '2', 'limits.memory': '2Gi' }));
    expect(fails(() => e.api.create(ref('pods', 'default'), pod('p'))).message).toBe(
      'pods "p" is forbidden: failed quota: compute: must specify limits.cpu for: c; limits.memory for: c',
    );
  });

  it('counts other objects too', () => {
    const e = newEngine();
    e.api.create(ref('resourcequotas', 'default'), quota({ configmaps: '1' }));
    e.api.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    expect(fails(() => e.api.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } })).message).toBe(
      'configmaps "b" is forbidden: exceeded quota: compute, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });
});

describe('resource quota controller', () => {
  it('keeps status.hard and status.used current', async () => {
    const { resourceQuotaController } = await import('../controllers/resourcequota-controller.js');
    const e = newEngine();
    e.registerController(resourceQuotaController());
    e.api.create(ref('resourcequotas', 'default'), { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '5', 'requests.memory': '1Gi' } } });
    e.api.create(ref('pods', 'default'), withResources('a', { requests: { memory: '128Mi' } }));
    e.api.create(ref('pods', 'default'), withResources('b', { requests: { memory: '256Mi' } }));
    e.runUntilIdle();
    expect(e.api.get(ref('resourcequotas', 'default', 'q')).status).toEqual({ hard: { pods: '5', 'requests.memory': '1Gi' }, used: { pods: '2', 'requests.memory': '384Mi' } });
    e.api.delete(ref('pods', 'default', 'a'));
    e.runUntilIdle();
    expect(e.api.get(ref('resourcequotas', 'default', 'q')).status).toEqual({ hard: { pods: '5', 'requests.memory': '1Gi' }, used: { pods: '1', 'requests.memory': '256Mi' } });
  });
});
