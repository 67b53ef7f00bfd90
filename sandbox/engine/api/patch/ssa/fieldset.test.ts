import { describe, expect, it } from 'vitest';
import { FieldSet, pathString } from './fieldset.js';

describe('FieldSet', () => {
  it('round-trips FieldsV1: `{}` leaves, `.` for members with children', () => {
    const v1 = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } };
    const set = FieldSet.fromFieldsV1(v1);
    expect(set.paths()).toEqual([['f:metadata', 'f:labels'], ['f:metadata', 'f:labels', 'f:app'], ['f:spec', 'f:replicas']]);
    expect(set.toFieldsV1()).toEqual(v1);
  });

  it('orders fields, then keys (numbers by value), then values, then indices', () => {
    const set = FieldSet.of([
      ['i:10'],
      ['i:9'],
      ['v:"b"'],
      ['v:2'],
      ['k:{"containerPort":443,"protocol":"TCP"}'],
      ['k:{"containerPort":80,"protocol":"TCP"}'],
      ['f:z'],
      ['f:a'],
    ]);
    expect(Object.keys(set.toFieldsV1())).toEqual([
      'f:a',
      'f:z',
      'k:{"containerPort":80,"protocol":"TCP"}',
      'k:{"containerPort":443,"protocol":"TCP"}',
      'v:2',
      'v:"b"',
      'i:9',
      'i:10',
    ]);
  });

  it('prints paths as structured-merge-diff does', () => {
    expect(pathString(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'])).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}'])).toBe('.spec.ports[port=80,protocol="TCP"]');
    expect(pathString(['f:metadata', 'f:finalizers', 'v:"a.io/x"'])).toBe('.metadata.finalizers[="a.io/x"]');
  });

  it('set algebra works on member paths', () => {
    const a = FieldSet.of([['f:a'], ['f:b', 'f:c']]);
    const b = FieldSet.of([['f:b', 'f:c'], ['f:d']]);
    expect(a.intersection(b).paths()).toEqual([['f:b', 'f:c']]);
    expect(a.difference(b).paths()).toEqual([['f:a']]);
    expect(a.union(b).paths()).toHaveLength(3);
    expect(a.ownsUnder(['f:b'])).toBe(true);
    expect(a.has(['f:b'])).toBe(false);
  });
});
