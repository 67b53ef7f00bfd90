// The patch `kubectl apply` sends for an existing object: set what the new manifest changes
// relative to the live object, delete (null) what the last applied manifest had and the new
// one dropped, leave everything else (defaults, other writers' fields) alone. Lists are sent
// whole; the server merges keyed lists (containers by name …) with strategic merge.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function threeWayPatch(original: unknown, modified: unknown, live: unknown): Record<string, Json> {
  return (diffMaps(asMap(original), asMap(modified), asMap(live)) ?? {}) as Record<string, Json>;
}

const asMap = (v: unknown): Record<string, Json> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {});
const isMap = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

function diffMaps(original: Record<string, Json>, modified: Record<string, Json>, live: Record<string, Json>): Record<string, Json> | undefined {
  const patch: Record<string, Json> = {};
  for (const [key, want] of Object.entries(modified)) {
    const have = live[key];
    if (isMap(want) && isMap(have)) {
      const sub = diffMaps(asMap(original[key]), want, have);
      if (sub) patch[key] = sub;
    } else if (!deepEqual(want, have)) {
      patch[key] = want;
    }
  }
  for (const key of Object.keys(original)) {
    if (!(key in modified) && key in live) patch[key] = null;
  }
  return Object.keys(patch).length ? patch : undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqualSubset(x, b[i]));
  if (isMap(a) && isMap(b)) return deepEqualSubset(a, b);
  return false;
}

/** Items of a list match when every field the manifest sets equals the live one (defaults aside). */
function deepEqualSubset(want: unknown, have: unknown): boolean {
  if (isMap(want) && isMap(have)) return Object.entries(want).every(([k, v]) => deepEqualSubset(v, have[k]));
  return deepEqual(want, have);
}
