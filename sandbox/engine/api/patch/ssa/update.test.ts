import { describe, expect, it } from 'vitest';
import { deepFreeze, type KubeObject } from '../../../objects.js';
import { applyJsonMergePatch } from '../merge.js';
import { updateManagedFields } from './update.js';

const T0 = '2026-11-21T16:00:00Z';
const T1 = '2026-11-21T16:05:00Z';

/** `kubectl create deployment web --image=nginx` after defaulting, as the server stores it. */
export const createdDeployment = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '1', generation: 1, creationTimestamp: T0, labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' }],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
      },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status: {},
}) as KubeObject;

const fieldsOf = (o: KubeObject, manager: string) => (o.metadata.managedFields ?? []).find((m) => m.manager === manager);

describe('updateManagedFields', () => {
  it('a create records every field with `.` where a map or list did not exist in the zero object', () => {
    const out = updateManagedFields(undefined, createdDeployment, { manager: 'kubectl-create', operation: 'Update', now: T0 });
    expect(out.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:progressDeadlineSeconds': {},
            'f:replicas': {},
            'f:revisionHistoryLimit': {},
            'f:selector': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:imagePullPolicy': {},
                    'f:name': {},
                    'f:resources': {},
                    'f:terminationMessagePath': {},
                    'f:terminationMessagePolicy': {},
                  },
                },
                'f:dnsPolicy': {},
                'f:restartPolicy': {},
                'f:schedulerName': {},
                'f:securityContext': {},
                'f:terminationGracePeriodSeconds': {},
              },
            },
          },
        },
      },
    ]);
    expect(createdDeployment.metadata.managedFields).toBeUndefined();
  });

  const created = deepFreeze(updateManagedFields(undefined, createdDeployment, { manager: 'kubectl-create', operation: 'Update', now: T0 }));

  it('kubectl label adds its own entry; the creator keeps the rest', () => {
    const next = applyJsonMergePatch(created, { metadata: { labels: { env: 'prod' } } }) as KubeObject;
    const out = updateManagedFields(created, next, { manager: 'kubectl-label', operation: 'Update', now: T1 });
    expect(fieldsOf(out, 'kubectl-label')).toEqual({
      manager: 'kubectl-label',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { 'f:env': {} } } },
    });
    expect(out.metadata.managedFields!.map((m) => m.manager)).toEqual(['kubectl-create', 'kubectl-label']);
  });

  it('kubectl scale through /scale takes .spec.replicas from the creator, with subresource "scale"', () => {
    const next = applyJsonMergePatch(created, { spec: { replicas: 3 } }) as KubeObject;
    const out = updateManagedFields(created, next, { manager: 'kubectl', operation: 'Update', now: T1, subresource: 'scale' });
    expect(fieldsOf(out, 'kubectl')).toMatchObject({ subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    expect((fieldsOf(out, 'kubectl-create')!.fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
  });

  it('a status write records only status, with its subresource', () => {
    const next = { ...created, status: { replicas: 1, conditions: [{ type: 'Available', status: 'True' }] } } as KubeObject;
    const out = updateManagedFields(created, next, { manager: 'kube-controller-manager', operation: 'Update', now: T1, subresource: 'status' });
    expect(fieldsOf(out, 'kube-controller-manager')!.fieldsV1).toEqual({
      'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:replicas': {} },
    });
  });

  it('a write that changes nothing keeps the entries and their times', () => {
    const out = updateManagedFields(created, { ...created }, { manager: 'kubectl-create', operation: 'Update', now: T1 });
    expect(out.metadata.managedFields).toEqual(created.metadata.managedFields);
  });

  it('the same manager again merges into its entry and gets the new time', () => {
    const next = applyJsonMergePatch(created, { metadata: { annotations: { a: 'b' } } }) as KubeObject;
    const out = updateManagedFields(created, next, { manager: 'kubectl-create', operation: 'Update', now: T1 });
    expect(out.metadata.managedFields).toHaveLength(1);
    const entry = fieldsOf(out, 'kubectl-create')!;
    expect(entry.time).toBe(T1);
    expect((entry.fieldsV1 as any)['f:metadata']).toEqual({ 'f:annotations': { '.': {}, 'f:a': {} }, 'f:labels': { '.': {}, 'f:app': {} } });
  });

  it('removed fields leave every set, and a manager left with nothing is dropped', () => {
    const labelled = updateManagedFields(created, applyJsonMergePatch(created, { metadata: { labels: { env: 'prod' } } }) as KubeObject, {
      manager: 'kubectl-label',
      operation: 'Update',
      now: T1,
    });
    const next = applyJsonMergePatch(labelled, { metadata: { labels: { env: null } } }) as KubeObject;
    const out = updateManagedFields(labelled, next, { manager: 'kubectl-edit', operation: 'Update', now: T1 });
    expect(out.metadata.managedFields!.map((m) => m.manager)).toEqual(['kubectl-create']);
  });
});
