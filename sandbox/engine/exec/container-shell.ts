// The shell and small programs a learner reaches with `kubectl exec`: a command vector run once,
// `sh -c '…'`, or an interactive `sh`/`bash` whose prompt is the image's (`/ # ` for busybox and
// alpine, `root@<pod>:/# ` for Debian's bash, `# ` for Debian's dash). Only the common subset:
// ls, cat, echo, env/printenv, hostname, pwd, cd, id/whoami, uname, ps, sleep, true/false, exit.
import type { ContainerEnv } from './container-env.js';
import { netProgram } from './container-net.js';
import { dirsOf, mkdir, redirection, resolvePath, touch, writeFile } from './container-write.js';

export interface ShellOutput {
  out(text: string): void;
  err(text: string): void;
}

export interface ShellState {
  cwd: string;
  status: number;
  /** Set by `exit`: the shell ends with this code. */
  exited?: number;
  shell: 'sh' | 'bash';
}

type Program = (args: string[], c: ContainerEnv, s: ShellState, o: ShellOutput, stdin?: string) => number;

const resolve = resolvePath;

function children(c: ContainerEnv, dir: string): string[] {
  const names = new Set<string>();
  const prefix = dir === '/' ? '/' : dir + '/';
  for (const p of [...Object.keys(c.files), ...dirsOf(c)]) if (p.startsWith(prefix) && p !== dir) names.add(p.slice(prefix.length).split('/')[0]);
  return [...names].sort();
}

const ls: Program = (args, c, s, o) => {
  const all = args.some((a) => /^-\w*a/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const p of paths.length ? paths : ['.']) {
    const full = resolve(s.cwd, p);
    if (c.files[full] !== undefined) o.out(`${p}\n`);
    else if (dirsOf(c).has(full)) {
      const names = children(c, full);
      o.out([...(all ? ['.', '..'] : []), ...names].map((n) => n + '\n').join(''));
    } else {
      o.err(c.distro === 'debian' ? `ls: cannot access '${p}': No such file or directory\n` : `ls: ${p}: No such file or directory\n`);
      status = c.distro === 'debian' ? 2 : 1;
    }
  }
  return status;
};

const cat: Program = (args, c, s, o, stdin) => {
  if (!args.length) return o.out(stdin ?? ''), 0;
  let status = 0;
  for (const p of args) {
    const full = resolve(s.cwd, p);
    if (c.files[full] !== undefined) o.out(c.files[full]);
    else {
      // busybox (busybox and alpine images) words it as "can't open"; GNU cat as Debian's.
      const missing = c.distro === 'debian' ? `cat: ${p}: No such file or directory\n` : `cat: can't open '${p}': No such file or directory\n`;
      o.err(dirsOf(c).has(full) ? `cat: ${p}: Is a directory\n` : missing);
      status = 1;
    }
  }
  return status;
};

