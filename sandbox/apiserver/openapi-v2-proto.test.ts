import { describe, expect, it } from 'vitest';
import { encodeOpenApiV2 } from './openapi-v2-proto.js';
import { ProtoReader } from './protobuf/reader.js';

const text = new TextDecoder();

/** Walks a message and returns its length-delimited fields by number (first occurrence). */
function fields(bytes: Uint8Array): Map<number, Uint8Array[]> {
  const out = new Map<number, Uint8Array[]>();
  const r = new ProtoReader(bytes);
  while (!r.done) {
    const { num, wire } = r.header();
    if (wire === 2) (out.get(num) ?? out.set(num, []).get(num)!).push(r.bytes());
    else r.skip(wire);
  }
  return out;
}

describe('encodeOpenApiV2', () => {
  it('encodes paths, operations, query parameters and vendor extensions at gnostic field numbers', () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      paths: {
        '/api/v1/namespaces/{namespace}/configmaps/{name}': {
          patch: {
            operationId: 'patchCoreV1NamespacedConfigMap',
            parameters: [{ in: 'query', name: 'fieldValidation', type: 'string', uniqueItems: true }],
            'x-kubernetes-group-version-kind': { group: '', kind: 'ConfigMap', version: 'v1' },
          },
        },
      },
    };
    const top = fields(encodeOpenApiV2(doc));
    expect(text.decode(top.get(1)![0])).toBe('2.0');
    const namedPath = fields(fields(top.get(8)![0]).get(2)![0]);
    expect(text.decode(namedPath.get(1)![0])).toBe('/api/v1/namespaces/{namespace}/configmaps/{name}');
    const patch = fields(fields(namedPath.get(2)![0]).get(8)![0]);
    expect(text.decode(patch.get(5)![0])).toBe('patchCoreV1NamespacedConfigMap');
    const query = fields(fields(fields(fields(patch.get(8)![0]).get(1)![0]).get(2)![0]).get(3)![0]);
    expect(text.decode(query.get(4)![0])).toBe('fieldValidation');
    expect(text.decode(query.get(2)![0])).toBe('query');
    const ext = fields(patch.get(13)![0]);
    expect(text.decode(ext.get(1)![0])).toBe('x-kubernetes-group-version-kind');
    expect(text.decode(fields(ext.get(2)![0]).get(2)![0])).toBe('group: ""\nkind: ConfigMap\nversion: v1\n');
  });
});
