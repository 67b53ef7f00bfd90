import { describe, expect, it } from 'vitest';
import { decodePatched, goPrint } from './patch-decoding.js';

const target = { apiVersion: 'apps/v1', kind: 'Deployment' };
const patched = (spec: Record<string, unknown>) => ({ kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web' }, spec });

describe('decodePatched', () => {
  it('strategic merge patch: 422 on field patch with the patch map printed %+v, unknown fields sorted', () => {
    const patch = { spec: { zeta: 1, alpha: { b: [1, 'x'] } } };
    const out = decodePatched({ type: 'strategic', target, patch, patched: patched({ zeta: 1, alpha: { b: [1, 'x'] }, replicas: 1 }) });
    expect(out.error?.status.code).toBe(422);
    expect(out.error?.status.reason).toBe('Invalid');
    expect(out.error?.status.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[alpha:map[b:[1 x]] zeta:1]]": strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"',
    );
    expect(out.error?.status.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'patch', message: 'Invalid value: "map[spec:map[alpha:map[b:[1 x]] zeta:1]]": strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"' },
    ]);
  });

  it('merge patch: the whole patched object as sorted JSON', () => {
    const out = decodePatched({ type: 'merge', target, patch: { spec: { foo: 1 } }, patched: patched({ replicas: 1, foo: 1 }) });
    expect(out.error?.status.message).toBe(
      ' "" is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"name\\":\\"web\\"},\\"spec\\":{\\"foo\\":1,\\"replicas\\":1}}": strict decoding error: unknown field "spec.foo"',
    );
  });

  it('words type errors like the unstructured converter for strategic patches and encoding/json otherwise', () => {
    const smp = decodePatched({ type: 'strategic', target, patch: { spec: { replicas: 'x' } }, patched: patched({ replicas: 'x' }) });
    expect(smp.error?.status.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": unrecognized type: int32');
    const merge = decodePatched({ type: 'merge', target, patch: {}, patched: patched({ template: 3 }) });
    expect(merge.error?.status.message).toContain(': json: cannot unmarshal number into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec');
  });

  it('warns under Warn', () => {
    const out = decodePatched({ type: 'strategic', target, patch: {}, patched: patched({ b: 1, a: 1 }), validation: 'Warn' });
    expect(out).toEqual({ warnings: ['unknown field "spec.a"', 'unknown field "spec.b"'] });
  });
});

describe('goPrint', () => {
  it('prints like %+v of map[string]interface{}', () => {
    expect(goPrint({ b: null, a: [true, 1.5, { c: 'd' }] })).toBe('map[a:[true 1.5 map[c:d]] b:<nil>]');
  });
});
