// IP address syntax (apimachinery IsValidIP, 1.32 texts).

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const all = [...groups(head), ...groups(tail)];
  const last = all[all.length - 1] ?? '';
  const v4 = IPV4.test(last);
  const hex = v4 ? all.slice(0, -1) : all;
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hex.length + (v4 ? 2 : 0);
  return tail === undefined ? count === 8 : count < 8;
}

export const isIP = (s: string): boolean => IPV4.test(s) || isIPv6(s);

/** The messages IsValidIP gives for a string. */
export function ipErrors(value: string): string[] {
  return isIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** ValidateNonSpecialIP: endpoint and external IPs may not be unspecified, loopback or link-local. */
export function specialIPErrors(value: string): string[] {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(value);
  const lower = value.toLowerCase();
  if (value === '0.0.0.0' || lower === '::') return ['may not be unspecified (0.0.0.0)'];
  if ((v4 && v4[1] === '127') || lower === '::1') return ['may not be in the loopback range (127.0.0.0/8, ::1/128)'];
  if ((v4 && v4[1] === '169' && v4[2] === '254') || /^fe[89ab][0-9a-f]?:/.test(lower)) return ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'];
  if ((v4 && v4[1] === '224' && v4[2] === '0' && v4[3] === '0') || lower.startsWith('ff02:')) {
    return ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'];
  }
  return [];
}
