import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../objects.js';
import { JsonPatchApplyError } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { catchStatus } from './test-support.js';

const rs = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2', 'a/b': 'x' } },
  spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
});

describe('applyJsonPatch (RFC 6902, evanphx/json-patch v4)', () => {
  it('kubectl rollout undo: replaces /spec/template and /metadata/annotations', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };
    const annotations = { 'deployment.kubernetes.io/revision': '2' };
    const out = applyJsonPatch(rs, [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ]) as any;
    expect(out.spec.template).toEqual(template);
    expect(out.metadata.annotations).toEqual(annotations);
    expect(rs.spec.template.spec.containers[0]!.image).toBe('nginx:1.26');
  });

  const ok: [string, unknown[], (o: any) => unknown, unknown][] = [
    ['add to a map', [{ op: 'add', path: '/metadata/labels', value: { a: '1' } }], (o) => o.metadata.labels, { a: '1' }],
    ['~1 and ~0 escapes', [{ op: 'replace', path: '/metadata/annotations/a~1b', value: 'y' }], (o) => o.metadata.annotations['a/b'], 'y'],
    ['append with -', [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 's' } }], (o) => o.spec.template.spec.containers.length, 2],
    ['insert at 0', [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 's' } }], (o) => o.spec.template.spec.containers[0].name, 's'],
    ['negative index', [{ op: 'replace', path: '/spec/template/spec/containers/-1/image', value: 'x' }], (o) => o.spec.template.spec.containers[0].image, 'x'],
    ['replace of a missing key adds it (v4)', [{ op: 'replace', path: '/spec/paused', value: true }], (o) => o.spec.paused, true],
    ['remove', [{ op: 'remove', path: '/spec/replicas' }], (o) => 'replicas' in o.spec, false],
    ['move', [{ op: 'move', from: '/spec/replicas', path: '/spec/minReadySeconds' }], (o) => [o.spec.replicas, o.spec.minReadySeconds], [undefined, 2]],
    ['copy', [{ op: 'copy', from: '/metadata/name', path: '/metadata/generateName' }], (o) => o.metadata.generateName, 'web'],
    ['test then replace', [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'replace', path: '/spec/replicas', value: 3 }], (o) => o.spec.replicas, 3],
    ['test null on a missing key passes', [{ op: 'test', path: '/spec/paused', value: null }], (o) => o.spec.replicas, 2],
  ];
  it.each(ok)('%s', (_n, ops, pick, want) => {
    expect(pick(applyJsonPatch(rs, ops))).toEqual(want);
  });

  const failing: [string, unknown[], string][] = [
    ['failing test', [{ op: 'test', path: '/spec/replicas', value: 3 }], 'testing value /spec/replicas failed: test failed'],
    ['replace under a missing parent', [{ op: 'replace', path: '/spec/foo/bar', value: 1 }], 'replace operation does not apply: doc is missing path: /spec/foo/bar: missing value'],
    ['replace past the end of a list', [{ op: 'replace', path: '/spec/template/spec/containers/3', value: 1 }], 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/3: missing value'],
    ['remove a missing key', [{ op: 'remove', path: '/spec/paused' }], "error in remove for path: '/spec/paused': Unable to remove nonexistent key: paused: missing value"],
    ['add under a missing parent', [{ op: 'add', path: '/status/x/y', value: 1 }], 'add operation does not apply: doc is missing path: "/status/x/y": missing value'],
    ['unknown op', [{ op: 'frobnicate', path: '/spec' }], 'Unexpected kind: frobnicate'],
  ];
  it.each(failing)('%s: 422 with the generic text', (_n, ops, detail) => {
    const err = catchStatus(() => applyJsonPatch(rs, ops));
    expect(err).toBeInstanceOf(JsonPatchApplyError);
    expect((err as JsonPatchApplyError).detail).toBe(detail);
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
  });

  it('a body that is not a list is a 400 from DecodePatch', () => {
    expect(catchStatus(() => applyJsonPatch(rs, { op: 'add' })).status).toMatchObject({
      code: 400,
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    });
    expect(catchStatus(() => applyJsonPatch(rs, ['x'])).status.message).toBe('json: cannot unmarshal string into Go value of type jsonpatch.Operation');
  });

  it('more than 10000 operations is 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' }));
    expect(catchStatus(() => applyJsonPatch(rs, ops)).status).toMatchObject({
      code: 413,
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    });
  });
});
