// File utilities over the learner's virtual filesystem: ls, cat, mkdir, rm, touch, cp, mv.
import type { CommandFn } from '../interpreter.js';
import { VfsError, type VfsStat } from '../vfs.js';
import { getopt, invalidOption } from './options.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function modeString(st: VfsStat): string {
  const bits = ['r', 'w', 'x'];
  let s = st.type === 'dir' ? 'd' : '-';
  for (let i = 8; i >= 0; i--) s += st.mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  return s;
}

function longLine(st: VfsStat, name: string, sizeWidth: number): string {
  const d = new Date(st.mtimeMs);
  const date = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${modeString(st)} ${st.type === 'dir' ? 2 : 1} root root ${String(st.type === 'dir' ? 4096 : st.size).padStart(sizeWidth)} ${date} ${name}`;
}

const ls: CommandFn = ({ args, io, shell }) => {
  const opts = getopt(args, { flags: 'laA1hRtr', long: { all: 'a' } });
  if (opts.unknown) return io.err(invalidOption('ls', opts.unknown)), 2;
  const targets = opts.operands.length ? opts.operands : ['.'];
  let status = 0;
  const blocks: string[] = [];
  for (const t of targets) {
    let names: string[];
    let dir = t;
    try {
      const st = shell.fs.stat(t);
      if (st.type === 'file') {
        blocks.push(opts.flags.has('l') ? longLine(st, t, String(st.size).length) + '\n' : t + '\n');
        continue;
      }
      names = shell.fs.readdir(t).sort();
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      io.err(`ls: cannot access '${t}': ${e.reason}\n`);
      status = 2;
      continue;
    }
    if (!opts.flags.has('a') && !opts.flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
    if (opts.flags.has('a')) names = ['.', '..', ...names];
    const header = targets.length > 1 ? `${t}:\n` : '';
    blocks.push(header + renderListing(names, dir, opts.flags, io.stdoutIsTerminal, shell.fs.stat.bind(shell.fs)));
  }
  io.out(blocks.join('\n'));
  return status;
};

function renderListing(names: string[], dir: string, flags: Set<string>, terminal: boolean, stat: (p: string) => VfsStat): string {
  if (flags.has('l')) {
    const stats = names.map((n) => stat(n === '.' || n === '..' ? `${dir}/${n}` : `${dir}/${n}`));
    const width = Math.max(1, ...stats.map((s) => String(s.type === 'dir' ? 4096 : s.size).length));
    const total = stats.reduce((sum, s) => sum + (s.type === 'dir' ? 4 : Math.ceil(s.size / 4096) * 4), 0);
    return `total ${total}\n` + names.map((n, i) => longLine(stats[i], n, width) + '\n').join('');
  }
  if (!names.length) return '';
  return terminal && !flags.has('1') ? names.join('  ') + '\n' : names.map((n) => n + '\n').join('');
}

const cat: CommandFn = ({ args, io, shell }) => {
  const files = args.filter((a) => a !== '-n');
  if (!files.length) {
    io.out(io.stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      io.out(io.stdin);
      continue;
    }
    try {
      io.out(shell.fs.readFile(f));
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      io.err(`cat: ${f}: ${e.reason}\n`);
      status = 1;
    }
  }
  return status;
};

function eachOperand(tool: string, operands: string[], io: { err(s: string): void }, fn: (p: string) => void, describe: (p: string, e: VfsError) => string): number {
  if (!operands.length) {
    io.err(`${tool}: missing operand\nTry '${tool} --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const p of operands) {
    try {
      fn(p);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      io.err(`${tool}: ${describe(p, e)}\n`);
      status = 1;
    }
  }
  return status;
}

const mkdir: CommandFn = ({ args, io, shell }) => {
  const opts = getopt(args, { flags: 'pv', long: { parents: 'p' } });
  return eachOperand('mkdir', opts.operands, io, (p) => shell.fs.mkdir(p, { recursive: opts.flags.has('p') }), (p, e) => `cannot create directory '${p}': ${e.reason}`);
};

const rm: CommandFn = ({ args, io, shell }) => {
  const opts = getopt(args, { flags: 'rRfv', long: { recursive: 'r', force: 'f' } });
  const recursive = opts.flags.has('r') || opts.flags.has('R');
  if (!opts.operands.length && opts.flags.has('f')) return 0;
  return eachOperand('rm', opts.operands, io, (p) => {
    if (!recursive && shell.fs.exists(p) && shell.fs.stat(p).type === 'dir') throw new VfsError('EISDIR', p);
    shell.fs.rm(p, { recursive, force: opts.flags.has('f') });
  }, (p, e) => `cannot remove '${p}': ${e.reason}`);
};

const touch: CommandFn = ({ args, io, shell }) =>
  eachOperand('touch', args.filter((a) => !a.startsWith('-')), io, (p) => {
    if (shell.fs.exists(p)) shell.fs.appendFile(p, '');
    else shell.fs.writeFile(p, '');
  }, (p, e) => `cannot touch '${p}': ${e.reason}`);

function copyOrMove(tool: 'cp' | 'mv'): CommandFn {
  return ({ args, io, shell }) => {
    const opts = getopt(args, { flags: 'rRfiv' });
    if (opts.operands.length < 2) {
      io.err(opts.operands.length ? `${tool}: missing destination file operand after '${opts.operands[0]}'\nTry '${tool} --help' for more information.\n` : `${tool}: missing file operand\nTry '${tool} --help' for more information.\n`);
      return 1;
    }
    const dest = opts.operands[opts.operands.length - 1];
    const sources = opts.operands.slice(0, -1);
    const destIsDir = shell.fs.exists(dest) && shell.fs.stat(dest).type === 'dir';
    return eachOperand(tool, sources, io, (src) => {
      const target = destIsDir ? `${dest}/${src.split('/').pop()}` : dest;
      if (tool === 'mv') shell.fs.rename(src, target);
      else copy(shell.fs, src, target, opts.flags.has('r') || opts.flags.has('R'));
    }, (p, e) => (e.code === 'ENOENT' ? `cannot stat '${p}': ${e.reason}` : `${p}: ${e.reason}`));
  };
}

function copy(fs: import('../vfs.js').Vfs, src: string, dest: string, recursive: boolean): void {
  if (fs.stat(src).type === 'file') {
    fs.writeFile(dest, fs.readFile(src));
    return;
  }
  if (!recursive) throw new VfsError('EISDIR', src, '-r not specified; omitting directory');
  fs.mkdir(dest, { recursive: true });
  for (const name of fs.readdir(src)) copy(fs, `${src}/${name}`, `${dest}/${name}`, true);
}

export const fileCommands: Record<string, CommandFn> = { ls, cat, mkdir, rm, touch, cp: copyOrMove('cp'), mv: copyOrMove('mv') };
