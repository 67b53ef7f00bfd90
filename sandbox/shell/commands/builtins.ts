// Shell builtins: they change the shell's own state (cwd, variables, aliases) or its flow.
import type { CommandContext, CommandFn } from '../interpreter.js';
import { VfsError } from '../vfs.js';

const cd: CommandFn = ({ args, io, shell }) => {
  const target = args[0] === undefined || args[0] === '~' ? (shell.getVar('HOME') ?? '/root') : args[0] === '-' ? (shell.getVar('OLDPWD') ?? shell.fs.cwd) : args[0];
  const before = shell.fs.cwd;
  try {
    shell.fs.chdir(target);
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
    io.err(`bash: cd: ${target}: ${e.reason}\n`);
    return 1;
  }
  shell.setVar('OLDPWD', before);
  if (args[0] === '-') io.out(shell.fs.cwd + '\n');
  return 0;
};

const exportCmd: CommandFn = ({ args, io, shell }) => {
  if (!args.length || args[0] === '-p') {
    for (const [k, v] of Object.entries(shell.environment())) io.out(`declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      io.err(`bash: export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (m[2] !== undefined) shell.setVar(m[1], m[2]);
    shell.exported.add(m[1]);
  }
  return status;
};

const unset: CommandFn = ({ args, shell }) => {
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    shell.vars.delete(name);
    shell.exported.delete(name);
    shell.functions.delete(name);
  }
  return 0;
};

const quoteAlias = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

const alias: CommandFn = ({ args, io, shell }) => {
  if (!args.length || args[0] === '-p') {
    for (const [k, v] of [...shell.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`alias ${k}=${quoteAlias(v)}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) shell.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (shell.aliases.has(arg)) io.out(`alias ${arg}=${quoteAlias(shell.aliases.get(arg)!)}\n`);
    else {
      io.err(`bash: alias: ${arg}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const unalias: CommandFn = ({ args, io, shell }) => {
  if (args[0] === '-a') {
    shell.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (!shell.aliases.delete(a)) {
      io.err(`bash: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const history: CommandFn = ({ args, io, shell }) => {
  if (args[0] === '-c') {
    shell.history = [];
    return 0;
  }
  const n = args[0] ? Number(args[0]) : shell.history.length;
  const start = Math.max(0, shell.history.length - n);
  shell.history.slice(start).forEach((line, i) => io.out(`${String(start + i + 1).padStart(5)}  ${line}\n`));
  return 0;
};

const echo: CommandFn = ({ args, io }) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
  }
  let text = args.slice(i).join(' ');
  if (escapes) text = unescapeC(text);
  io.out(text + (newline ? '\n' : ''));
  return 0;
};

/** Backslash escapes of echo -e and printf. */
export function unescapeC(s: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '0': '\0' };
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[ntr\\abefv0])/g, (_, c: string) => (c[0] === 'x' ? String.fromCharCode(parseInt(c.slice(1), 16)) : map[c]));
}

const printf: CommandFn = ({ args, io }) => {
  if (!args.length) {
    io.err('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const [format, ...rest] = args;
  let out = '';
  let argi = 0;
  do {
    out += unescapeC(format).replace(/%(-?\d*)([sdq%])/g, (_, width: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = rest[argi++] ?? '';
      const value = conv === 'd' ? String(parseInt(arg || '0', 10) || 0) : arg;
      const w = Number(width.replace('-', '')) || 0;
      return width.startsWith('-') ? value.padEnd(w) : value.padStart(w);
    });
  } while (argi > 0 && argi < rest.length);
  io.out(out);
  return 0;
};

const sleep: CommandFn = async ({ args, io, shell }) => {
  const seconds = args.reduce((sum, a) => sum + parseDuration(a), 0);
  if (Number.isNaN(seconds) || !args.length) {
    io.err(args.length ? `sleep: invalid time interval '${args[0]}'\n` : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  await shell.host.sleep(seconds * 1000, io.interrupt);
  return io.interrupt.interrupted ? 130 : 0;
};

function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
  if (!m) return NaN;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

const env: CommandFn = ({ args, io, shell }) => {
  if (args.length) return shell.invoke(args[0], args.slice(1), io);
  for (const [k, v] of Object.entries(shell.environment())) io.out(`${k}=${v}\n`);
  return 0;
};

const typeCmd: CommandFn = ({ args, io, shell, name }) => {
  let status = 0;
  for (const a of args) {
    if (shell.aliases.has(a) && name === 'type') io.out(`${a} is aliased to \`${shell.aliases.get(a)}'\n`);
    else if (shell.functions.has(a) && name === 'type') io.out(`${a} is a function\n`);
    else if (BUILTIN_NAMES.has(a) && name === 'type') io.out(`${a} is a shell builtin\n`);
    else if (shell.host.commands.has(a)) io.out(name === 'type' ? `${a} is /usr/bin/${a}\n` : `/usr/bin/${a}\n`);
    else {
      if (name === 'type') io.err(`bash: type: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const exit: CommandFn = ({ args, shell }) => shell.exit(args[0] ? Number(args[0]) & 255 : shell.lastStatus);
const breakCmd: CommandFn = ({ shell }) => shell.loopControl('break');
const continueCmd: CommandFn = ({ shell }) => shell.loopControl('continue');
const returnCmd: CommandFn = ({ args, shell }) => shell.returnFromFunction(args[0] ? Number(args[0]) : shell.lastStatus);
const clear: CommandFn = ({ io }) => {
  io.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};
const source: CommandFn = async ({ args, io, shell }) => {
  if (!args[0]) {
    io.err('bash: source: filename argument required\n');
    return 2;
  }
  return shell.runSource(shell.fs.readFile(args[0]), io);
};
const read: CommandFn = ({ args, io, shell }) => {
  const names = args.filter((a) => !a.startsWith('-'));
  const line = io.stdin.split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/);
  names.forEach((n, i) => shell.setVar(n, i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')));
  return io.stdin ? 0 : 1;
};

export const builtinCommands: Record<string, CommandFn> = {
  cd,
  pwd: ({ io, shell }) => (io.out(shell.fs.cwd + '\n'), 0),
  export: exportCmd,
  unset,
  alias,
  unalias,
  history,
  echo,
  printf,
  sleep,
  env,
  printenv: (ctx: CommandContext) => (ctx.args.length ? (ctx.shell.environment()[ctx.args[0]] !== undefined ? (ctx.io.out(ctx.shell.environment()[ctx.args[0]] + '\n'), 0) : 1) : env(ctx)),
  type: typeCmd,
  which: typeCmd,
  exit,
  logout: exit,
  break: breakCmd,
  continue: continueCmd,
  return: returnCmd,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  clear,
  source,
  '.': source,
  read,
};

const BUILTIN_NAMES = new Set(['cd', 'pwd', 'export', 'unset', 'alias', 'unalias', 'history', 'echo', 'printf', 'type', 'exit', 'logout', 'break', 'continue', 'return', 'true', 'false', ':', 'source', '.', 'read', 'test', '[']);
