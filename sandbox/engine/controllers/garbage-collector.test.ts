import { describe, expect, it } from 'vitest';
import { cm, newEngine, pod, ref } from '../api/test-helpers.js';
import { garbageCollector } from './garbage-collector.js';
import { namespaceController } from './namespace-controller.js';
import { StatusError } from '../api/errors.js';
import type { Engine } from '../engine.js';
import type { KubeObject } from '../objects.js';

function setup(): Engine {
  const e = newEngine();
  e.registerController(garbageCollector());
  return e;
}

const owned = (name: string, owner: KubeObject, block = true) => ({
  ...cm(name),
  metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: block }] },
});

const names = (e: Engine) => e.api.list(ref('configmaps', 'default')).items.map((o) => o.metadata.name);
const exists = (e: Engine, name: string) => names(e).includes(name);

describe('deletion', () => {
  it('answers a Success Status for kinds that do not return the deleted object, the object for pods', () => {
    const e = setup();
    const a = e.api.create(ref('configmaps', 'default'), cm('a'));
    expect(e.api.delete(ref('configmaps', 'default', 'a'))).toEqual({
      code: 200,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'a', kind: 'configmaps', uid: a.metadata.uid } },
    });
    e.api.create(ref('pods', 'default'), pod('p'));
    const deleted = e.api.delete(ref('pods', 'default', 'p'));
    expect(deleted.body).toMatchObject({ kind: 'Pod', metadata: { name: 'p' } });
    expect(() => e.api.get(ref('pods', 'default', 'p'))).toThrow(StatusError);
  });

  it('checks delete preconditions', () => {
    const e = setup();
    e.api.create(ref('configmaps', 'default'), cm('a'));
    const a = e.api.get(ref('configmaps', 'default', 'a'));
    expect(() => e.api.delete(ref('configmaps', 'default', 'a'), { preconditions: { uid: 'nope' } })).toThrow(
      `Operation cannot be fulfilled on ConfigMap "a": the UID in the precondition (nope) does not match the UID in record (${a.metadata.uid}). The object might have been deleted and then recreated`,
    );
    expect(() => e.api.delete(ref('configmaps', 'default', 'a'), { preconditions: { resourceVersion: '1' } })).toThrow(
      `Operation cannot be fulfilled on configmaps "a": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ${a.metadata.resourceVersion}`,
    );
  });

  it('deletes a scheduled pod gracefully: deletionTimestamp in the future, object stays until grace 0', () => {
    const e = setup();
    e.api.create(ref('pods', 'default'), pod('p', { nodeName: 'n1' }));
    const result = e.api.delete(ref('pods', 'default', 'p'));
    expect(result.code).toBe(200);
    const p = e.api.get(ref('pods', 'default', 'p'));
    expect(p.metadata.deletionTimestamp).toBe('2026-01-01T12:00:30Z');
    expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    e.api.delete(ref('pods', 'default', 'p'), { gracePeriodSeconds: 0 });
    expect(() => e.api.get(ref('pods', 'default', 'p'))).toThrow(StatusError);
  });

  it('keeps an object with finalizers until the last one is removed', () => {
    const e = setup();
    e.api.create(ref('configmaps', 'default'), { ...cm('a'), metadata: { name: 'a', finalizers: ['example.com/hold'] } });
    const answer = e.api.delete(ref('configmaps', 'default', 'a'));
    expect(answer.code).toBe(200);
    expect(answer.body).toMatchObject({ metadata: { name: 'a', deletionGracePeriodSeconds: 0, deletionTimestamp: '2026-01-01T12:00:00Z' } });
    expect(exists(e, 'a')).toBe(true);
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { metadata: { finalizers: null } });
    expect(exists(e, 'a')).toBe(false);
  });
});

