import { describe, expect, it } from 'vitest';
import { applyDecodeError, applyFieldErrors } from './apply-decoding.js';

describe('applyFieldErrors', () => {
  it('uses structured-merge-diff paths: merge keys, list-map keys with defaults, indices', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { any: 'thing' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPortt: 1 }] }],
        tolerations: [{ key: 'k', operatorr: 'Exists' }],
      },
    };
    expect(applyFieldErrors('v1', 'Pod', obj)).toEqual([
      '.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"].hostPortt: field not declared in schema',
      '.spec.tolerations[0].operatorr: field not declared in schema',
    ]);
  });

  it('reports only the first unknown field of an object', () => {
    expect(applyFieldErrors('v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', zeta: 1, alpha: 2 })).toEqual(['.alpha: field not declared in schema']);
  });
});

describe('applyDecodeError', () => {
  it('is a 500 without a reason, naming namespace/name and the GVK', () => {
    const err = applyDecodeError({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'cm' }, { data: {}, foo: 1 });
    expect(err?.status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'failed to create typed patch object (default/cm; /v1, Kind=ConfigMap): .foo: field not declared in schema', code: 500 });
    expect(applyDecodeError({ apiVersion: 'v1', kind: 'ConfigMap', name: 'cm' }, { data: { a: 'b' } })).toBeUndefined();
  });
});
