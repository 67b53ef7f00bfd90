import { describe, expect, it } from 'vitest';
import { deepFreeze, type KubeObject } from '../../../objects.js';
import { catchStatus } from '../test-support.js';
import { serverSideApply } from './apply.js';
import { updateManagedFields } from './update.js';

const T0 = '2026-11-21T16:00:00Z';
const T1 = '2026-11-21T16:05:00Z';
const T2 = '2026-11-21T16:10:00Z';

function manifest(o: { replicas?: number; image?: string; labels?: Record<string, string>; containers?: unknown[] } = {}): KubeObject {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: o.labels ?? { app: 'web' } },
    spec: {
      ...(o.replicas === undefined ? {} : { replicas: o.replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: o.containers ?? [{ name: 'nginx', image: o.image ?? 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
      },
    },
  }) as KubeObject;
}

const apply = (live: KubeObject | undefined, cfg: KubeObject, now = T0, force = false, manager = 'kubectl') =>
  deepFreeze(serverSideApply(live, cfg, { manager, force, now, apiVersion: 'apps/v1' }));

const entry = (o: KubeObject, manager: string) => o.metadata.managedFields!.find((m) => m.manager === manager)!;
const spec = (o: KubeObject) => (o as any).spec;

describe('serverSideApply', () => {
  it('creates: the object is the configuration, owned by the applier (FieldsV1 as the server writes it)', () => {
    const out = apply(undefined, manifest({ replicas: 2 }));
    expect(spec(out)).toEqual(spec(manifest({ replicas: 2 })));
    expect(out.metadata.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it('re-applying the same configuration changes nothing, not even the time', () => {
    const first = apply(undefined, manifest({ replicas: 2 }));
    expect(apply(first, manifest({ replicas: 2 }), T1)).toEqual(first);
  });

  it('changing its own field updates the object and the time', () => {
    const out = apply(apply(undefined, manifest({ replicas: 2 })), manifest({ replicas: 4 }), T1);
    expect(spec(out).replicas).toBe(4);
    expect(entry(out, 'kubectl').time).toBe(T1);
  });

  describe('a field another manager owns', () => {
    // kubectl create -f (or client-side apply) then kubectl apply --server-side.
    const created = deepFreeze(updateManagedFields(undefined, manifest({ replicas: 2 }), { manager: 'kubectl-client-side-apply', operation: 'Update', now: T0 }));

    it('conflicts: 409 with the real text and causes', () => {
      const err = catchStatus(() => apply(created, manifest({ replicas: 3 }), T1));
      expect(err.status).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
        reason: 'Conflict',
        details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }] },
        code: 409,
      });
    });

    it('several conflicts: one line per path under the manager', () => {
      const err = catchStatus(() => apply(created, manifest({ replicas: 3, image: 'nginx:1.26' }), T1));
      expect(err.status.message).toBe(
        'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
      );
      expect(err.status.details!.causes!.map((c) => c.field)).toEqual(['.spec.replicas', '.spec.template.spec.containers[name="nginx"].image']);
    });

    it('the same value is no conflict: both own it', () => {
      const out = apply(created, manifest({ replicas: 2 }), T1);
      expect((entry(out, 'kubectl').fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
      expect((entry(out, 'kubectl-client-side-apply').fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
    });

    it('--force-conflicts takes the field over', () => {
      const out = apply(created, manifest({ replicas: 3 }), T1, true);
      expect(spec(out).replicas).toBe(3);
      expect((entry(out, 'kubectl').fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
      expect((entry(out, 'kubectl-client-side-apply').fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
    });

    it('a manager of a subresource is named with it', () => {
      const scaled = updateManagedFields(created, { ...created, spec: { ...spec(created), replicas: 5 } } as KubeObject, {
        manager: 'kubectl',
        operation: 'Update',
        now: T1,
        subresource: 'scale',
      });
      const err = catchStatus(() => apply(deepFreeze(scaled), manifest({ replicas: 3 }), T2));
      expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    });
  });

  it('conflicts between appliers name the other applier without a version', () => {
    const mine = apply(undefined, manifest({ replicas: 2 }), T0, false, 'team-a');
    const err = catchStatus(() => apply(mine, manifest({ replicas: 3 }), T1, false, 'team-b'));
    expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "team-a": .spec.replicas');
  });

  it('a field dropped from the configuration is removed when no one else owns it', () => {
    const first = apply(undefined, manifest({ replicas: 2, labels: { app: 'web', tier: 'front' } }));
    const out = apply(first, manifest({ labels: { app: 'web' } }), T1);
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(spec(out).replicas).toBeUndefined();
  });

  it('a field dropped from the configuration stays when another manager owns it too', () => {
    const first = apply(undefined, manifest({ labels: { app: 'web' } }));
    // A controller adds the label the applier then starts and stops applying: both own it.
    const labelled = { ...first, metadata: { ...first.metadata, labels: { app: 'web', tier: 'front' } } } as KubeObject;
    const shared = deepFreeze(updateManagedFields(first, labelled, { manager: 'labeller', operation: 'Update', now: T1 }));
    const both = apply(shared, manifest({ labels: { app: 'web', tier: 'front' } }), T1);
    const out = apply(both, manifest({ labels: { app: 'web' } }), T2);
    expect(out.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect((entry(out, 'kubectl').fieldsV1 as any)['f:metadata']).toEqual({ 'f:labels': { 'f:app': {} } });
  });

  it('a container dropped from the configuration is removed', () => {
    const two = [
      { name: 'nginx', image: 'nginx' },
      { name: 'sidecar', image: 'busybox' },
    ];
    const first = apply(undefined, manifest({ containers: two }));
    const out = apply(first, manifest({ containers: [two[0]] }), T1);
    expect(spec(out).template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx' }]);
  });

  it('list items merge by key; live-only items keep their place', () => {
    const live = apply(undefined, manifest({ containers: [{ name: 'a', image: 'a' }] }), T0, false, 'one');
    const both = apply(live, manifest({ containers: [{ name: 'b', image: 'b' }] }), T1, false, 'two');
    expect(spec(both).template.spec.containers.map((c: any) => c.name)).toEqual(['a', 'b']);
  });

  it('status in the configuration is ignored on the main resource', () => {
    const out = apply(undefined, { ...manifest(), status: { replicas: 9 } } as KubeObject);
    expect((out as any).status).toBeUndefined();
  });

  it('managedFields in the configuration: 400', () => {
    const cfg = { ...manifest(), metadata: { name: 'web', managedFields: [] } } as KubeObject;
    expect(catchStatus(() => apply(undefined, cfg)).status).toMatchObject({ code: 400, message: 'metadata.managedFields must be nil' });
  });

  it('Apply entries come before Update entries', () => {
    const created = updateManagedFields(undefined, manifest({ replicas: 2 }), { manager: 'kubectl-client-side-apply', operation: 'Update', now: T0 });
    const out = apply(deepFreeze(created), manifest({ replicas: 2 }), T1);
    expect(out.metadata.managedFields!.map((m) => `${m.operation}:${m.manager}`)).toEqual(['Apply:kubectl', 'Update:kubectl-client-side-apply']);
  });

  describe('after client-side apply (manager "kubectl" only)', () => {
    const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
    const withLastApplied = (replicas: number, liveReplicas: number) => {
      const cfg = manifest({ replicas });
      const annotated = {
        ...cfg,
        metadata: { ...cfg.metadata, annotations: { [LAST]: JSON.stringify(cfg) + '\n' } },
        spec: { ...spec(cfg), replicas: liveReplicas },
      } as KubeObject;
      return deepFreeze(updateManagedFields(undefined, annotated, { manager: 'kubectl-client-side-apply', operation: 'Update', now: T0 }));
    };

    it('fields unchanged since the last client-side apply are taken without a conflict', () => {
      const out = apply(withLastApplied(2, 2), manifest({ replicas: 3 }), T1);
      expect(spec(out).replicas).toBe(3);
      expect((entry(out, 'kubectl-client-side-apply').fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
      // The annotation follows the applied configuration (Go's json.Marshal: sorted keys).
      expect(out.metadata.annotations![LAST]).toBe(
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}',
      );
    });

    it('a field changed since then still conflicts', () => {
      const err = catchStatus(() => apply(withLastApplied(2, 4), manifest({ replicas: 3 }), T1));
      expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    });

    it('another field manager name gets the conflict', () => {
      const err = catchStatus(() => apply(withLastApplied(2, 2), manifest({ replicas: 3 }), T1, false, 'my-tool'));
      expect(err.status.code).toBe(409);
    });
  });

  it('an object nobody tracked is first owned by "before-first-apply"', () => {
    const untracked = deepFreeze({ ...manifest({ replicas: 2 }) }) as KubeObject;
    const err = catchStatus(() => apply(untracked, manifest({ replicas: 3 }), T1));
    expect(err.status.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
    const out = apply(untracked, manifest({ replicas: 2 }), T1);
    expect(out.metadata.managedFields!.map((m) => m.manager)).toEqual(['kubectl', 'before-first-apply']);
  });

  it('on the status subresource only status is applied and owned', () => {
    const live = apply(undefined, manifest({ replicas: 2 }));
    const cfg = { ...manifest({ replicas: 7 }), status: { replicas: 2 } } as KubeObject;
    const out = deepFreeze(serverSideApply(live, cfg, { manager: 'ctrl', force: false, now: T1, apiVersion: 'apps/v1', subresource: 'status' }));
    expect(spec(out).replicas).toBe(2);
    expect((out as any).status).toEqual({ replicas: 2 });
    expect(entry(out, 'ctrl')).toMatchObject({ operation: 'Apply', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
  });
});
