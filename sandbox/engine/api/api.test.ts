import { describe, expect, it } from 'vitest';
import { cm, newEngine, pod, ref, T0 } from './test-helpers.js';
import { StatusError } from './errors.js';
import type { KubeObject } from '../objects.js';

function fails(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('create and get', () => {
  it('sets uid, creationTimestamp and resourceVersion, and freezes the result', () => {
    const e = newEngine();
    const created = e.api.create(ref('configmaps', 'default'), cm('a'));
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T12:00:00Z');
    expect(created.metadata.namespace).toBe('default');
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(Object.isFrozen(created)).toBe(true);
    expect(e.api.get(ref('configmaps', 'default', 'a'))).toEqual(created);
  });

  it('answers the real errors for duplicates, missing objects and namespaces', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a'));
    expect(fails(() => e.api.create(ref('configmaps', 'default'), cm('a'))).status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'configmaps "a" already exists' });
    // stringData is folded into data, encoded, over a data key of the same name, and never stored.
    const secret = e.api.create(ref('secrets', 'default'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { user: 'b2xk', keep: 'eA==' }, stringData: { user: 'admin' } }) as KubeObject & { data: Record<string, string> };
    expect(secret.data).toEqual({ user: 'YWRtaW4=', keep: 'eA==' });
    expect('stringData' in secret).toBe(false);
    // A server-side dry run of a taken name is refused as the real dry-run storage refuses it.
    expect(fails(() => e.api.create(ref('configmaps', 'default'), cm('a'), { dryRun: true })).status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'configmaps "a" already exists' });
    expect(fails(() => e.api.get(ref('configmaps', 'default', 'b'))).status).toMatchObject({ code: 404, message: 'configmaps "b" not found' });
    expect(fails(() => e.api.create(ref('configmaps', 'nope'), cm('a'))).status).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
    expect(fails(() => e.api.get({ group: '', version: 'v1', resource: 'widgets', name: 'x' })).message).toBe('the server could not find the requested resource');
  });

  it('checks apiVersion, name and namespace against the endpoint', () => {
    const e = newEngine(1, ['default', 'other']);
    expect(fails(() => e.api.create(ref('configmaps', 'default'), { ...cm('a'), apiVersion: 'apps/v1' })).message).toBe(
      'the API version in the data (apps/v1) does not match the expected API version (v1)',
    );
    expect(fails(() => e.api.create(ref('configmaps', 'default'), { ...cm('a'), metadata: { name: 'a', namespace: 'other' } })).message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
    e.api.create(ref('configmaps', 'default'), cm('a'));
    expect(fails(() => e.api.update(ref('configmaps', 'default', 'b'), cm('a'))).message).toBe('the name of the object (a) does not match the name on the URL (b)');
    expect(fails(() => e.api.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).message).toBe(
      'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
    );
  });

  it('generates names from generateName with the real alphabet, deterministically', () => {
    const names = [1, 2].map(() => {
      const e = newEngine(7);
      return e.api.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } }).metadata.name;
    });
    expect(names[0]).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(names[1]).toBe(names[0]);
  });

  it('sets generation 1 on create and bumps it only on spec changes', () => {
    const e = newEngine();
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    const created = e.api.create(ref('deployments', 'default'), dep);
    expect(created.metadata.generation).toBe(1);
    const labelled = e.api.patch(ref('deployments', 'default', 'web'), 'merge', { metadata: { labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = e.api.patch(ref('deployments', 'default', 'web'), 'merge', { spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it("resets status on create per kind (the registry strategies' PrepareForCreate)", () => {
    const e = newEngine();
    const sel = { matchLabels: { app: 'web' } };
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const status = (o: KubeObject) => (o as KubeObject & { status?: unknown }).status;
    const fake = { phase: 'Bound', replicas: 7 };
    const deploy = e.api.create(ref('deployments', 'default'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: sel, template }, status: fake });
    expect(status(deploy)).toEqual({});
    const rs = e.api.create(ref('replicasets', 'default'), { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: sel, template }, status: fake });
    expect(status(rs)).toEqual({ replicas: 0 });
    const pvc = e.api.create(ref('persistentvolumeclaims', 'default'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: fake,
    });
    expect(status(pvc)).toEqual({ phase: 'Pending' });
    expect(status(e.api.create(ref('configmaps', 'default'), cm('plain')))).toBeUndefined();
  });
});

describe('update', () => {
  it('refuses a stale resourceVersion and allows an unconditional update', () => {
    const e = newEngine();
    const a = e.api.create(ref('configmaps', 'default'), cm('a'));
    e.api.update(ref('configmaps', 'default', 'a'), { ...a, data: { x: '1' } });
    const err = fails(() => e.api.update(ref('configmaps', 'default', 'a'), { ...a, data: { x: '2' } }));
    expect(err.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    });
    const { resourceVersion: _rv, ...meta } = a.metadata;
    const updated = e.api.update(ref('configmaps', 'default', 'a'), { ...a, metadata: meta, data: { x: '3' } });
    expect(updated.data).toEqual({ x: '3' });
    expect(updated.metadata.uid).toBe(a.metadata.uid);
  });

  it('does not write an update that changes nothing', () => {
    const e = newEngine();
    const a = e.api.create(ref('configmaps', 'default'), cm('a'));
    const same = e.api.update(ref('configmaps', 'default', 'a'), a);
    expect(same.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
  });

  it('creates on update only where the real strategy allows it', () => {
    const e = newEngine();
    expect(fails(() => e.api.update(ref('configmaps', 'default', 'a'), cm('a'))).code).toBe(404);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } };
    expect(e.api.update(ref('services', 'default', 's'), svc).metadata.name).toBe('s');
  });

  it('keeps status on main-resource writes and writes only status through /status', () => {
    const e = newEngine();
    const p = e.api.create(ref('pods', 'default'), pod('p'));
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const withStatus = e.api.update(ref('pods', 'default', 'p', 'status'), { ...p, status: { phase: 'Running' }, metadata: { ...p.metadata, labels: { x: 'y' } } });
    expect(withStatus.status).toEqual({ phase: 'Running' });
    const main = e.api.update(ref('pods', 'default', 'p'), { ...withStatus, status: { phase: 'Failed' } });
    expect(main.status).toEqual({ phase: 'Running' });
  });
});

describe('patch', () => {
  it('merge-patches, and 404s a missing object except for apply', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a', {}, { k: 'v' }));
    expect(e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { data: { k: null, n: '1' } }).data).toEqual({ n: '1' });
    expect(fails(() => e.api.patch(ref('configmaps', 'default', 'b'), 'merge', { data: {} })).code).toBe(404);
    const applied = e.api.patch(ref('configmaps', 'default', 'b'), 'apply', cm('b', {}, { x: 'y' }), { fieldManager: 'kubectl' });
    expect(applied.data).toEqual({ x: 'y' });
  });
});

