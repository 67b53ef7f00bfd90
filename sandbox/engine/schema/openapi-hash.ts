// The `hash` of an /openapi/v3 root entry. The real server uses SHA-512 of the document in upper-case
// hex; kubectl treats it as an opaque cache key, so a cheap deterministic hash of the same length
// (eight FNV-1a 64-bit lanes with different offset bases) serves: equal documents, equal hashes.

const FNV_PRIME_HI = 0x100;
const FNV_PRIME_LO = 0x1b3;

/** One 64-bit FNV-1a lane over UTF-16 code units, on two 32-bit halves (no BigInt in the hot loop). */
function fnv1a64(text: string, seedHi: number, seedLo: number): string {
  let hi = seedHi >>> 0;
  let lo = seedLo >>> 0;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    // (hi:lo) * (FNV_PRIME_HI:FNV_PRIME_LO) mod 2^64
    const loProduct = lo * FNV_PRIME_LO;
    const carry = Math.floor(loProduct / 0x100000000);
    hi = (Math.imul(hi, FNV_PRIME_LO) + Math.imul(lo, FNV_PRIME_HI) + carry) >>> 0;
    lo = loProduct >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** 128 upper-case hex digits, like the real SHA-512 hash. */
export function documentHash(text: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) out += fnv1a64(text, 0xcbf29ce4 ^ Math.imul(lane, 0x9e3779b9), 0x84222325 + lane);
  return out.toUpperCase();
}
