// The store's key index, by collection: a key's collection is the key without its last segment
// (`/registry/pods/default/` for `/registry/pods/default/web-1`, `/registry/nodes/` for a node).
// Each collection keeps its keys sorted, so a namespaced list is one binary search in a small
// array, an all-namespaces list concatenates the few collections under its prefix, and a write
// costs the size of its own collection rather than of the whole store. New keys wait unsorted
// until the collection is next read and are merged in then: 60,000 Events created one by one
// would otherwise each shift half of a large array.

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const collectionOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);

export class CollectionIndex {
  private collections = new Map<string, string[]>();
  /** Collection prefixes in order, rebuilt lazily when one appears or empties. */
  private orderedPrefixes: string[] | undefined;
  /** Collections with another collection inside (`/a/` holding keys and `/a/b/`): rare, never fast-pathed. */
  private nestingParents = new Set<string>();

  /** Keys added since their collection was last read, unsorted (may repeat a key). */
  private pending = new Map<string, string[]>();

  add(key: string): void {
    const c = collectionOf(key);
    if (!this.collections.has(c)) {
      this.collections.set(c, []);
      this.orderedPrefixes = undefined;
    }
    const waiting = this.pending.get(c);
    if (waiting) waiting.push(key);
    else this.pending.set(c, [key]);
  }

  /** The collection's keys in order, with what was added since merged in (duplicates dropped). */
  private sorted(c: string): string[] | undefined {
    const keys = this.collections.get(c);
    const waiting = this.pending.get(c);
    if (!keys || !waiting) return keys;
    this.pending.delete(c);
    waiting.sort();
    const merged: string[] = [];
    let [i, j] = [0, 0];
    while (i < keys.length || j < waiting.length) {
      const next = j >= waiting.length || (i < keys.length && keys[i] <= waiting[j]) ? keys[i++] : waiting[j++];
      if (merged[merged.length - 1] !== next) merged.push(next);
    }
    this.collections.set(c, merged);
    return merged;
  }

  remove(key: string): void {
    const c = collectionOf(key);
    const keys = this.sorted(c);
    if (!keys) return;
    const i = lowerBound(keys, key);
    if (keys[i] === key) keys.splice(i, 1);
    if (keys.length === 0) {
      this.collections.delete(c);
      this.orderedPrefixes = undefined;
    }
  }

  /** Every key starting with prefix, in key order. */
  keys(prefix: string): string[] {
    const exact = this.sorted(prefix);
    if (exact && !this.hasNested(prefix)) return exact.slice();
    const out: string[] = [];
    const under = this.collectionsUnder(prefix);
    for (const c of under) {
      const keys = this.sorted(c)!;
      if (c.startsWith(prefix)) {
        for (const k of keys) out.push(k);
      } else {
        // The prefix ends inside this collection (a name prefix): a range of it.
        for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i]);
      }
    }
    return under.some((c, i) => i > 0 && c.startsWith(under[i - 1])) ? out.sort() : out;
  }

  count(prefix: string): number {
    const exact = this.sorted(prefix);
    if (exact && !this.hasNested(prefix)) return exact.length;
    let n = 0;
    for (const c of this.collectionsUnder(prefix)) {
      const keys = this.sorted(c)!;
      if (c.startsWith(prefix)) n += keys.length;
      else for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) n++;
    }
    return n;
  }

  /**
   * The collections that can hold keys under prefix, in order. Two collections neither of which is
   * a prefix of the other hold disjoint, ordered key ranges, so concatenating them keeps key order;
   * a collection nested in another (`/a/` and `/a/b/`) is interleaved by sorting its keys in.
   */
  private collectionsUnder(prefix: string): string[] {
    const ordered = this.prefixes();
    const out: string[] = [];
    for (let i = lowerBound(ordered, collectionOf(prefix)); i < ordered.length; i++) {
      const c = ordered[i];
      if (c.startsWith(prefix) || prefix.startsWith(c)) out.push(c);
      else if (c > prefix && !c.startsWith(prefix)) break;
    }
    return out;
  }

  private prefixes(): string[] {
    if (!this.orderedPrefixes) {
      this.orderedPrefixes = [...this.collections.keys()].sort();
      // Everything starting with c sorts right after c: one look at the next prefix finds nesting.
      this.nestingParents = new Set(this.orderedPrefixes.filter((c, i, all) => all[i + 1]?.startsWith(c)));
    }
    return this.orderedPrefixes;
  }

  private hasNested(collection: string): boolean {
    this.prefixes();
    return this.nestingParents.has(collection);
  }
}
