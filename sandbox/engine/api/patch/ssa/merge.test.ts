import { describe, expect, it } from 'vitest';
import { mergedList, mergedSet, struct } from '../meta/types.js';
import { FieldSet } from './fieldset.js';
import { mergeApplied, removePaths } from './merge.js';

const byName = struct({ items: mergedList('name'), tags: mergedSet() });
const names = (v: unknown) => ((v as { items: { name: string }[] }).items ?? []).map((i) => i.name);

describe('mergeApplied (structured-merge-diff list order)', () => {
  const cases: [string, string[], string[], string[]][] = [
    ['applied order wins for shared items; live-only items keep their place', ['a', 'x', 'b'], ['b', 'a'], ['x', 'b', 'a']],
    ['new items follow the applied order', ['a'], ['a', 'n'], ['a', 'n']],
    ['live-only items before the first shared one stay first', ['x', 'a'], ['n', 'a'], ['x', 'n', 'a']],
  ];
  it.each(cases)('%s', (_n, live, applied, want) => {
    const item = (name: string) => ({ name });
    expect(names(mergeApplied({ items: live.map(item) }, { items: applied.map(item) }, byName))).toEqual(want);
  });

  it('merges item fields and sets', () => {
    const out = mergeApplied({ items: [{ name: 'a', x: 1 }], tags: ['t1'] }, { items: [{ name: 'a', y: 2 }], tags: ['t2'] }, byName);
    expect(out).toEqual({ items: [{ name: 'a', x: 1, y: 2 }], tags: ['t1', 't2'] });
  });
});

describe('removePaths', () => {
  it('removes keyed items, set values and leaves; maps emptied by it go', () => {
    const value = { items: [{ name: 'a' }, { name: 'b', z: 1 }], tags: ['t1', 't2'], meta: { labels: { only: 'x' } } };
    const set = FieldSet.of([['f:items', 'k:{"name":"a"}'], ['f:items', 'k:{"name":"b"}', 'f:z'], ['f:tags', 'v:"t1"'], ['f:meta', 'f:labels', 'f:only']]);
    expect(removePaths(value, set, byName)).toEqual({ items: [{ name: 'b' }], tags: ['t2'] });
  });
});
