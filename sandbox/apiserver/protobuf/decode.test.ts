// The bodies are what the real kubectl 1.32 sent for `kubectl create <subcommand>` (captured by
// a logging server); the golden JSON is what `kubectl create … --dry-run=client -o json` prints.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden.js';
import { decodeEnvelope, ProtobufDecodeError } from './decode.js';
import { MESSAGES } from './descriptors.generated.js';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.bin'));

describe('decodeEnvelope', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(10));

  it.each(fixtures)('%s decodes to the JSON kubectl would have sent', (file) => {
    const decoded = decodeEnvelope(new Uint8Array(readFileSync(dir + file)), MESSAGES);
    expectGolden(`${dir}${file.replace(/\.bin$/, '.json')}`, JSON.stringify(decoded.object, null, 2) + '\n');
  });

  it('rejects a body without the k8s magic', () => {
    expect(() => decodeEnvelope(new Uint8Array([1, 2, 3, 4]), MESSAGES)).toThrow(ProtobufDecodeError);
  });

  it('keeps an explicit zero in a pointer field (replicas: 0) and drops omitempty zeros', () => {
    // Deployment{spec{replicas: 0, minReadySeconds: 0}} by hand: field 2 (spec) { 1: 0, 5: 0 }.
    const spec = [0x08, 0x00, 0x28, 0x00];
    const deployment = [0x12, spec.length, ...spec];
    const typeMeta = [...[0x0a, 7, ...Buffer.from('apps/v1')], ...[0x12, 10, ...Buffer.from('Deployment')]];
    const unknown = [0x0a, typeMeta.length, ...typeMeta, 0x12, deployment.length, ...deployment];
    const body = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown]);
    expect(decodeEnvelope(body, MESSAGES).object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 0 } });
  });
});
