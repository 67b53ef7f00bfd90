// IPv4 arithmetic: parse, format, CIDR membership.

export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export const isIPv4 = (s: string) => ipToNumber(s) !== undefined;

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function inCIDR(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = ipToNumber(ip);
  const b = ipToNumber(base);
  const bits = Number(bitsText ?? 32);
  if (a === undefined || b === undefined) return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}
