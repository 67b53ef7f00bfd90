import { describe, expect, it } from 'vitest';
import { newEngine, pod, ref } from './test-helpers.js';
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

const running = (name: string) => ({ ...pod(name, { nodeName: 'n1' }), metadata: { name, labels: { app: 'web' } } });

describe('eviction', () => {
  it('evicts gracefully when no budget objects, and refuses with the DisruptionBudget cause when one would be violated', () => {
    const e = newEngine();
    for (const n of ['a', 'b']) {
      const p = e.api.create(ref('pods', 'default'), running(n));
      e.api.update(ref('pods', 'default', n, 'status'), { ...p, status: { phase: 'Running' } });
    }
    const evict = (name: string) => e.api.create(ref('pods', 'default', name, 'eviction'), { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } });
    expect(evict('a')).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    expect(e.api.get(ref('pods', 'default', 'a')).metadata.deletionTimestamp).toBeDefined();
    const pdb = e.api.create(ref('poddisruptionbudgets', 'default'), { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    e.api.update(ref('poddisruptionbudgets', 'default', 'web', 'status'), { ...pdb, status: { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2, expectedPods: 2 } });
    expect(fails(() => evict('b')).status).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 1 currently' }] },
    });
  });
});

describe('serviceaccounts/token', () => {
  it('answers a TokenRequest with a JWT-shaped, deterministic token', () => {
    const tokens = [1, 2].map(() => {
      const e = newEngine(11);
      return e.api.create(ref('serviceaccounts', 'default', 'default', 'token'), { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
    });
    const status = tokens[0].status as { token: string; expirationTimestamp: string };
    expect(status.token.split('.')).toHaveLength(3);
    expect(status.expirationTimestamp).toBe('2026-01-01T13:00:00Z');
    expect(tokens[1]).toEqual(tokens[0]);
  });
});

describe('dry run', () => {
  it('answers as if written but stores nothing', () => {
    const e = newEngine();
    const rev = e.store.revision;
    const p = e.api.create(ref('pods', 'default'), pod('p'), { dryRun: true }) as KubeObject & { spec: { serviceAccountName: string } };
    expect(p.spec.serviceAccountName).toBe('default');
    expect(p.metadata.uid).toBeDefined();
    expect(e.store.revision).toBe(rev);
    expect(fails(() => e.api.get(ref('pods', 'default', 'p'))).code).toBe(404);
  });
});

describe('validation through the write path', () => {
  it('answers 422 Invalid with field causes', () => {
    const e = newEngine();
    const err = fails(() => e.api.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }));
    expect(err.status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(err.message).toMatch(/^Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('rejects unknown fields under fieldValidation=Strict with the real text', () => {
    const e = newEngine();
    const err = fails(() => e.api.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, spec: { foo: 1 } }, { fieldValidation: 'Strict' }));
    expect(err.status).toMatchObject({ code: 400, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"' });
  });
});

describe('pods/ephemeralcontainers', () => {
  it('adds a debug container through a strategic merge patch, touching nothing else', () => {
    const e = newEngine();
    e.api.create(ref('pods', 'default'), pod('p'));
    const patched = e.api.patch(ref('pods', 'default', 'p', 'ephemeralcontainers'), 'strategic', {
      spec: { ephemeralContainers: [{ name: 'debugger-abcde', image: 'busybox', stdin: true, tty: true, targetContainerName: 'c' }] },
    }) as KubeObject & { spec: { ephemeralContainers: Array<{ name: string }>; containers: unknown[] } };
    expect(patched.spec.ephemeralContainers.map((c) => c.name)).toEqual(['debugger-abcde']);
    expect(patched.spec.containers).toHaveLength(1);
  });
});
