// resource.Quantity's canonical text (what `Quantity.String()` prints): `1536Mi`, `500m`, `1500`, `2k`…
// Printers re-serialise quantities, so `1024Mi` in a manifest shows as `1Gi`. Exact arithmetic
// with BigInt: a value is `digits × 10^exp` (decimal) or an integer of bytes (binary).

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = new Map(Object.entries(BINARY_SUFFIXES).map(([s, p]) => [p, s]));

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
interface Parsed {
  /** value = mantissa × 10^exp */
  mantissa: bigint;
  exp: number;
  format: Format;
}

const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

function parse(text: string): Parsed | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  let mantissa = BigInt(`${sign}${whole}${frac}` || '0');
  let exp = -frac.length;
  if (suffix in BINARY_SUFFIXES) {
    mantissa *= 1024n ** BigInt(BINARY_SUFFIXES[suffix]);
    return { mantissa, exp, format: 'BinarySI' };
  }
  if (suffix in DECIMAL_SUFFIXES) return { mantissa, exp: exp + DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  const e = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (e) return { mantissa, exp: exp + Number(e[1]), format: 'DecimalExponent' };
  return undefined;
}

/** Round away from zero to nano precision, as ParseQuantity does, then drop trailing zeros. */
function normalise(p: Parsed): Parsed {
  let { mantissa, exp } = p;
  if (exp < -9) {
    const div = 10n ** BigInt(-9 - exp);
    const q = mantissa / div;
    mantissa = q * div === mantissa ? q : q + (mantissa < 0n ? -1n : 1n);
    exp = -9;
  }
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  return { ...p, mantissa, exp };
}

function decimalText(mantissa: bigint, exp: number, format: Format): string {
  // The largest exponent that is a multiple of 3, not above exp, within the suffix range.
  let e3 = Math.floor(exp / 3) * 3;
  if (format === 'DecimalSI') e3 = Math.min(Math.max(e3, -9), 18);
  const digits = mantissa * 10n ** BigInt(exp - e3);
  if (format === 'DecimalExponent') return e3 === 0 ? `${digits}` : `${digits}e${e3}`;
  return `${digits}${DECIMAL_BY_EXP.get(e3)}`;
}

function binaryText(bytes: bigint): string {
  let power = 0;
  let n = bytes;
  while (power < 6 && n !== 0n && n % 1024n === 0n) {
    n /= 1024n;
    power += 1;
  }
  return `${n}${power ? BINARY_BY_POWER.get(power) : ''}`;
}

/** The canonical form of a quantity; "0" for an absent one; the input itself if it does not parse. */
export function canonicalQuantity(q: string | number | undefined | null): string {
  if (q === undefined || q === null) return '0';
  const parsed = parse(String(q));
  if (!parsed) return String(q);
  const p = normalise(parsed);
  if (p.mantissa === 0n) return '0';
  if (p.format === 'BinarySI') {
    const small = p.mantissa * 10n ** BigInt(Math.max(p.exp, 0)) ;
    const isInteger = p.exp >= 0;
    if (isInteger && (small >= 1024n || small <= -1024n)) return binaryText(small);
    return decimalText(p.mantissa, p.exp, 'DecimalSI');
  }
  return decimalText(p.mantissa, p.exp, p.format);
}
