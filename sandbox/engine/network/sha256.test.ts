import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, hex, sha256 } from './sha256.js';

describe('sha256', () => {
  it('matches node:crypto for short, block-sized and multi-block inputs', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'default/kubernetes:httpstcp', 'ü€😀']) {
      expect(hex(sha256(s))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
  it('base32 is RFC 4648 with padding', () => {
    const b = (s: string) => base32([...s].map((c) => c.charCodeAt(0)));
    expect([b(''), b('f'), b('fo'), b('foo'), b('foob'), b('fooba'), b('foobar')]).toEqual(['', 'MY======', 'MZXQ====', 'MZXW6===', 'MZXW6YQ=', 'MZXW6YTB', 'MZXW6YTBOI======']);
  });
  it("gives kube-proxy's well-known chain name for default/kubernetes:https", () => {
    expect(base32(sha256('default/kubernetes:httpstcp')).slice(0, 16)).toBe('NPX46M4PTMTKRN6Y');
  });
});
