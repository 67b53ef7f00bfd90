// Exact sums of resource quantities, printed as resource.Quantity.String() prints the result of
// Add: in the format of the first operand (`100m` + `250m` = `350m`, `64Mi` + `128Mi` = `192Mi`).
import { canonicalQuantity } from '../../engine/api/table/index.js';

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
export interface Quantity {
  /** The value in units of 10^-9. */
  nano: bigint;
  format: Format;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const NANO = 1_000_000_000n;

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

export function parseQuantity(text: unknown): Quantity {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*|[eE][+-]?\d+)$/.exec(String(text ?? '').trim());
  if (!m) return ZERO;
  const [, sign, whole, frac = '', suffix] = m;
  let digits = BigInt(`${sign}${whole}${frac}` || '0');
  let exp = -frac.length;
  let format: Format = 'DecimalSI';
  if (suffix in BINARY) {
    digits *= 1024n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) exp += DECIMAL[suffix];
  else if (/^[eE]/.test(suffix)) {
    exp += Number(suffix.slice(1));
    format = 'DecimalExponent';
  }
  return { nano: scale(digits, exp + 9), format };
}

/** digits × 10^exp, rounded up (away from zero) below nano precision. */
function scale(digits: bigint, exp: number): bigint {
  if (exp >= 0) return digits * 10n ** BigInt(exp);
  const div = 10n ** BigInt(-exp);
  const q = digits / div;
  return q * div === digits ? q : q + (digits < 0n ? -1n : 1n);
}

export const addQuantity = (a: Quantity | undefined, b: Quantity): Quantity => (a ? { nano: a.nano + b.nano, format: a.format } : { ...b });

export function maxQuantity(a: Quantity | undefined, b: Quantity): Quantity {
  return !a || b.nano > a.nano ? { ...b } : a;
}

/** Quantity.String(). */
export function quantityString(q: Quantity | undefined): string {
  if (!q || q.nano === 0n) return '0';
  if (q.format === 'BinarySI' && q.nano % NANO === 0n) {
    const bytes = q.nano / NANO;
    if (bytes > -1024n && bytes < 1024n) return canonicalQuantity(`${bytes}`);
    return bytes % 1024n === 0n ? canonicalQuantity(`${bytes / 1024n}Ki`) : `${bytes}`;
  }
  if (q.format === 'DecimalExponent') return canonicalQuantity(`${q.nano}e-9`);
  return canonicalQuantity(`${q.nano}n`);
}

/** MilliValue(): thousandths, rounded up. */
export const milliValue = (q: Quantity | undefined) => ceilDiv(q?.nano ?? 0n, 1_000_000n);
/** Value(): whole units, rounded up. */
export const unitValue = (q: Quantity | undefined) => ceilDiv(q?.nano ?? 0n, NANO);

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}
