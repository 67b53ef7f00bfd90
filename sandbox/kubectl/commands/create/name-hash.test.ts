import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configMapHash, secretHash, sha256Hex } from './name-hash.js';

describe('--append-hash', () => {
  it('computes SHA-256 as Node does, for short, block-sized and non-ASCII input', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(64), 'y'.repeat(200), 'grüße ✓ 🚀']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
  it('gives the suffix the real kubectl 1.32 gives', () => {
    // `kubectl create secret generic s --from-literal=x=1 --append-hash --dry-run=client` → s-75thg2bbh9
    expect(secretHash('s', '', { x: 'MQ==' })).toBe('75thg2bbh9');
    expect(configMapHash('c', { a: '1' })).toMatch(/^[b-z2-9]{10}$/);
  });
});
