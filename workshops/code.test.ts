import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_BITS, formatCode, makeJoinCode, normalizeCode } from './code.js';

describe('join codes', () => {
  it('carry at least 40 bits from an alphabet without look-alikes', () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    for (const ch of '01OIio') expect(CODE_ALPHABET).not.toContain(ch);
  });

  it('map every byte value to the alphabet evenly', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const ch = makeJoinCode(new Uint8Array(8).fill(b))[0]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('differ with the random bytes', () => {
    const a = makeJoinCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    const b = makeJoinCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 8]));
    expect(a).toBe('23456789');
    expect(b).not.toBe(a);
    expect(() => makeJoinCode(new Uint8Array(4))).toThrow(/8 random bytes/);
  });

  it('are read back however a learner types them', () => {
    expect(normalizeCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeCode(' ABCD EFGH ')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD-EFG')).toBeUndefined();
    expect(normalizeCode('ABCD-EFG0')).toBeUndefined();
    expect(normalizeCode('ABCD-EFGO')).toBeUndefined();
    expect(normalizeCode('ABCD-EFG!')).toBeUndefined();
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
});
