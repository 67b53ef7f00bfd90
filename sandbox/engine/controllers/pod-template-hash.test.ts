import { describe, expect, it } from 'vitest';
import { canonicalJson, podTemplateHash, safeEncode } from './pod-template-hash.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };

describe('pod-template-hash', () => {
  it('encodes decimal digits onto the safe alphabet as rand.SafeEncodeString does', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });
  it('is stable, key-order independent, and changes with the template or collisionCount', () => {
    const h = podTemplateHash(template);
    expect(h).toMatch(/^[456789bcdf]{6,10}$/);
    expect(podTemplateHash({ spec: template.spec, metadata: template.metadata })).toBe(h);
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })).not.toBe(h);
    expect(podTemplateHash(template, 1)).not.toBe(h);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
