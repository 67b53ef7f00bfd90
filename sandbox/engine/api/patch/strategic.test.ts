import { describe, expect, it } from 'vitest';
import { deepFreeze, type KubeObject } from '../../objects.js';
import { applyStrategicMergePatch } from './strategic.js';
import { catchStatus } from './test-support.js';

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

const deploy = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', annotations: { [LAST]: '{"old":true}\n' }, finalizers: ['a.io/x'] },
  spec: {
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
          { name: 'sidecar', image: 'busybox' },
        ],
        tolerations: [{ key: 'k', operator: 'Exists' }],
      },
    },
  },
}) as KubeObject;

const spec = (o: KubeObject) => (o as any).spec;
const containers = (o: KubeObject) => spec(o).template.spec.containers as any[];
const smp = (patch: unknown) => applyStrategicMergePatch(deploy, patch);

describe('applyStrategicMergePatch: what kubectl sends', () => {
  it('client-side apply: $setElementOrder/containers and the new last-applied annotation', () => {
    const out = smp({
      metadata: { annotations: { [LAST]: '{"new":true}\n' } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } },
    });
    expect(out.metadata.annotations).toEqual({ [LAST]: '{"new":true}\n' });
    expect(containers(out).map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.26'], ['sidecar', 'busybox']]);
    expect(containers(out)[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(containers(deploy)[0].image).toBe('nginx:1.25');
  });

  it('client-side apply removing a container: {$patch: delete} item', () => {
    const out = smp({
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ $patch: 'delete', name: 'sidecar' }] } } },
    });
    expect(containers(out).map((c) => c.name)).toEqual(['nginx']);
  });

  it('client-side apply reordering with $setElementOrder', () => {
    const out = smp({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }] } } } });
    expect(containers(out).map((c) => c.name)).toEqual(['sidecar', 'nginx']);
  });

  it('set image: merges by container name', () => {
    const out = smp({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ image: 'busybox:1.36', name: 'sidecar' }] } } } });
    expect(containers(out).map((c) => c.image)).toEqual(['nginx:1.25', 'busybox:1.36']);
  });

  it('rollout restart: the template annotation is added, nothing else moves', () => {
    const out = smp({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-21T16:00:00Z' } } } } });
    expect(spec(out).template.metadata).toEqual({ labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-21T16:00:00Z' } });
    expect(containers(out)).toEqual(containers(deploy));
  });

  it('kubectl patch adding a container without order: the new one comes first (docs example)', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'redis', image: 'redis' }] } } } });
    expect(containers(out).map((c) => c.name)).toEqual(['redis', 'nginx', 'sidecar']);
  });

  it('env merges by name, null deletes a key, tolerations are replaced', () => {
    const out = smp({
      spec: {
        replicas: null,
        template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '3' }] }], tolerations: [{ key: 'z', operator: 'Exists' }] } },
      },
    });
    expect(spec(out).replicas).toBeUndefined();
    expect(containers(out)[0].env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '3' }]);
    expect(spec(out).template.spec.tolerations).toEqual([{ key: 'z', operator: 'Exists' }]);
  });

  it('ports merge by containerPort', () => {
    const out = smp({ spec: { template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 443 }] }] } } } });
    expect(containers(out)[0].ports).toEqual([{ containerPort: 443 }, { containerPort: 80, protocol: 'TCP' }]);
  });

  it('finalizers merge as a set; $deleteFromPrimitiveList removes', () => {
    expect(smp({ metadata: { finalizers: ['a.io/x', 'b.io/y'] } }).metadata.finalizers).toEqual(['a.io/x', 'b.io/y']);
    expect(smp({ metadata: { finalizers: ['b.io/y'] } }).metadata.finalizers).toEqual(['b.io/y', 'a.io/x']);
    expect(smp({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a.io/x'] } }).metadata.finalizers).toEqual([]);
  });

  it('$retainKeys: switching the strategy to Recreate drops rollingUpdate', () => {
    const out = smp({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
    expect(spec(out).strategy).toEqual({ type: 'Recreate' });
  });

  it('$patch: replace on a map and on a list', () => {
    expect(spec(smp({ spec: { strategy: { $patch: 'replace', type: 'Recreate' } } })).strategy).toEqual({ type: 'Recreate' });
    const out = smp({ spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } } });
    expect(containers(out)).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('service ports merge by port', () => {
    const svc = deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } }) as KubeObject;
    const out = applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }) as any;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090, protocol: 'TCP' }]);
  });
});

describe('applyStrategicMergePatch: errors', () => {
  it('a body that is not an object: 400 with the json text', () => {
    expect(catchStatus(() => smp([1])).status).toMatchObject({ code: 400, message: 'json: cannot unmarshal array into Go value of type map[string]interface {}' });
    expect(catchStatus(() => smp('x')).status.message).toBe('json: cannot unmarshal string into Go value of type map[string]interface {}');
  });

  it('$retainKeys not a list, or a patched key it does not list: 400', () => {
    expect(catchStatus(() => smp({ spec: { strategy: { $retainKeys: 'type' } } })).status).toMatchObject({ code: 400, message: 'invalid patch format of retainKeys' });
    expect(catchStatus(() => smp({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } })).status.code).toBe(400);
  });

  it('$setElementOrder that is not a list: 400', () => {
    const err = catchStatus(() => smp({ spec: { template: { spec: { '$setElementOrder/containers': 'x' } } } }));
    expect(err.status).toMatchObject({ code: 400, message: 'invalid patch format of setElementOrder list' });
  });

  it('a merged item without its merge key: 500 with the Go map text', () => {
    const err = catchStatus(() => smp({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }));
    expect(err.status).toMatchObject({ code: 500, message: 'map: map[image:x] does not contain declared merge key: name' });
    expect(err.status.reason).toBeUndefined();
  });

  it('an unknown $patch directive in a map: 500', () => {
    const err = catchStatus(() => smp({ spec: { strategy: { $patch: 'merge' } } }));
    expect(err.status.message).toBe('unknown patch type: merge in map: map[$patch:merge]');
  });

  it('a kind without Go types (custom resource): 415 listing the other patch types', () => {
    const cr = deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }) as KubeObject;
    expect(catchStatus(() => applyStrategicMergePatch(cr, {})).status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
  });
});
