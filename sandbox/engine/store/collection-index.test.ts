import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock.js';
import { CollectionIndex } from './collection-index.js';

/** What a list must answer: every key with the prefix, sorted (the scan the index replaces). */
const scan = (all: Set<string>, prefix: string) => [...all].filter((k) => k.startsWith(prefix)).sort();

describe('CollectionIndex', () => {
  it('answers every prefix exactly like a sorted scan, through adds and removes', () => {
    const random = new SeededRandom(4);
    const pick = <T>(xs: T[]) => xs[Math.floor(random.next() * xs.length)];
    const index = new CollectionIndex();
    const all = new Set<string>();
    const collections = ['/registry/pods/default/', '/registry/pods/default-x/', '/registry/pods/kube-system/', '/registry/nodes/', '/registry/services/specs/default/', '/registry/services/endpoints/default/', '/k/', '/k/nested/'];
    const names = ['a', 'a-1', 'b', 'web-1', 'web-10', 'web-2', 'x.y', 'Z'];
    for (let step = 0; step < 2000; step++) {
      const key = pick(collections) + pick(names);
      if (random.next() < 0.35) {
        index.remove(key);
        all.delete(key);
      } else {
        index.add(key);
        all.add(key);
      }
      if (step % 50 === 0) {
        for (const prefix of ['', '/', '/registry/', '/registry/pods/', '/registry/pods/default', '/registry/pods/default/', '/registry/pods/default/web-1', '/registry/services/', '/k/', '/k/n', '/nothing/', ...collections]) {
          expect(index.keys(prefix)).toEqual(scan(all, prefix));
          expect(index.count(prefix)).toBe(scan(all, prefix).length);
        }
      }
    }
  });

  it('lists one namespace without visiting the others', () => {
    const index = new CollectionIndex();
    for (let ns = 0; ns < 200; ns++) for (let i = 0; i < 50; i++) index.add(`/registry/events/ns${ns}/e${i}`);
    index.add('/registry/pods/default/p');
    const keys = index.keys('/registry/pods/default/');
    expect(keys).toEqual(['/registry/pods/default/p']);
    // The answer is a copy: changing it does not change the index.
    keys.push('x');
    expect(index.count('/registry/pods/')).toBe(1);
    expect(index.count('/registry/events/')).toBe(10_000);
  });
});
