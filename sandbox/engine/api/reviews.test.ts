import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import { bootstrapControlPlaneObjects } from '../bootstrap.js';
import { authorize, forbiddenFor } from './rbac.js';

const rbac = (resource: string, namespace?: string) => ({ group: 'rbac.authorization.k8s.io', version: 'v1', resource, ...(namespace ? { namespace } : {}) });
const ssar = { group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews' };

function cluster(): Engine {
  const e = new Engine({ clock: new ManualClock(0), random: new SeededRandom(5) });
  bootstrapControlPlaneObjects(e);
  e.api.create(rbac('roles', 'default'), { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }] });
  e.api.create(rbac('rolebindings', 'default'), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'read-pods' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'robot', namespace: 'default' }],
  });
  return e;
}

describe('RBAC and access reviews', () => {
  it('answers can-i for the admin through the kubeadm:cluster-admins binding', () => {
    const e = cluster();
    const review = e.api.create(ssar, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'default', verb: 'delete', resource: 'pods' } } });
    expect(review.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });
  });

  it('follows RoleBindings for users and service accounts, per namespace and verb', () => {
    const e = cluster();
    const jane = { username: 'jane', groups: ['system:authenticated'] };
    const robot = { username: 'system:serviceaccount:default:robot', groups: ['system:serviceaccounts', 'system:authenticated'] };
    expect(authorize(e.store, jane, { verb: 'list', resource: 'pods', namespace: 'default' }).allowed).toBe(true);
    expect(authorize(e.store, jane, { verb: 'get', resource: 'pods', subresource: 'log', namespace: 'default' }).allowed).toBe(true);
    expect(authorize(e.store, jane, { verb: 'delete', resource: 'pods', namespace: 'default' }).allowed).toBe(false);
    expect(authorize(e.store, jane, { verb: 'list', resource: 'pods', namespace: 'kube-system' }).allowed).toBe(false);
    expect(authorize(e.store, robot, { verb: 'watch', resource: 'pods', namespace: 'default' }).allowed).toBe(true);
    expect(authorize(e.store, jane, { verb: 'get', path: '/version' }).allowed).toBe(true);
    expect(forbiddenFor(jane, { verb: 'list', resource: 'pods', namespace: 'kube-system' }).message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    );
    expect(forbiddenFor(jane, { verb: 'list', resource: 'nodes' }).message).toBe('nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
  });

  it('answers SubjectAccessReview and SelfSubjectReview', () => {
    const e = cluster();
    const sar = e.api.create(
      { group: 'authorization.k8s.io', version: 'v1', resource: 'subjectaccessreviews' },
      { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: { user: 'jane', resourceAttributes: { namespace: 'default', verb: 'create', resource: 'deployments', group: 'apps' } } },
    );
    expect(sar.status).toEqual({ allowed: false });
    const who = e.api.create({ group: 'authentication.k8s.io', version: 'v1', resource: 'selfsubjectreviews' }, { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    expect(who.status).toEqual({ userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
  });
});
