// Opaque continue tokens for paginated lists, in the real API server's format: base64 of
// {"v":"meta.k8s.io/v1","rv":<list revision>,"start":"<next key>\u0000"} (storage/continue.go),
// where the key is relative to the listed prefix.
import { badRequest } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string (the engine has no TextEncoder: no DOM or Node libs). */
export function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) c = (c << 6) | (bytes[i + j] & 63);
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}

export function base64Encode(s: string): string {
  const bytes = utf8(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

export function base64Decode(s: string): string | undefined {
  const clean = s.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return fromUtf8(bytes);
}

export interface ContinuePosition {
  revision: number;
  /** The key (relative to the list prefix) to start at, inclusive. */
  start: string;
}

export function encodeContinue(revision: number, nextKey: string): string {
  return base64Encode(JSON.stringify({ v: 'meta.k8s.io/v1', rv: revision, start: `${nextKey}\u0000` }).replace(/\u0000/g, '\\u0000'));
}

export function decodeContinue(token: string): ContinuePosition {
  const text = base64Decode(token);
  let parsed: { v?: string; rv?: number; start?: string } | undefined;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed) throw badRequest(`continue key is not valid: ${text === undefined ? 'illegal base64 data at input byte 0' : 'invalid character in continue token'}`);
  if (parsed.v !== 'meta.k8s.io/v1') throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (!parsed.rv || parsed.rv <= 0) throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (!parsed.start) throw badRequest('continue key is not valid: encoded start key empty');
  return { revision: parsed.rv, start: parsed.start.replace(/\u0000$/, '') };
}
