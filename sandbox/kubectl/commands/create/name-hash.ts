// --append-hash: the suffix kubectl appends to a ConfigMap's or Secret's name
// (kubectl/pkg/util/hash): SHA-256 of the object's identifying JSON (keys sorted, as Go's
// json.Marshal writes a map), its first ten hex digits with 0,1,3,a,e swapped for letters so
// the suffix never reads as a number or a word. The engine's pure SHA-256 serves here too:
// kubectl runs in the page as well, where Node's crypto is not available.
import { hex, sha256 } from '../../../engine/network/sha256.js';

/** SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. */
export function sha256Hex(text: string): string {
  return hex(sha256(text));
}

/** Go's json.Marshal of a map: keys sorted at every level, `<`, `>`, `&` escaped. */
function goJson(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    return `{${Object.keys(map)
      .sort()
      .map((k) => `${goJson(k)}:${goJson(map[k])}`)
      .join(',')}}`;
  }
  if (value === undefined) return 'null';
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** The suffix for a ConfigMap: kind, name, data (and binaryData when present). */
export function configMapHash(name: string, data: Record<string, string> | undefined): string {
  return encodeHash(sha256Hex(goJson({ kind: 'ConfigMap', name, data: data ?? {} })));
}

/** The suffix for a Secret: kind, type, name, data (base64 values, as []byte marshals). */
export function secretHash(name: string, type: string, data: Record<string, string> | undefined): string {
  return encodeHash(sha256Hex(goJson({ kind: 'Secret', type, name, data: data ?? {} })));
}
