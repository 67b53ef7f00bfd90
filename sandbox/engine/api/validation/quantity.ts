// resource.Quantity as validation needs it: exact comparison and Go's canonical String() form,
// which messages print ("must be less than or equal to cpu limit of 500m"). Values are kept as
// BigInt nano-units, so "0.5" and "500m" compare equal exactly as in Go.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));

const pow = (base: bigint, exp: number) => base ** BigInt(exp);

/** Parses a quantity string; undefined when Go's ParseQuantity would fail. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = String(input).trim();
  const m = QUANTITY_RE.exec(s);
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return undefined;
  const [, num, suffix] = m;
  const negative = num.startsWith('-');
  const [intPart, fracPart = ''] = num.replace(/^[+-]/, '').split('.');
  // mantissa × 10^-frac.length
  const mantissa = BigInt((intPart || '0') + fracPart);
  let scaled: bigint; // nanos, rounded up like Go
  let format: QuantityFormat;
  const toNanos = (factorNum: bigint, exp10: number) => {
    const e = exp10 + 9 - fracPart.length;
    if (e >= 0) return mantissa * factorNum * pow(10n, e);
    const d = pow(10n, -e);
    const n = mantissa * factorNum;
    return (n + d - 1n) / d;
  };
  if (BINARY.includes(suffix) && suffix !== '') {
    format = 'BinarySI';
    scaled = toNanos(pow(1024n, BINARY.indexOf(suffix)), 0);
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    scaled = toNanos(1n, DECIMAL[suffix]);
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    scaled = toNanos(1n, Number(suffix.slice(1)));
  } else return undefined;
  return { nanos: negative ? -scaled : scaled, format };
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Go's Quantity.String(): the canonical form in the quantity's own format. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  const whole = abs % 1_000_000_000n === 0n;
  if (q.format === 'BinarySI' && whole && abs >= 1024n * 1_000_000_000n) {
    let value = abs / 1_000_000_000n;
    let i = 0;
    while (i < BINARY.length - 1 && value % 1024n === 0n) {
      value /= 1024n;
      i++;
    }
    return `${sign}${value}${BINARY[i]}`;
  }
  // Decimal: the largest exponent that is a multiple of 3 and keeps the mantissa whole.
  let exp = -9;
  let mantissa = abs;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** The canonical text of a quantity string, or the string itself when it does not parse. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}

/**
 * Go's %#v of a parsed resource.Quantity, as errors that pass the Quantity itself (not its String())
 * print it: the int64Amount holds the digits and a base-10 scale (binary suffixes are multiplied
 * out), `s` caches the canonical string once String() ran, which the message text has done.
 */
export function goQuantityLiteral(input: string | number): string {
  const s = String(input).trim();
  const q = parseQuantity(s);
  if (!q) return JSON.stringify(s);
  const m = /^([+-]?)(\d*)\.?(\d*)(.*)$/.exec(s)!;
  const [, sign, intPart, frac, suffix] = m;
  let value: bigint;
  let scale: number;
  if (q.format === 'BinarySI') {
    value = q.nanos / 1_000_000_000n;
    scale = 0;
  } else {
    const exp = q.format === 'DecimalExponent' ? Number(suffix.slice(1)) : DECIMAL[suffix];
    value = BigInt(`${sign}${(intPart + frac).replace(/^0+(?=\d)/, '') || '0'}`);
    scale = exp - frac.length;
  }
  return `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(formatQuantity(q))}, Format:${JSON.stringify(q.format)}}`;
}
