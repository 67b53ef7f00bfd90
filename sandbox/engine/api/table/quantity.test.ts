import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './quantity.js';

describe('canonicalQuantity (resource.Quantity.String)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1500Ki', '1500Ki'],
    ['0.5Ki', '512'],
    ['1023Ki', '1023Ki'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1500', '1500'],
    ['1.5k', '1500'],
    ['2000', '2k'],
    ['500M', '500M'],
    ['0.1m', '100u'],
    ['1.0000000001', '1000000001n'],
    ['0.0000000001', '1n'],
    ['1e3', '1e3'],
    ['12e2', '1200'],
    ['0', '0'],
    ['0Gi', '0'],
    ['-1500m', '-1500m'],
    ['805306368', '805306368'],
  ])('%s → %s', (input, want) => expect(canonicalQuantity(input)).toBe(want));

  it('prints an absent quantity as 0 and numbers as quantities', () => {
    expect(canonicalQuantity(undefined)).toBe('0');
    expect(canonicalQuantity(4)).toBe('4');
  });
});