const env: Program = (args, c, _s, o) => {
  if (args.length) {
    for (const a of args) if (c.env[a] !== undefined) o.out(c.env[a] + '\n');
    return args.every((a) => c.env[a] !== undefined) ? 0 : 1;
  }
  o.out(Object.entries(c.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

const ps: Program = (_args, c, _s, o) => {
  o.out('PID   USER     TIME  COMMAND\n' + [...c.processes, { pid: c.processes.at(-1)!.pid + 6, command: 'ps' }].map((p) => `${String(p.pid).padStart(5)} root      0:00 ${p.command}\n`).join(''));
  return 0;
};

/** The text a filter reads: its file arguments, or its stdin. */
function input(files: string[], c: ContainerEnv, s: ShellState, o: ShellOutput, stdin: string | undefined): string | undefined {
  if (!files.length) return stdin ?? '';
  let text = '';
  for (const f of files) {
    const content = c.files[resolve(s.cwd, f)];
    if (content === undefined) {
      o.err(`${f}: No such file or directory\n`);
      return undefined;
    }
    text += content;
  }
  return text;
}

const lines = (text: string) => text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined);

function headTail(which: 'head' | 'tail'): Program {
  return (args, c, s, o, stdin) => {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const m = /^-n?(\d+)$/.exec(args[i]);
      if (m) n = Number(m[1]);
      else if (args[i] === '-n') n = Number(args[++i]);
      else files.push(args[i]);
    }
    const text = input(files, c, s, o, stdin);
    if (text === undefined) return 1;
    const all = lines(text);
    o.out((which === 'head' ? all.slice(0, n) : all.slice(Math.max(0, all.length - n))).map((l) => l + '\n').join(''));
    return 0;
  };
}

const grep: Program = (args, c, s, o, stdin) => {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const [pattern, ...files] = args.filter((a) => !a.startsWith('-'));
  const text = input(files, c, s, o, stdin);
  if (text === undefined || pattern === undefined) return 2;
  const re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
  const hits = lines(text).filter((l) => re.test(l) !== flags.includes('v'));
  o.out(hits.map((l) => l + '\n').join(''));
  return hits.length ? 0 : 1;
};

const wc: Program = (args, c, s, o, stdin) => {
  const text = input(args.filter((a) => !a.startsWith('-')), c, s, o, stdin);
  if (text === undefined) return 1;
  const count = args.includes('-l') ? lines(text).length : text.length;
  o.out(`${count}\n`);
  return 0;
};

/** Names in the images' /etc/passwd and /etc/group (root and nobody); others print as numbers. */
const userName = (id: number): string | undefined => (id === 0 ? 'root' : id === 65534 ? 'nobody' : undefined);
const named = (id: number, name = userName(id)): string => (name ? `${id}(${name})` : String(id));

/** `id`: the process's uid, gid and supplementary groups (runAsUser, runAsGroup, fsGroup, supplementalGroups). */
const id: Program = (_a, c, _s, o) => {
  const { uid, gid, groups } = c.user;
  if (uid === 0 && gid === 0 && groups.length === 1) return o.out('uid=0(root) gid=0(root) groups=0(root)\n'), 0;
  const gname = (g: number) => named(g, g === 0 ? 'root' : g === 65534 ? (c.distro === 'debian' ? 'nogroup' : 'nobody') : undefined);
  o.out(`uid=${named(uid)} gid=${gname(gid)} groups=${[...groups].sort((a, b) => a - b).map(gname).join(',')}\n`);
  return 0;
};

const PROGRAMS: Record<string, Program> = {
  touch,
  mkdir,
  head: headTail('head'),
  tail: headTail('tail'),
  grep,
  wc,
  ls,
  cat,
  env: (_a, c, s, o) => env([], c, s, o),
  printenv: env,
  echo: (a, _c, _s, o) => (o.out(a[0] === '-n' ? a.slice(1).join(' ') : a.join(' ') + '\n'), 0),
  hostname: (_a, c, _s, o) => (o.out(c.podName + '\n'), 0),
  pwd: (_a, _c, s, o) => (o.out(s.cwd + '\n'), 0),
  id,
  whoami: (_a, c, _s, o) => {
    const name = userName(c.user.uid);
    if (name) return o.out(name + '\n'), 0;
    o.err(c.distro === 'debian' ? `whoami: cannot find name for user ID ${c.user.uid}\n` : `whoami: unknown uid ${c.user.uid}\n`);
    return 1;
  },
  uname: (a, c, _s, o) => (o.out(a.includes('-a') ? `Linux ${c.podName} 6.8.0-1015-gcp #17-Ubuntu SMP x86_64 GNU/Linux\n` : 'Linux\n'), 0),
  true: () => 0,
  false: () => 1,
  sleep: () => 0,
  ps,
};

/** Splits a line into words, honouring quotes and expanding $VAR and $?. */
export function words(line: string, c: ContainerEnv, s: ShellState): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      cur = (cur ?? '') + line.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? line.length : end;
    } else if (ch === '"') {
      const end = line.indexOf('"', i + 1);
      cur = (cur ?? '') + expand(line.slice(i + 1, end < 0 ? undefined : end), c, s);
      i = end < 0 ? line.length : end;
    } else if (ch === ' ' || ch === '\t') {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (ch === '$') {
      const m = /^\$(\?|\w+|\{\w+\})/.exec(line.slice(i));
      if (!m) cur = (cur ?? '') + ch;
      else {
        const value = expand(m[0], c, s);
        i += m[0].length - 1;
        if (value || cur !== undefined) cur = (cur ?? '') + value;
      }
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

function expand(text: string, c: ContainerEnv, s: ShellState): string {
  return text.replace(/\$(\?|\w+|\{(\w+)\})/g, (_m, name: string, braced?: string) => (name === '?' ? String(s.status) : (c.env[braced ?? name] ?? '')));
}

/** Splits a script on `;`, `&&`, `||` and newlines outside quotes. */
function statements(script: string): Array<{ text: string; op: ';' | '&&' | '||' }> {
  const out: Array<{ text: string; op: ';' | '&&' | '||' }> = [];
  let quote = '';
  let start = 0;
  let op: ';' | '&&' | '||' = ';';
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    const two = script.slice(i, i + 2);
    const sep = two === '&&' || two === '||' ? two : ch === ';' || ch === '\n' ? ';' : undefined;
    if (!sep) continue;
    out.push({ text: script.slice(start, i), op });
    op = sep;
    start = i + sep.length;
    i += sep.length - 1;
  }
  out.push({ text: script.slice(start), op });
  return out;
}

/** Runs a script as `sh -c` would; returns its exit status. */
export function runScript(script: string, c: ContainerEnv, s: ShellState, o: ShellOutput): number {
  for (const st of statements(script)) {
    if (s.exited !== undefined) break;
    if ((st.op === '&&' && s.status !== 0) || (st.op === '||' && s.status === 0)) continue;
    if (!st.text.trim()) continue;
    s.status = runSimple(st.text, c, s, o);
  }
  return s.exited ?? s.status;
}

/** A pipeline: each stage's stdout is the next one's stdin; the last stage's status counts. */
function runSimple(text: string, c: ContainerEnv, s: ShellState, o: ShellOutput): number {
  const stages = splitPipes(text);
  let stdin: string | undefined;
  let status = 0;
  stages.forEach((stage, i) => {
    if (i === stages.length - 1) return (status = runStage(stage, c, s, o, stdin));
    let captured = '';
    runStage(stage, c, s, { out: (t) => (captured += t), err: o.err }, stdin);
    stdin = captured;
  });
  return status;
}

function splitPipes(text: string): string[] {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') (out.push(text.slice(start, i)), (start = i + 1));
  }
  out.push(text.slice(start));
  return out;
}

