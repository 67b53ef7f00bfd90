// Decoding of the two scalar formats whose failures learners hit most: `format: byte` strings
// (Secret data; Go's base64.StdEncoding, as encoding/json decodes []byte) and resource quantities
// (resource.ParseQuantity, as Quantity.UnmarshalJSON calls it). Returns the real error text.

const BASE64_ALPHABET = /[A-Za-z0-9+/]/;
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

/** Go's `illegal base64 data at input byte N` for a string StdEncoding.Decode rejects. */
export function base64Error(s: string): string | undefined {
  const at = (n: number) => `illegal base64 data at input byte ${n}`;
  let j = 0; // position inside the 4-character quantum
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isNewline(c)) continue;
    if (c === '=') return paddingError(s, i, j);
    if (!BASE64_ALPHABET.test(c)) return at(i); // everything before is ASCII: char index = byte index
    j = (j + 1) % 4;
  }
  return j === 0 ? undefined : at(s.length - j);
}

/** After the first `=` at index `i`, quantum position `j`: the rest must be the right padding. */
function paddingError(s: string, i: number, j: number): string | undefined {
  const at = (n: number) => `illegal base64 data at input byte ${n}`;
  if (j < 2) return at(i);
  let si = i + 1;
  if (j === 2) {
    while (si < s.length && isNewline(s[si])) si++;
    if (si === s.length) return at(s.length);
    if (s[si] !== '=') return at(si - 1);
    si++;
  }
  while (si < s.length && isNewline(s[si])) si++;
  return si < s.length ? at(si) : undefined;
}

export const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_WRONG = "unable to parse quantity's suffix";

const SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const SUFFIX_LETTERS = 'eEinumkKMGTP';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** The error Quantity.UnmarshalJSON returns for a JSON value, or undefined when it parses. */
export function quantityError(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return parseQuantityError(text.trim());
}

/** resource.ParseQuantity's scan: sign, digits, optional fraction, suffix letters, signed exponent digits. */
export function parseQuantityError(str: string): string | undefined {
  if (str === '') return QUANTITY_FORMAT_WRONG;
  let pos = str[0] === '-' || str[0] === '+' ? 1 : 0;
  while (pos < str.length && isDigit(str[pos])) pos++;
  if (str[pos] === '.') {
    pos++;
    while (pos < str.length && isDigit(str[pos])) pos++;
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_LETTERS.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && isDigit(str[pos])) pos++;
  if (pos < str.length) return QUANTITY_FORMAT_WRONG;
  return validSuffix(str.slice(suffixStart)) ? undefined : QUANTITY_SUFFIX_WRONG;
}

function validSuffix(suffix: string): boolean {
  if (SUFFIXES.has(suffix)) return true;
  // A decimal exponent: e3, E-2.
  return suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1));
}
