// Writing in the container: `>`/`>>` redirections, touch and mkdir. Files live in the exec's view
// of the container; a write into an emptyDir mount is kept by the pod (container-mounts.ts), so
// another container of the pod, or a later exec, reads it.
import type { ContainerEnv } from './container-env.js';
import type { ShellOutput, ShellState } from './container-shell.js';

type Program = (args: string[], c: ContainerEnv, s: ShellState, o: ShellOutput) => number;

export const resolvePath = (cwd: string, p: string): string => {
  const out: string[] = [];
  for (const part of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
};

/** Directories that exist: the standard ones, those of files, mounts and mkdir. */
export function dirsOf(c: ContainerEnv): Set<string> {
  const dirs = new Set(['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var', ...(c.dirs ?? [])]);
  for (const f of [...Object.keys(c.files), ...(c.dirs ?? [])]) {
    const parts = f.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add('/' + parts.slice(0, i).join('/'));
  }
  return dirs;
}

/** Takes `> file`, `>file`, `>> file` off the argv (the last one wins, as in sh). */
export function redirection(argv: string[]): { argv: string[]; path?: string; append: boolean } {
  const rest: string[] = [];
  let path: string | undefined;
  let append = false;
  for (let i = 0; i < argv.length; i++) {
    const m = /^(1?)(>>?)(.*)$/.exec(argv[i]);
    if (!m || m[3].startsWith('&')) {
      rest.push(argv[i]);
      continue;
    }
    append = m[2] === '>>';
    path = m[3] || argv[++i];
  }
  return { argv: rest, path, append };
}

/** Writes a file as the shell does for a redirection; returns the shell's error text, if any. */
export function writeFile(c: ContainerEnv, s: ShellState, path: string, content: string, append: boolean): string | undefined {
  const full = resolvePath(s.cwd, path);
  if (full === '/dev/null') return undefined;
  const parent = full.slice(0, full.lastIndexOf('/')) || '/';
  if (dirsOf(c).has(full)) return s.shell === 'bash' ? `bash: ${path}: Is a directory\n` : c.distro === 'debian' ? `sh: 1: cannot create ${path}: Is a directory\n` : `sh: can't create ${path}: Is a directory\n`;
  if (!dirsOf(c).has(parent)) return s.shell === 'bash' ? `bash: ${path}: No such file or directory\n` : c.distro === 'debian' ? `sh: 1: cannot create ${path}: Directory nonexistent\n` : `sh: can't create ${path}: nonexistent directory\n`;
  c.files[full] = (append ? (c.files[full] ?? '') : '') + content;
  c.onWrite?.(full, c.files[full]);
  return undefined;
}

export const touch: Program = (args, c, s, o) => {
  let status = 0;
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    if (c.files[resolvePath(s.cwd, p)] !== undefined || dirsOf(c).has(resolvePath(s.cwd, p))) continue;
    const err = writeFile(c, s, p, '', true);
    if (err) o.err(c.distro === 'debian' ? `touch: cannot touch '${p}': No such file or directory\n` : `touch: ${p}: No such file or directory\n`);
    if (err) status = 1;
  }
  return status;
};

export const mkdir: Program = (args, c, s, o) => {
  const parents = args.some((a) => /^-\w*p/.test(a));
  let status = 0;
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    const full = resolvePath(s.cwd, p);
    const parent = full.slice(0, full.lastIndexOf('/')) || '/';
    const exists = dirsOf(c).has(full) || c.files[full] !== undefined;
    if (exists && parents) continue;
    if (exists || (!parents && !dirsOf(c).has(parent))) {
      const why = exists ? 'File exists' : 'No such file or directory';
      o.err(c.distro === 'debian' ? `mkdir: cannot create directory '${p}': ${why}\n` : `mkdir: can't create directory '${p}': ${why}\n`);
      status = 1;
      continue;
    }
    (c.dirs ??= []).push(full);
  }
  return status;
};