function runStage(text: string, c: ContainerEnv, s: ShellState, o: ShellOutput, stdin: string | undefined): number {
  // `>&2` sends stdout to stderr; `> file` and `>> file` write the file (container-write.ts).
  const toErr = /(^|\s)1?>&2(\s|$)/.test(text);
  const { argv, path, append } = redirection(words(text.replace(/(^|\s)1?>&2(?=\s|$)/g, ' '), c, s));
  if (path !== undefined) {
    let captured = '';
    const created = writeFile(c, s, path, '', append);
    if (created) return o.err(created), s.shell === 'bash' ? 1 : 2;
    const status = argv.length ? runCommand(argv, c, s, { out: (t) => (captured += t), err: o.err }, stdin) : 0;
    writeFile(c, s, path, captured, true);
    return status;
  }
  if (!argv.length) return s.status;
  return runCommand(argv, c, s, toErr ? { out: o.err, err: o.err } : o, stdin);
}

function runCommand(argv: string[], c: ContainerEnv, s: ShellState, out: ShellOutput, stdin: string | undefined): number {
  const o = out;
  const [name, ...args] = argv;
  if (name === 'exit') {
    s.exited = args.length ? Number(args[0]) & 255 : s.status;
    return s.exited;
  }
  if (name === 'cd') return changeDir(args[0] ?? c.env.HOME ?? '/', c, s, o);
  if (name === 'export') {
    for (const a of args) if (a.includes('=')) c.env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    return 0;
  }
  const base = name.split('/').pop()!;
  // wget/curl send from the pod when the exec attached the network (container-net.ts).
  const net = c.programs.has(base) ? netProgram(base, c) : undefined;
  if (net) return net(args, c, s, out);
  if (!c.programs.has(base) || !PROGRAMS[base]) {
    o.err(notFound(base, c, s));
    return 127;
  }
  return PROGRAMS[base](args, c, s, out, stdin);
}

function changeDir(target: string, c: ContainerEnv, s: ShellState, o: ShellOutput): number {
  const full = resolve(s.cwd, target);
  if (dirsOf(c).has(full)) {
    s.cwd = full;
    return 0;
  }
  const prefix = s.shell === 'bash' ? 'bash: cd' : c.distro === 'debian' ? 'sh: 1: cd' : 'sh: cd';
  o.err(c.distro === 'debian' && s.shell === 'sh' ? `${prefix}: can't cd to ${target}\n` : `${prefix}: ${target}: No such file or directory\n`);
  return s.shell === 'bash' ? 1 : 2;
}

function notFound(name: string, c: ContainerEnv, s: ShellState): string {
  if (s.shell === 'bash') return `bash: ${name}: command not found\n`;
  if (c.distro === 'debian') return `sh: 1: ${name}: not found\n`;
  return `sh: ${name}: not found\n`;
}

/** Whether argv[0] can be started at all (the runtime's check before the process exists). */
export function executable(name: string, c: ContainerEnv): boolean {
  return c.programs.has(name.split('/').pop()!);
}

/** Runs one program (not a shell) as the exec's process; returns its exit status. */
export function runProgram(argv: string[], c: ContainerEnv, o: ShellOutput, s: ShellState = { cwd: '/', status: 0, shell: 'sh' }): number {
  const program = netProgram(argv[0].split('/').pop()!, c) ?? PROGRAMS[argv[0].split('/').pop()!];
  if (!program) return 0;
  return program(argv.slice(1), c, s, o);
}

/** The prompt an interactive shell prints (root's PS1 in each image). */
export function prompt(c: ContainerEnv, s: ShellState): string {
  const shown = s.cwd === '/root' ? '~' : s.cwd.startsWith('/root/') ? '~' + s.cwd.slice(5) : s.cwd;
  if (s.shell === 'bash') return `root@${c.podName}:${shown}# `;
  return c.distro === 'debian' ? '# ' : `${shown} # `;
}
