// The store's key index, by collection: a key's collection is the key without its last segment
// (`/registry/pods/default/` for `/registry/pods/default/web-1`, `/registry/nodes/` for a node).
// Each collection keeps its keys sorted, so a namespaced list is one binary search in a small
// array, an all-namespaces list concatenates the few collections under its prefix, and a write
// costs the size of its own collection rather than of the whole store.

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

  add(key: string): void {
    const c = collectionOf(key);
    let keys = this.collections.get(c);
    if (!keys) {
      keys = [];
      this.collections.set(c, keys);
      this.orderedPrefixes = undefined;
    }
    const i = lowerBound(keys, key);
    if (keys[i] !== key) keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const c = collectionOf(key);
    const keys = this.collections.get(c);
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
    const exact = this.collections.get(prefix);
    if (exact && !this.hasNested(prefix)) return exact.slice();
    const out: string[] = [];
    const under = this.collectionsUnder(prefix);
    for (const c of under) {
      const keys = this.collections.get(c)!;
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
    const exact = this.collections.get(prefix);
    if (exact && !this.hasNested(prefix)) return exact.length;
    let n = 0;
    for (const c of this.collectionsUnder(prefix)) {
      const keys = this.collections.get(c)!;
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
