// xargs, date, hostname, whoami, uname, seq, yes-free helpers learners reach for.
import type { CommandFn } from '../interpreter.js';

const xargs: CommandFn = async ({ args, io, shell }) => {
  let perCall = Infinity;
  let replace: string | undefined;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-n') perCall = Number(args[++i]);
    else if (args[i] === '-I') replace = args[++i];
    else if (args[i].startsWith('-I')) replace = args[i].slice(2);
    else if (args[i] === '-r' || args[i] === '--no-run-if-empty') continue;
  }
  const [cmd = 'echo', ...base] = args.slice(i);
  const items = replace !== undefined ? io.stdin.split('\n').filter((l) => l.trim()) : io.stdin.split(/\s+/).filter(Boolean);
  if (!items.length) return replace !== undefined || args.includes('-r') ? 0 : shell.invoke(cmd, base, io);
  let status = 0;
  if (replace !== undefined) {
    for (const item of items) status = (await shell.invoke(cmd, base.map((a) => a.split(replace!).join(item)), { ...io, stdin: '' })) || status;
    return status ? 123 : 0;
  }
  for (let k = 0; k < items.length; k += perCall === Infinity ? items.length : perCall) {
    status = (await shell.invoke(cmd, [...base, ...items.slice(k, perCall === Infinity ? undefined : k + perCall)], { ...io, stdin: '' })) || status;
  }
  return status ? 123 : 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** GNU date's default format and the common +FORMAT directives, in UTC (the sandbox's zone). */
export function formatDate(ms: number, format?: string): string {
  const d = new Date(ms);
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), H: pad(d.getUTCHours()), M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()),
    s: String(Math.floor(ms / 1000)), a: DAYS[d.getUTCDay()], b: MONTHS[d.getUTCMonth()], e: String(d.getUTCDate()).padStart(2), Z: 'UTC', z: '+0000', y: pad(d.getUTCFullYear() % 100), j: pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1, 3), '%': '%', N: pad(ms % 1000, 3) + '000000',
  };
  map.F = `${map.Y}-${map.m}-${map.d}`;
  map.T = `${map.H}:${map.M}:${map.S}`;
  if (!format) return `${map.a} ${map.b} ${map.e} ${map.T} UTC ${map.Y}`;
  return format.replace(/%([A-Za-z%])/g, (m, c: string) => map[c] ?? m);
}

const date: CommandFn = ({ args, io, shell }) => {
  const format = args.find((a) => a.startsWith('+'));
  io.out(formatDate(shell.host.now(), format?.slice(1)) + '\n');
  return 0;
};

const seq: CommandFn = ({ args, io }) => {
  const n = args.map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  if ([first, step, last].some(Number.isNaN) || step === 0) {
    io.err(`seq: invalid floating point argument: '${args.find((a) => Number.isNaN(Number(a))) ?? args[0]}'\n`);
    return 1;
  }
  let out = '';
  for (let v = first, count = 0; step > 0 ? v <= last : v >= last; v += step) {
    out += v + '\n';
    if (++count > 100_000) break;
  }
  io.out(out);
  return 0;
};

export const miscCommands: Record<string, CommandFn> = {
  xargs,
  date,
  seq,
  hostname: ({ io, shell }) => (io.out((shell.getVar('HOSTNAME') ?? 'controlplane') + '\n'), 0),
  whoami: ({ io }) => (io.out('root\n'), 0),
  id: ({ io }) => (io.out('uid=0(root) gid=0(root) groups=0(root)\n'), 0),
  uname: ({ args, io }) => (io.out(args.includes('-a') ? 'Linux controlplane 5.15.0-122-generic #132-Ubuntu SMP x86_64 x86_64 x86_64 GNU/Linux\n' : args.includes('-r') ? '5.15.0-122-generic\n' : 'Linux\n'), 0),
};
