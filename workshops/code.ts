// Join codes: 8 characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I), so 40
// random bits that a learner can read off a projector and type. Shown as ABCD-EFGH.
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** log2(32) × 8: what a guesser is up against (with the join rate limit on top). */
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

/** A code from CODE_LENGTH random bytes (crypto.getRandomValues on the server). 256 % 32 = 0: no bias. */
export function makeJoinCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < CODE_LENGTH) throw new Error(`a join code needs ${CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomBytes[i]! % CODE_ALPHABET.length];
  return code;
}

/**
 * What a learner typed → the stored form, or undefined when it cannot be a code. Forgiving about
 * case, spaces and dashes, and about the look-alikes we left out (O→0 is not in the alphabet, so
 * O and 0 are both refused rather than guessed).
 */
export function normalizeCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** ABCDEFGH → ABCD-EFGH, for reading aloud. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
