import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../objects.js';
import { applyJsonMergePatch } from './merge.js';
import { catchStatus } from './test-support.js';

const deploy = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});

describe('applyJsonMergePatch (RFC 7386)', () => {
  const cases: [string, unknown, unknown][] = [
    ['kubectl label: adds a label', { metadata: { labels: { env: 'prod' } } }, { app: 'web', tier: 'front', env: 'prod' }],
    ['kubectl label x-: null removes a label', { metadata: { labels: { tier: null } } }, { app: 'web' }],
    ['kubectl label --overwrite', { metadata: { labels: { app: 'api' } } }, { app: 'api', tier: 'front' }],
  ];
  it.each(cases)('%s', (_name, patch, labels) => {
    const out = applyJsonMergePatch(deploy, patch) as typeof deploy;
    expect(out.metadata.labels).toEqual(labels);
    expect(out.spec).toEqual(deploy.spec);
  });

  it('kubectl scale: {"spec":{"replicas":N}} on a Scale', () => {
    const scale = deepFreeze({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 1 }, status: { replicas: 1 } });
    expect(applyJsonMergePatch(scale, { spec: { replicas: 5 } })).toEqual({ ...scale, spec: { replicas: 5 } });
  });

  it('replaces lists whole and drops nulls inside values it takes', () => {
    const out = applyJsonMergePatch(deploy, { spec: { template: { spec: { containers: [{ name: 'x', image: null }] } } }, status: { a: null, b: 1 } }) as Record<string, any>;
    expect(out.spec.template.spec.containers).toEqual([{ name: 'x' }]);
    expect(out.status).toEqual({ b: 1 });
  });

  it('a null or scalar body is ErrBadJSONPatch: 400 "Invalid JSON Patch"', () => {
    for (const body of [null, 5, 'x', true]) {
      const err = catchStatus(() => applyJsonMergePatch(deploy, body));
      expect(err.status).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
    }
  });

  it('a list body replaces the document, which cannot be decoded: 422 on field patch', () => {
    const err = catchStatus(() => applyJsonMergePatch(deploy, [1]));
    expect(err.status.code).toBe(422);
    expect(err.status.message).toBe(
      ' "" is invalid: patch: Invalid value: "[1]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    );
  });
});
