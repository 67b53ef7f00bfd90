import { describe, expect, it } from 'vitest';
import { decodeBody, reportedTypeError, problemsOf, typeErrors, unknownFields } from './strict-decoding.js';

const deployment = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec,
  ...extra,
});

const validSpec = () => ({
  replicas: 2,
  selector: { matchLabels: { app: 'web' } },
  template: {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { memory: '128Mi', cpu: 0.5 } } }] },
  },
});

describe('unknownFields', () => {
  it('finds nothing in a valid Deployment', () => {
    expect(unknownFields('apps/v1', 'Deployment', deployment(validSpec()))).toEqual([]);
    expect(typeErrors('apps/v1', 'Deployment', deployment(validSpec()))).toEqual([]);
  });

  it('reports paths with list indices, in document order, case-sensitively', () => {
    const spec = validSpec();
    (spec.template.spec.containers[0] as Record<string, unknown>).imagePullPolicyy = 'Always';
    const obj = deployment({ foo: 1, ...spec, Replicas: 3 }, { extra: true });
    expect(unknownFields('apps/v1', 'Deployment', obj)).toEqual([
      'spec.foo',
      'spec.template.spec.containers[0].imagePullPolicyy',
      'spec.Replicas',
      'extra',
    ]);
  });

  it('accepts any keys in maps and any content in RawExtension', () => {
    const revision = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { annotations: { 'x/y': 'z' } }, revision: 1, data: { anything: { goes: [1] } } };
    expect(unknownFields('apps/v1', 'ControllerRevision', revision)).toEqual([]);
  });

  it('knows nothing about kinds without a schema', () => {
    expect(unknownFields('example.com/v1', 'Widget', { foo: 1 })).toEqual([]);
  });
});

describe('typeErrors', () => {
  it('words a string in an int32 field like encoding/json', () => {
    expect(typeErrors('apps/v1', 'Deployment', deployment({ ...validSpec(), replicas: '3' }))).toEqual([
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
  });

  it('names the innermost struct and leaves indices out of the field path', () => {
    const spec = validSpec();
    (spec.template.spec.containers[0] as Record<string, unknown>).name = 7;
    (spec.template.spec.containers[0].ports[0] as Record<string, unknown>).containerPort = 80.5;
    expect(typeErrors('apps/v1', 'Deployment', deployment(spec))).toEqual([
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.name of type string',
      'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    ]);
  });

  it('prints Go type names of structs, slices and maps', () => {
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { labels: ['a'] }, spec: { containers: {} } };
    expect(typeErrors('v1', 'Pod', obj)).toEqual([
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    ]);
    expect(typeErrors('v1', 'Pod', { spec: 'x' })).toEqual(['json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec']);
  });

  it('reports a bad quantity with ParseQuantity’s text, and it wins over earlier type errors', () => {
    const spec = validSpec();
    spec.replicas = 'two' as unknown as number;
    spec.template.spec.containers[0].resources.limits.memory = '1 Gi';
    const problems = problemsOf('apps/v1', 'Deployment', deployment(spec));
    expect(reportedTypeError(problems)).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('reports IntOrString and Secret base64 failures', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: true }] } };
    expect(typeErrors('v1', 'Service', svc)).toEqual(['json: cannot unmarshal bool into Go value of type int32']);
    const secret = { apiVersion: 'v1', kind: 'Secret', data: { password: 'hello' } };
    expect(typeErrors('v1', 'Secret', secret)).toEqual(['illegal base64 data at input byte 4']);
  });
});

describe('decodeBody', () => {
  const target = { apiVersion: 'apps/v1', kind: 'Deployment' };

  it('fails Strict with the real 400 text', () => {
    const out = decodeBody(target, deployment({ ...validSpec(), foo: 1, bar: 2 }));
    expect(out.error?.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('warns under Warn and says nothing under Ignore', () => {
    expect(decodeBody(target, deployment({ ...validSpec(), foo: 1 }), 'Warn')).toEqual({ warnings: ['unknown field "spec.foo"'] });
    expect(decodeBody(target, deployment({ ...validSpec(), foo: 1 }), 'Ignore')).toEqual({ warnings: [] });
  });

  it('fails on a type error whatever the directive', () => {
    const out = decodeBody(target, deployment({ ...validSpec(), replicas: '3', foo: 1 }), 'Ignore');
    expect(out.error?.status.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});
