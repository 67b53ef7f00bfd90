// Shared by the API tests: a fresh engine with the given namespaces, and refs by short name.
import { ManualClock, SeededRandom } from '../clock.js';
import { Engine } from '../engine.js';
import type { ResourceRef } from './types.js';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export function newEngine(seed = 42, namespaces = ['default']): Engine {
  const engine = new Engine({ clock: new ManualClock(T0), random: new SeededRandom(seed) });
  for (const name of namespaces) {
    engine.api.create(ref('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    engine.api.create(ref('serviceaccounts', name), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  }
  return engine;
}

const GROUPS: Record<string, [string, string]> = {
  deployments: ['apps', 'v1'],
  replicasets: ['apps', 'v1'],
  statefulsets: ['apps', 'v1'],
  daemonsets: ['apps', 'v1'],
  jobs: ['batch', 'v1'],
  poddisruptionbudgets: ['policy', 'v1'],
  leases: ['coordination.k8s.io', 'v1'],
  clusterroles: ['rbac.authorization.k8s.io', 'v1'],
};

export function ref(resource: string, namespace?: string, name?: string, subresource?: string): ResourceRef {
  const [group, version] = GROUPS[resource] ?? ['', 'v1'];
  return { group, version, resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) };
}

export const cm = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

export const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra },
});