describe('propagation with the garbage collector', () => {
  it('Background: dependents go after their owner', () => {
    const e = setup();
    const owner = e.api.create(ref('configmaps', 'default'), cm('owner'));
    e.api.create(ref('configmaps', 'default'), owned('child', owner));
    e.api.create(ref('configmaps', 'default'), owned('grandchild', e.api.get(ref('configmaps', 'default', 'child'))));
    e.api.delete(ref('configmaps', 'default', 'owner'), { propagationPolicy: 'Background' });
    expect(exists(e, 'child')).toBe(true);
    e.runUntilIdle();
    expect(names(e)).toEqual([]);
    const gcWrites = e.trace().filter((t) => t.actor === 'garbage-collector');
    expect(gcWrites.map((t) => `${t.verb} ${t.name}`)).toEqual(['delete child', 'delete grandchild']);
  });

  it('Background with a second owner left: only the dangling reference goes', () => {
    const e = setup();
    const a = e.api.create(ref('configmaps', 'default'), cm('a'));
    const b = e.api.create(ref('configmaps', 'default'), cm('b'));
    const child = owned('child', a);
    child.metadata.ownerReferences.push({ ...child.metadata.ownerReferences[0], name: 'b', uid: b.metadata.uid!, controller: false });
    e.api.create(ref('configmaps', 'default'), child);
    e.api.delete(ref('configmaps', 'default', 'a'));
    e.runUntilIdle();
    expect(e.api.get(ref('configmaps', 'default', 'child')).metadata.ownerReferences?.map((o) => o.name)).toEqual(['b']);
  });

  it('Foreground: the owner waits with foregroundDeletion until blocking dependents are gone', () => {
    const e = setup();
    const owner = e.api.create(ref('configmaps', 'default'), cm('owner'));
    e.api.create(ref('configmaps', 'default'), owned('child', owner));
    const answer = e.api.delete(ref('configmaps', 'default', 'owner'), { propagationPolicy: 'Foreground' });
    expect(answer.body).toMatchObject({ metadata: { finalizers: ['foregroundDeletion'] } });
    expect(exists(e, 'owner')).toBe(true);
    e.runUntilIdle();
    expect(names(e)).toEqual([]);
  });

  it('Foreground: a pod in its grace period blocks its owner', () => {
    const e = setup();
    const owner = e.api.create(ref('configmaps', 'default'), cm('owner'));
    e.api.create(ref('pods', 'default'), {
      ...pod('p', { nodeName: 'n1' }),
      metadata: { name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, blockOwnerDeletion: true }] },
    });
    e.api.delete(ref('configmaps', 'default', 'owner'), { propagationPolicy: 'Foreground' });
    e.runUntilIdle();
    expect(exists(e, 'owner')).toBe(true);
    expect(e.api.get(ref('pods', 'default', 'p')).metadata.deletionTimestamp).toBeDefined();
    e.api.delete(ref('pods', 'default', 'p'), { gracePeriodSeconds: 0 });
    e.runUntilIdle();
    expect(exists(e, 'owner')).toBe(false);
  });

  it('Orphan: dependents lose the reference and stay', () => {
    const e = setup();
    const owner = e.api.create(ref('configmaps', 'default'), cm('owner'));
    e.api.create(ref('configmaps', 'default'), owned('child', owner));
    const answer = e.api.delete(ref('configmaps', 'default', 'owner'), { propagationPolicy: 'Orphan' });
    expect(answer.body).toMatchObject({ metadata: { finalizers: ['orphan'] } });
    e.runUntilIdle();
    expect(names(e)).toEqual(['child']);
    expect(e.api.get(ref('configmaps', 'default', 'child')).metadata.ownerReferences).toBeUndefined();
  });
});

describe('namespace deletion', () => {
  it('reports remaining content in the real conditions while pods finish', () => {
    const e = newEngine(3, ['default', 'team']);
    e.registerController(namespaceController());
    e.api.create(ref('pods', 'team'), pod('p', { nodeName: 'n1' }));
    e.api.delete(ref('namespaces', undefined, 'team'));
    e.runUntilIdle();
    const ns = e.api.get(ref('namespaces', undefined, 'team')) as KubeObject & { status: { conditions: Array<{ type: string; message: string }> } };
    expect(ns.status.conditions.find((c) => c.type === 'NamespaceContentRemaining')?.message).toBe('Some resources are remaining: pods. has 1 resource instances');
    e.api.delete(ref('pods', 'team', 'p'), { gracePeriodSeconds: 0 });
    e.advance(2000);
    expect(e.api.list(ref('namespaces')).items.map((n) => n.metadata.name)).toEqual(['default']);
  });

  it('terminates, refuses new content, empties the namespace and removes it', () => {
    const e = newEngine(3, ['default', 'team']);
    e.registerController(garbageCollector());
    e.registerController(namespaceController());
    e.api.create(ref('configmaps', 'team'), cm('a'));
    const answer = e.api.delete(ref('namespaces', undefined, 'team'));
    expect(answer.body).toMatchObject({ status: { phase: 'Terminating' }, spec: { finalizers: ['kubernetes'] } });
    let err: StatusError | undefined;
    try {
      e.api.create(ref('configmaps', 'team'), cm('b'));
    } catch (x) {
      err = x as StatusError;
    }
    expect(err?.status).toMatchObject({ code: 403, reason: 'Forbidden', message: 'configmaps "b" is forbidden: unable to create new content in namespace team because it is being terminated' });
    expect(() => e.api.delete(ref('namespaces', undefined, 'team'))).toThrow(
      'Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
    e.runUntilIdle();
    expect(e.api.list(ref('namespaces')).items.map((n) => n.metadata.name)).toEqual(['default']);
  });

  it('never deletes the immortal namespaces', () => {
    const e = newEngine();
    expect(() => e.api.delete(ref('namespaces', undefined, 'default'))).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
