// goSort orders by the key; up to 12 elements it keeps ties in order. Where ties land beyond 12
// elements is checked against the real kubectl (cluster.test.ts: events with equal timestamps).
import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort.js';

const sortKeys = (keys: number[]) => goSort(keys.map((k, i) => ({ k, i })), (a, b) => a.k < b.k);

describe('goSort', () => {
  it('sorts by the key like any sort', () => {
    const keys = Array.from({ length: 200 }, (_, i) => (i * 7919) % 101);
    expect(sortKeys(keys).map((x) => x.k)).toEqual([...keys].sort((a, b) => a - b));
  });
  it('is an insertion sort, hence stable, up to 12 elements', () => {
    const keys = [3, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 3];
    const stable = keys.map((k, i) => ({ k, i })).sort((a, b) => a.k - b.k);
    expect(sortKeys(keys)).toEqual(stable);
  });
});