describe('scale', () => {
  it('reads and writes autoscaling/v1 Scale', () => {
    const e = newEngine();
    e.api.create(ref('deployments', 'default'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const scale = e.api.get(ref('deployments', 'default', 'web', 'scale'));
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { replicas: 0, selector: 'app=web' } });
    const patched = e.api.patch(ref('deployments', 'default', 'web', 'scale'), 'merge', { spec: { replicas: 4 } });
    expect(patched.spec).toEqual({ replicas: 4 });
    expect((e.api.get(ref('deployments', 'default', 'web')).spec as { replicas: number }).replicas).toBe(4);
    expect(e.api.get(ref('deployments', 'default', 'web')).metadata.generation).toBe(2);
    expect(fails(() => e.api.patch(ref('deployments', 'default', 'web', 'scale'), 'merge', { spec: { replicas: -1 } })).message).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});

describe('binding', () => {
  it('assigns a pod once and marks it scheduled', () => {
    const e = newEngine();
    e.api.create(ref('pods', 'default'), pod('p'));
    const answer = e.api.create(ref('pods', 'default', 'p', 'binding'), { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'n1' } });
    expect(answer).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const bound = e.api.get(ref('pods', 'default', 'p')) as KubeObject & { spec: { nodeName: string }; status: { conditions: unknown[] } };
    expect(bound.spec.nodeName).toBe('n1');
    expect(bound.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T12:00:00Z' }]);
    const again = fails(() => e.api.create(ref('pods', 'default', 'p', 'binding'), { metadata: { name: 'p' }, target: { name: 'n2' } }));
    expect(again.message).toBe('Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "n1"');
  });
});

describe('services', () => {
  it('allocates ClusterIPs and NodePorts without collisions and releases them on delete', () => {
    const e = newEngine();
    const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }], ...spec } });
    const a = e.api.create(ref('services', 'default'), svc('a', { type: 'NodePort' })) as KubeObject & { spec: { clusterIP: string; ports: Array<{ nodePort: number }> } };
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(a.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(a.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    const port = a.spec.ports[0].nodePort;
    const taken = fails(() => e.api.create(ref('services', 'default'), svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] })));
    expect(taken.message).toBe(`Service "b" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`);
    const range = fails(() => e.api.create(ref('services', 'default'), svc('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })));
    expect(range.message).toBe('Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
    const headless = e.api.create(ref('services', 'default'), svc('h', { clusterIP: 'None' })) as KubeObject & { spec: { clusterIPs: string[] } };
    expect(headless.spec.clusterIPs).toEqual(['None']);
    const fixed = e.api.create(ref('services', 'default'), svc('f', { clusterIP: '10.96.0.10' })) as KubeObject & { spec: { clusterIP: string } };
    expect(fixed.spec.clusterIP).toBe('10.96.0.10');
    expect(fails(() => e.api.create(ref('services', 'default'), svc('g', { clusterIP: '10.96.0.10' }))).message).toBe(
      'Service "g" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    e.api.delete(ref('services', 'default', 'a'));
    expect(e.api.create(ref('services', 'default'), svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] })).metadata.name).toBe('b');
    expect(e.api.create(ref('services', 'default'), svc('g', { clusterIP: '10.96.0.20' }), { dryRun: true }).metadata.resourceVersion).toBeUndefined();
    expect(e.api.create(ref('services', 'default'), svc('g', { clusterIP: '10.96.0.20' })).metadata.name).toBe('g');
  });

  it('keeps the ClusterIP when an update leaves it out', () => {
    const e = newEngine();
    const s = e.api.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }) as KubeObject & { spec: { clusterIP: string } };
    const updated = e.api.update(ref('services', 'default', 's'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 81 }] } }) as KubeObject & { spec: { clusterIP: string } };
    expect(updated.spec.clusterIP).toBe(s.spec.clusterIP);
  });
});

