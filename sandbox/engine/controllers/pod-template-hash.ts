// pod-template-hash, computed the way the Deployment controller does: a 32-bit FNV-1a hash of
// the pod template (here over canonical JSON, since Go's deep-hash printer has no TypeScript
// twin), plus collisionCount, printed in decimal and safe-encoded with the alphabet of
// k8s.io/apimachinery/pkg/util/rand so it never spells words: "7c5ddbdf54".
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with object keys sorted, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** rand.SafeEncodeString: each byte of the string mapped onto the safe alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  const bytes = utf8(canonicalJson(template));
  if (collisionCount !== undefined) {
    // binary.LittleEndian uint32, as the controller writes it into the hasher.
    bytes.push(collisionCount & 255, (collisionCount >>> 8) & 255, (collisionCount >>> 16) & 255, (collisionCount >>> 24) & 255);
  }
  return safeEncode(String(fnv32a(bytes)));
}