describe('trace', () => {
  it('records actor, verb and resource of every commit', () => {
    const e = newEngine();
    e.client('kubectl', 'learner ran kubectl create').create(ref('configmaps', 'default'), cm('a'));
    const last = e.trace().at(-1)!;
    expect(last).toMatchObject({ actor: 'kubectl', verb: 'create', resource: 'configmaps', namespace: 'default', name: 'a', type: 'ADDED', why: 'learner ran kubectl create', time: T0 });
  });
});

describe('events.k8s.io/v1 Events', () => {
  it('are core Events seen through the newer field names, both ways', () => {
    const e = newEngine();
    const evRef = { group: 'events.k8s.io', version: 'v1', resource: 'events', namespace: 'default' };
    e.api.create(evRef, {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'p.1' },
      eventTime: '2026-01-01T12:00:00.000000Z',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-controlplane',
      action: 'Scheduling',
      reason: 'Scheduled',
      regarding: { kind: 'Pod', namespace: 'default', name: 'p', apiVersion: 'v1' },
      note: 'Successfully assigned default/p to node01',
      type: 'Normal',
    });
    const core = e.api.get(ref('events', 'default', 'p.1'));
    expect(core).toMatchObject({ apiVersion: 'v1', kind: 'Event', involvedObject: { kind: 'Pod', name: 'p' }, message: 'Successfully assigned default/p to node01', reportingComponent: 'default-scheduler' });
    const list = e.api.list(evRef);
    expect(list).toMatchObject({ apiVersion: 'events.k8s.io/v1', kind: 'EventList' });
    expect(list.items[0]).toMatchObject({ apiVersion: 'events.k8s.io/v1', regarding: { name: 'p' }, note: 'Successfully assigned default/p to node01' });
  });
});

describe('write outcome', () => {
  it('tells whether a write created, and the warnings of fieldValidation=Warn', async () => {
    const { Api } = await import('./api.js');
    const e = newEngine();
    const api = e.api as InstanceType<typeof Api>;
    api.create(ref('configmaps', 'default'), { ...cm('a'), spec: {} }, { fieldValidation: 'Warn' });
    expect(api.lastWrite).toEqual({ created: true, warnings: ['unknown field "spec"'] });
    api.patch(ref('configmaps', 'default', 'a'), 'merge', { data: { x: '1' } });
    expect(api.lastWrite).toEqual({ created: false, warnings: [] });
    api.update(ref('services', 'default', 's'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } });
    expect(api.lastWrite.created).toBe(true);
  });
});

describe('autoscaling/v1 HorizontalPodAutoscalers', () => {
  it('are the v2 objects with only the CPU target, both ways', () => {
    const e = newEngine();
    const v1 = { group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default' };
    const created = e.api.create(v1, {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
    });
    expect(created).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { maxReplicas: 5, targetCPUUtilizationPercentage: 50 } });
    const v2 = e.api.get({ ...v1, version: 'v2', name: 'web' });
    expect(v2).toMatchObject({ apiVersion: 'autoscaling/v2', spec: { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } });
    expect(e.api.list(v1)).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscalerList' });
  });
});

describe('managed fields', () => {
  it('name the component binary as the real user agents do', () => {
    const e = newEngine();
    const created = e.client('replicaset-controller').create(ref('configmaps', 'default'), cm('a'));
    expect(created.metadata.managedFields?.[0]).toMatchObject({ manager: 'kube-controller-manager', operation: 'Update' });
  });
});
